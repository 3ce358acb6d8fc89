package org.communityplaces.platform.outbox;

/**
 * Published in-process once a write that added outbox entries to this aggregate is stored, so
 * the relay sends them at once instead of waiting for its next sweep.
 */
public record OutboxWritten(Object aggregateId) {
}
