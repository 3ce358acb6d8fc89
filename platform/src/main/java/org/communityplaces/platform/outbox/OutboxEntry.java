package org.communityplaces.platform.outbox;

import java.time.Instant;

import org.communityplaces.platform.correlation.CorrelationId;
import org.communityplaces.platform.tracing.TraceParent;

/**
 * An event waiting in its aggregate's own document to be relayed to Kafka. It is written in
 * the same single-document write as the state change that caused it, so the two cannot
 * part: no transaction is needed, on real MongoDB or on the embedded store. An entry the
 * broker did not take counts its {@code attempts} and waits until {@code nextAttemptAt}.
 */
public record OutboxEntry(String eventId, String type, String topic, String payload, Instant occurredAt,
		Instant sentAt, String correlationId, String traceparent, int attempts, Instant nextAttemptAt) {

	/** An event to send, carrying the correlation id and trace of the request that caused it. */
	public static OutboxEntry pending(String eventId, String type, String topic, String payload, Instant occurredAt) {
		return new OutboxEntry(eventId, type, topic, payload, occurredAt, null, CorrelationId.current(),
				TraceParent.current(), 0, null);
	}

}
