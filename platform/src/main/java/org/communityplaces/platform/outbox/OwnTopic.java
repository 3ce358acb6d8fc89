package org.communityplaces.platform.outbox;

/**
 * An event sent to a topic of its own instead of its service's event topic: for readers that
 * must not share the service's topic with everyone else who reads it (a message for the person
 * carries where to send it, which the hosts' alerts and webhooks must never see).
 */
public interface OwnTopic {

	String topic();

}
