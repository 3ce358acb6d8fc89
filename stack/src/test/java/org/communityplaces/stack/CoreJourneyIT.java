package org.communityplaces.stack;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The core journey through the gateway, on the embedded stack: real Kafka, the MongoDB-wire
 * store, SMTP and the four services as separate processes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CoreJourneyIT {

	private static final Duration EVENTUAL = Duration.ofSeconds(60);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	/** The embedded stack's demo users, signed in with HTTP Basic. */
	private static final String[] REFERRER = basic("sam", "referrals-demo");

	private static final String[] HOST = basic("pat", "hosting-demo");

	private static final String[] ADMIN = basic("ada", "admin-demo");

	private static final String[] ANYONE = {};

	private static StackSettings settings;

	private static EmbeddedStack stack;

	private static String placeId;

	private static String acceptedReferralId;

	@BeforeAll
	static void startStack() throws Exception {
		Path root = Path.of(System.getProperty("stack.root", "..")).toAbsolutePath().normalize();
		int[] ports = freePorts(8);
		settings = StackSettings.defaults(root)
			.withData(Files.createTempDirectory("stack-it"), true)
			.withPorts(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6], ports[7]);
		stack = EmbeddedStack.start(settings);
	}

	@AfterAll
	static void stopStack() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	@Order(1)
	void aReferralIsAlertedToTheHostAcceptedAndTheReferrerIsTold() throws Exception {
		JsonNode found = send(ANYONE, "GET",
				"/api/places/search?postcode=S6%202AA&kind=pub&accessibility=step-free&hasCapacity=true", null, 200);
		JsonNode place = found.get("hits").get(0);
		assertThat(place.get("name").asString()).isEqualTo("The Red Lion community table");
		placeId = place.get("id").asString();

		JsonNode referral = send(REFERRER, "POST", "/api/referrals", referralTo(placeId), 201);
		String referralId = referral.get("id").asString();
		assertThat(referral.get("status").asString()).isEqualTo("requested");

		MimeMessage toHost = awaitEmailTo("landlord@redlion.example.org", 1);
		assertThat(toHost.getSubject()).isEqualTo("New referral for The Red Lion community table");
		assertThat(GreenMailUtil.getBody(toHost)).contains("Open the partner portal").doesNotContain("Edith", "Brown");

		JsonNode inbox = send(HOST, "GET", "/api/referrals?status=requested", null, 200);
		assertThat(inbox.get(0).get("person").get("firstName").asString()).isEqualTo("Edith");
		assertThat(inbox.get(0).toString()).doesNotContain("Brown", "9434765919", "Lives alone");

		assertThat(send(HOST, "POST", "/api/referrals/" + referralId + "/accept", null, 200).get("status").asString())
			.isEqualTo("accepted");
		MimeMessage toReferrer = awaitEmailTo("sam@surgery.example.org", 1);
		assertThat(toReferrer.getSubject()).isEqualTo("The Red Lion community table accepted your referral");
		assertThat(send(REFERRER, "GET", "/api/referrals/" + referralId, null, 200).get("status").asString())
			.isEqualTo("accepted");
		assertThat(send(ADMIN, "GET", "/api/audit?objectId=" + referralId, null, 200).get("entries").size())
			.as("making, the inbox, accepting and viewing were each audited").isEqualTo(4);
		acceptedReferralId = referralId;
	}

	@Test
	@Order(2)
	void badInputIsAProblemThatNamesTheFieldAndStoresNothing() throws Exception {
		HttpResponse<String> unknownPlace = exchange(REFERRER, "POST", "/api/referrals", referralTo("no-such-place"));
		assertThat(unknownPlace.statusCode()).isEqualTo(422);
		assertThat(unknownPlace.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(unknownPlace.body()).contains("placeId");

		HttpResponse<String> malformed = exchange(REFERRER, "POST", "/api/referrals", "{\"placeId\": ");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");

		HttpResponse<String> notSignedIn = exchange(ANYONE, "GET", "/api/referrals", null);
		assertThat(notSignedIn.statusCode()).isEqualTo(401);
		HttpResponse<String> claimingToBeAnAdmin = exchange(new String[] { "X-Caller-Id", "mallory", "X-Caller-Role",
				"admin" }, "GET", "/api/audit", null);
		assertThat(claimingToBeAnAdmin.statusCode()).as("identity headers from a client count for nothing").isEqualTo(401);
		assertThat(exchange(REFERRER, "GET", "/api/audit", null).statusCode()).isEqualTo(403);
	}

	@Test
	@Order(3)
	void aReferralMadeWhileKafkaIsDownIsAlertedOnceKafkaIsBack() throws Exception {
		stack.stopKafka();
		JsonNode referral = send(REFERRER, "POST", "/api/referrals", referralTo(placeId), 201);
		assertThat(referral.get("status").asString()).isEqualTo("requested");

		stack.startKafka();
		awaitEmailTo("landlord@redlion.example.org", 2);
	}

	@Test
	@Order(4)
	void withThePlacesCatalogueStoppedReferralsAreStillMadeFromTheSnapshot() throws Exception {
		stack.stopService("places-service");
		JsonNode referral = send(REFERRER, "POST", "/api/referrals", referralTo(placeId), 201);
		assertThat(referral.get("place").get("name").asString()).isEqualTo("The Red Lion community table");
		awaitEmailTo("landlord@redlion.example.org", 3);
	}

	@Test
	@Order(5)
	void aSecondStartKeepsTheData() throws Exception {
		stack.close();
		// This start is the last: its close removes the data directory.
		stack = EmbeddedStack.start(settings.withData(settings.dataDirectory(), false));
		assertThat(send(REFERRER, "GET", "/api/referrals/" + acceptedReferralId, null, 200).get("status").asString())
			.isEqualTo("accepted");
		assertThat(send(REFERRER, "GET", "/api/places/" + placeId, null, 200).get("name").asString())
			.isEqualTo("The Red Lion community table");
		assertThat(send(ANYONE, "GET", "/api/places/search?q=allotment", null, 200).get("total").asInt())
			.as("the search index is rebuilt from the stored catalogue").isEqualTo(1);
		HttpResponse<String> openData = exchange(ANYONE, "GET", "/oruk/services?per_page=1", null);
		assertThat(openData.statusCode()).isEqualTo(200);
		assertThat(openData.body()).as("the demo catalogue is loaded once, on the first run").contains("\"total_items\":30");
	}

	private static String[] basic(String username, String password) {
		return new String[] { "Authorization", "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)) };
	}

	private static String referralTo(String placeId) {
		return """
				{"placeId": "%s",
				 "person": {"firstName": "Edith", "lastName": "Brown", "contact": {"method": "phone", "value": "0114 496 0000"},
				            "postcodeDistrict": "S6", "ageBand": "75-84", "needs": ["companionship"],
				            "interests": ["quiz-and-games"], "accessibility": ["step-free"], "nhsNumber": "943 476 5919"},
				 "consent": {"given": true, "method": "verbal", "lawfulBasis": "explicit-consent"},
				 "reasons": ["loneliness"],
				 "notes": "Lives alone since March"}
				""".formatted(placeId);
	}

	private static MimeMessage awaitEmailTo(String address, int count) {
		List<MimeMessage> received = await().atMost(EVENTUAL)
			.until(() -> Arrays.stream(stack.mail().getReceivedMessages()).filter(m -> isTo(m, address)).toList(),
					messages -> messages.size() >= count);
		assertThat(received).hasSize(count);
		return received.get(count - 1);
	}

	private static boolean isTo(MimeMessage message, String address) {
		try {
			return Arrays.stream(message.getAllRecipients()).map(Address::toString).anyMatch(address::equals);
		}
		catch (MessagingException ex) {
			return false;
		}
	}

	private static JsonNode send(String[] caller, String method, String path, String body, int expectedStatus)
			throws Exception {
		HttpResponse<String> response = exchange(caller, method, path, body);
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expectedStatus);
		return json.readTree(response.body());
	}

	private static HttpResponse<String> exchange(String[] caller, String method, String path, String body)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json");
		for (int i = 0; i < caller.length; i += 2) {
			request.header(caller[i], caller[i + 1]);
		}
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int[] freePorts(int count) throws IOException {
		ServerSocket[] sockets = new ServerSocket[count];
		int[] ports = new int[count];
		try {
			for (int i = 0; i < count; i++) {
				sockets[i] = new ServerSocket(0);
				ports[i] = sockets[i].getLocalPort();
			}
		}
		finally {
			for (ServerSocket socket : sockets) {
				if (socket != null) {
					socket.close();
				}
			}
		}
		return ports;
	}

}
