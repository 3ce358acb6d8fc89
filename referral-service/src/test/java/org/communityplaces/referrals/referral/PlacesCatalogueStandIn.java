package org.communityplaces.referrals.referral;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on loopback that answers like places-service for one known place, so
 * that referral-service is tested over the wire without the whole catalogue.
 */
final class PlacesCatalogueStandIn {

	static final String KNOWN_PLACE_ID = "6760a1e0c9e77b1d2f3a4b5a";

	private static HttpServer server;

	private PlacesCatalogueStandIn() {
	}

	static synchronized String baseUrl() {
		if (server == null) {
			try {
				server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			server.createContext("/api/places/", exchange -> {
				boolean known = exchange.getRequestURI().getPath().equals("/api/places/" + KNOWN_PLACE_ID);
				byte[] body = (known ? """
						{"id":"%s","name":"The Red Lion","kind":"PUB","host":{"name":"Sam","email":"landlord@redlion.example.org"}}
						""".formatted(KNOWN_PLACE_ID) : """
						{"title":"Place not found","status":404}
						""").getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders()
					.set("Content-Type", known ? "application/json" : "application/problem+json");
				exchange.sendResponseHeaders(known ? 200 : 404, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
		}
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

}
