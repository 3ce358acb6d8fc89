package org.communityplaces.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The system as an API client sees it: HTTP through the gateway, as one of the embedded stack's
 * demo users signed in with HTTP Basic, or as nobody.
 */
final class GatewayClient {

	static final String[] REFERRER = basic("sam", "referrals-demo");

	static final String[] HOST = basic("pat", "hosting-demo");

	static final String[] ADMIN = basic("ada", "admin-demo");

	static final String[] ANYONE = {};

	static final String RED_LION = "The Red Lion community table";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private final String gatewayUrl;

	GatewayClient(String gatewayUrl) {
		this.gatewayUrl = gatewayUrl;
	}

	/** Header name and value pairs that sign a request in as this user. */
	static String[] basic(String username, String password) {
		return new String[] { "Authorization", "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)) };
	}

	/** A referral of a person who lives alone and would like company, with their consent. */
	static String referralTo(String placeId, String firstName, String lastName) {
		return """
				{"placeId": "%s",
				 "person": {"firstName": "%s", "lastName": "%s", "contact": {"method": "phone", "value": "0114 496 0000"},
				            "postcodeDistrict": "S6", "ageBand": "75-84", "needs": ["companionship"],
				            "interests": ["quiz-and-games"], "accessibility": ["step-free"], "nhsNumber": "943 476 5919"},
				 "consent": {"given": true, "method": "verbal", "lawfulBasis": "explicit-consent",
				             "sharing": ["needs", "interests", "contact"]},
				 "reasons": ["loneliness"],
				 "notes": "Lives alone since March"}
				""".formatted(placeId, firstName, lastName);
	}

	/** The demo catalogue's Red Lion community table, found as anyone finds it. */
	String redLionId() throws Exception {
		for (JsonNode hit : send(ANYONE, "GET", "/api/places/search?postcode=S6%202AA&kind=pub", null, 200).get("hits")) {
			if (hit.get("name").asString().equals(RED_LION)) {
				return hit.get("id").asString();
			}
		}
		throw new IllegalStateException(RED_LION + " is not in the demo catalogue");
	}

	/** The referrer refers this person to the place; the new referral's id. */
	String refer(String placeId, String firstName, String lastName) throws Exception {
		return send(REFERRER, "POST", "/api/referrals", referralTo(placeId, firstName, lastName), 201).get("id")
			.asString();
	}

	/** Sends the request and checks its status; the answer's JSON. */
	JsonNode send(String[] caller, String method, String path, String body, int expectedStatus) throws Exception {
		HttpResponse<String> response = exchange(caller, method, path, body);
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expectedStatus);
		return json.readTree(response.body());
	}

	HttpResponse<String> exchange(String[] caller, String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
			.timeout(Patience.LIMIT)
			.header("Content-Type", "application/json");
		for (int i = 0; i < caller.length; i += 2) {
			request.header(caller[i], caller[i + 1]);
		}
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
