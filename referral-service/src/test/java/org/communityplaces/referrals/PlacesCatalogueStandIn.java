package org.communityplaces.referrals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on loopback that answers like places-service for a few known places, so
 * that referral-service is tested over the wire without the whole catalogue. It can be made
 * to fail, as a catalogue that is down does.
 */
public final class PlacesCatalogueStandIn {

	public static final String RED_LION = "6760a1e0c9e77b1d2f3a4b5a";

	public static final String BAKERY = "6760a1e0c9e77b1d2f3a4b5b";

	public static final String FULL_CAFE = "6760a1e0c9e77b1d2f3a4b5c";

	/** In another district (S6) than the others (S10). */
	public static final String WALKLEY_GARDEN = "6760a1e0c9e77b1d2f3a4b5d";

	/** In another postcode area (DN) than the others (S). */
	public static final String DONCASTER_SHED = "6760a1e0c9e77b1d2f3a4b5e";

	/** The Red Lion's public listing: where it is, its weekly session and who to ask for. */
	public static final String RED_LION_LISTING = """
			{"id":"6760a1e0c9e77b1d2f3a4b5a","name":"The Red Lion","kind":"pub","status":"active",
			 "address":{"line1":"1 High Street","city":"Sheffield","postcode":"S10 1AA","district":"S10"},
			 "openingTimes":[{"days":["TU"],"opens":"10:00","closes":"12:00","description":"Coffee morning"}],
			 "askFor":"Pat Landlord","room":null}
			""";

	private static HttpServer server;

	private static volatile boolean answering = true;

	private PlacesCatalogueStandIn() {
	}

	/** @param up false to answer every request with 503, as a catalogue that is down */
	public static void answering(boolean up) {
		answering = up;
	}

	public static synchronized String baseUrl() {
		if (server == null) {
			try {
				server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			server.createContext("/api/places/", exchange -> {
				String id = exchange.getRequestURI().getPath().replace("/api/places/", "");
				if (id.equals(RED_LION + "/listing") && answering) {
					byte[] listing = RED_LION_LISTING.getBytes(StandardCharsets.UTF_8);
					exchange.getResponseHeaders().set("Content-Type", "application/json");
					exchange.sendResponseHeaders(200, listing.length);
					exchange.getResponseBody().write(listing);
					exchange.close();
					return;
				}
				String place = switch (id) {
					case RED_LION -> place(id, "The Red Lion", "PUB", "landlord@redlion.example.org", 4, "S10");
					case BAKERY -> place(id, "Crookes Bakery", "SHOP", "kim@bakery.example.org", 2, "S10");
					case FULL_CAFE -> place(id, "Full Cafe", "SHOP", "owner@fullcafe.example.org", 0, "S10");
					case WALKLEY_GARDEN -> place(id, "Walkley Community Garden", "COMMUNITY_GROUP",
							"grow@walkley.example.org", 9, "s6");
					case DONCASTER_SHED -> place(id, "Doncaster Men's Shed", "INTERGENERATIONAL_SCHEME",
							"shed@doncaster.example.org", 9, "DN1");
					default -> null;
				};
				int status = !answering ? 503 : place == null ? 404 : 200;
				byte[] body = (status == 200 ? place : "{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
				exchange.sendResponseHeaders(status, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
		}
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	private static String place(String id, String name, String kind, String hostEmail, int available,
			String district) {
		return """
				{"id":"%s","version":3,"name":"%s","kind":"%s","status":"ACTIVE","address":{"district":"%s"},
				 "host":{"name":"Host","email":"%s"},"capacity":{"available":%d,"maximum":10}}
				""".formatted(id, name, kind, district, hostEmail, available);
	}

}
