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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
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

	private static Path root;

	/** Real Prometheus scraping the stack, where Debian's package is installed. */
	private static PrometheusServer prometheus;

	/** A trace the test starts itself, to find in every service's log lines. */
	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	@BeforeAll
	static void startStack() throws Exception {
		root = Path.of(System.getProperty("stack.root", "..")).toAbsolutePath().normalize();
		int[] ports = freePorts(9);
		settings = StackSettings.defaults(root)
			.withData(Files.createTempDirectory("stack-it"), true)
			.withPorts(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6], ports[7]);
		stack = EmbeddedStack.start(settings);
		if (PrometheusServer.installed()) {
			prometheus = PrometheusServer.start(root, Files.createTempDirectory("prometheus-it"), ports[8],
					Map.of("gateway", "127.0.0.1:" + settings.gatewayPort(), "places-service",
							"127.0.0.1:" + settings.placesPort(), "referral-service", "127.0.0.1:" + settings.referralPort(),
							"notification-service", "127.0.0.1:" + settings.notificationPort()));
		}
	}

	@AfterAll
	static void stopStack() throws InterruptedException {
		if (prometheus != null) {
			prometheus.close();
		}
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

		String[] hostInATrace = { HOST[0], HOST[1], "traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01" };
		assertThat(send(hostInATrace, "POST", "/api/referrals/" + referralId + "/accept", null, 200).get("status")
			.asString()).isEqualTo("accepted");
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
	void oneTraceRunsFromTheGatewayThroughTheServiceAndAcrossKafkaToTheAlert() throws IOException {
		await().atMost(EVENTUAL).untilAsserted(() -> {
			assertThat(logOf("gateway")).as("the gateway's access log line").anyMatch(line -> line.contains(TRACE_ID)
					&& line.contains("POST /api/referrals/" + acceptedReferralId + "/accept 200"));
			assertThat(logOf("notification-service")).as("the alert raised from the event")
				.anyMatch(line -> line.contains(TRACE_ID) && line.contains("(ReferralAccepted): 1 alert(s) raised"));
		});
		assertThat(logOf("notification-service")).noneMatch(line -> line.contains("Edith") || line.contains("Brown"));
	}

	@Test
	@Order(3)
	void everyMetricTheDashboardsAndRulesNameIsExportedOnceTheJourneyHasRun() throws Exception {
		int toldBefore = emailsTo("sam@surgery.example.org");
		send(REFERRER, "POST", "/api/referrals/" + acceptedReferralId + "/outcomes", BASELINE, 200);
		send(HOST, "POST", "/api/referrals/" + acceptedReferralId + "/attendance",
				"{\"on\": \"" + LocalDate.now(ZoneId.of("Europe/London")) + "\", \"attended\": true}", 200);
		send(REFERRER, "POST", "/api/referrals/" + acceptedReferralId + "/outcomes", FOLLOW_UP, 200);
		String declined = send(REFERRER, "POST", "/api/referrals", referralTo(placeId), 201).get("id").asString();
		send(HOST, "POST", "/api/referrals/" + declined + "/reject", "{\"reason\": \"not-eligible\"}", 200);
		awaitEmailTo("sam@surgery.example.org", toldBefore + 2);

		Set<String> exported = new TreeSet<>();
		for (int port : new int[] { settings.gatewayPort(), settings.placesPort(), settings.referralPort(),
				settings.notificationPort() }) {
			HttpResponse<String> scrape = http.send(HttpRequest
				.newBuilder(URI.create(StackSettings.url(port) + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString());
			scrape.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
				.map(line -> line.split("[{ ]", 2)[0]).forEach(exported::add);
		}
		exported.add("up");
		assertThat(exported).containsAll(MonitoredMetrics.named(root));
	}

	@Test
	@Order(4)
	void theUptakeRecordingRuleReadsBackThroughPrometheus() throws Exception {
		assumeTrue(prometheus != null, "Prometheus is not installed (apt-get install prometheus; .ci/run does)");
		// Prometheus counts a counter's increase from its first scrape: both series must be seen first
		await().atMost(EVENTUAL).until(() -> prometheus.value(
				"count(referrals_transitions_total{status=~\"accepted|rejected\",place_kind=\"pub\"})"), is(2.0));
		String accepted = send(REFERRER, "POST", "/api/referrals", referralTo(placeId), 201).get("id").asString();
		String declined = send(REFERRER, "POST", "/api/referrals", referralTo(placeId), 201).get("id").asString();
		send(HOST, "POST", "/api/referrals/" + accepted + "/accept", null, 200);
		send(HOST, "POST", "/api/referrals/" + declined + "/reject", "{\"reason\": \"not-eligible\"}", 200);

		// One accepted and one declined since Prometheus first saw them
		await().atMost(EVENTUAL).untilAsserted(() -> assertThat(
				prometheus.value("uptake:acceptance_rate:ratio7d{place_kind=\"pub\",area=\"S\"}"))
			.isNotNull().isCloseTo(0.5, within(0.05)));
		assertThat(prometheus.value("sum(uptake:referrals_by_status:increase28d{status=\"in-progress\"})"))
			.as("the person who started going is recorded by status").isNotNull();
	}

	@Test
	@Order(5)
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
	@Order(6)
	void aReferralMadeWhileKafkaIsDownIsAlertedOnceKafkaIsBack() throws Exception {
		int alertedBefore = emailsTo("landlord@redlion.example.org");
		stack.stopKafka();
		JsonNode referral = send(REFERRER, "POST", "/api/referrals", referralTo(placeId), 201);
		assertThat(referral.get("status").asString()).isEqualTo("requested");

		stack.startKafka();
		awaitEmailTo("landlord@redlion.example.org", alertedBefore + 1);
	}

	@Test
	@Order(7)
	void withThePlacesCatalogueStoppedReferralsAreStillMadeFromTheSnapshot() throws Exception {
		int alertedBefore = emailsTo("landlord@redlion.example.org");
		stack.stopService("places-service");
		JsonNode referral = send(REFERRER, "POST", "/api/referrals", referralTo(placeId), 201);
		assertThat(referral.get("place").get("name").asString()).isEqualTo("The Red Lion community table");
		awaitEmailTo("landlord@redlion.example.org", alertedBefore + 1);
	}

	@Test
	@Order(8)
	void aSecondStartKeepsTheData() throws Exception {
		stack.close();
		// This start is the last: its close removes the data directory.
		stack = EmbeddedStack.start(settings.withData(settings.dataDirectory(), false));
		assertThat(send(REFERRER, "GET", "/api/referrals/" + acceptedReferralId, null, 200).get("status").asString())
			.isEqualTo("in-progress");
		assertThat(send(REFERRER, "GET", "/api/places/" + placeId, null, 200).get("name").asString())
			.isEqualTo("The Red Lion community table");
		assertThat(send(ANYONE, "GET", "/api/places/search?q=allotment", null, 200).get("total").asInt())
			.as("the search index is rebuilt from the stored catalogue").isEqualTo(1);
		HttpResponse<String> openData = exchange(ANYONE, "GET", "/oruk/services?per_page=1", null);
		assertThat(openData.statusCode()).isEqualTo(200);
		assertThat(openData.body()).as("the demo catalogue is loaded once, on the first run").contains("\"total_items\":30");
	}

	private static final String BASELINE = """
			{"timepoint": "baseline", "uclaLoneliness": 8,
			 "ons4": {"lifeSatisfaction": 3, "worthwhile": 4, "happiness": 3, "anxiety": 7}}
			""";

	private static final String FOLLOW_UP = """
			{"timepoint": "follow-up", "uclaLoneliness": 5,
			 "ons4": {"lifeSatisfaction": 6, "worthwhile": 6, "happiness": 4, "anxiety": 5}}
			""";

	private static List<String> logOf(String service) throws IOException {
		return Files.readAllLines(settings.dataDirectory().resolve("logs").resolve(service + ".log"));
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

	private static int emailsTo(String address) {
		return (int) Arrays.stream(stack.mail().getReceivedMessages()).filter(m -> isTo(m, address)).count();
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
