package org.communityplaces.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * The W3C {@code traceparent} of the work in hand, kept with an event in the outbox so that the
 * relay, which sends it later on another thread, can put it on the Kafka record: the consumer's
 * span then joins the trace of the request that caused the event.
 */
public final class TraceParent {

	/** The Kafka header, as W3C trace context propagation names it. */
	public static final String HEADER = "traceparent";

	private TraceParent() {
	}

	/** The current span's traceparent, or null outside any trace. */
	public static String current() {
		SpanContext span = Span.current().getSpanContext();
		if (!span.isValid()) {
			return null;
		}
		return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
	}

}
