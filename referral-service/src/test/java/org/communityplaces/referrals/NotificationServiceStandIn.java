package org.communityplaces.referrals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on loopback that answers like notification-service's subject access
 * endpoint for the alerts and messages it is given: only those about the referrals asked for,
 * as the real one does. It can be made to fail, as a notification-service that is down, and it
 * remembers whether it was asked with a token.
 */
public final class NotificationServiceStandIn {

	private static HttpServer server;

	private static volatile boolean answering = true;

	private static volatile String lastAuthorization;

	/** The alerts held, each as notification-service writes one, by referral id. */
	private static final Map<String, String> alerts = new ConcurrentHashMap<>();

	private NotificationServiceStandIn() {
	}

	/** @param up false to answer every request with 503, as a notification-service that is down */
	public static void answering(boolean up) {
		answering = up;
	}

	/** Holds an alert to the host about this referral, with these words. */
	public static void holds(String referralId, String subject) {
		alerts.put(referralId, """
				{"referralId": "%s", "type": "ReferralRequested", "recipient": "host", "channel": "email",
				 "subject": "%s", "text": "Please accept or decline.", "status": "sent",
				 "createdAt": "2026-11-23T09:00:00Z", "sentAt": "2026-11-23T09:00:02Z", "readAt": null}
				""".formatted(referralId, subject));
	}

	public static void forget() {
		alerts.clear();
		lastAuthorization = null;
	}

	/** The Authorization header of the last request, or null. */
	public static String lastAuthorization() {
		return lastAuthorization;
	}

	public static synchronized String baseUrl() {
		if (server == null) {
			try {
				server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			server.createContext("/api/notifications/subject-access", exchange -> {
				lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
				String query = exchange.getRequestURI().getRawQuery();
				Set<String> asked = query == null ? Set.of()
						: Arrays.stream(query.split("&"))
							.filter(parameter -> parameter.startsWith("referralId="))
							.map(parameter -> URLDecoder.decode(parameter.substring("referralId=".length()),
									StandardCharsets.UTF_8))
							.collect(Collectors.toSet());
				List<String> held = asked.stream().filter(alerts::containsKey).map(alerts::get).toList();
				String answer = answering ? "{\"notifications\": [" + String.join(",", held) + "], \"personMessages\": []}"
						: "{\"status\": 503}";
				byte[] body = answer.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders()
					.set("Content-Type", answering ? "application/json" : "application/problem+json");
				exchange.sendResponseHeaders(answering ? 200 : 503, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
		}
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

}
