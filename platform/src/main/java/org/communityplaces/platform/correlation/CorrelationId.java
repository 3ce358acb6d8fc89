package org.communityplaces.platform.correlation;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.MDC;

/**
 * The id that follows one request from the gateway through a service's log lines and onto the
 * events it causes ({@code correlationId} in the log pattern and as a Kafka header), so an
 * engineer can find everything one request did.
 */
public final class CorrelationId {

	public static final String HEADER = "X-Correlation-Id";

	/** The MDC key and the Kafka header name. */
	public static final String KEY = "correlationId";

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

	private CorrelationId() {
	}

	/** The id of the work in hand on this thread, if any. */
	public static String current() {
		return MDC.get(KEY);
	}

	/** Runs the handling of a message that carries an id with the id in every log line it writes. */
	public static void during(String id, Runnable work) {
		if (!wellFormed(id)) {
			work.run();
			return;
		}
		try (MDC.MDCCloseable ignored = MDC.putCloseable(KEY, id)) {
			work.run();
		}
	}

	/** The id a Kafka record carries, put there by the outbox relay. */
	public static String of(Headers headers) {
		Header header = headers.lastHeader(KEY);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	static boolean wellFormed(String id) {
		return id != null && WELL_FORMED.matcher(id).matches();
	}

}
