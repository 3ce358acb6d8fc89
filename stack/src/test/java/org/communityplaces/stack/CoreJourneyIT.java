package org.communityplaces.stack;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.communityplaces.stack.GatewayClient.ADMIN;
import static org.communityplaces.stack.GatewayClient.ANYONE;
import static org.communityplaces.stack.GatewayClient.HOST;
import static org.communityplaces.stack.GatewayClient.RED_LION;
import static org.communityplaces.stack.GatewayClient.REFERRER;
import static org.communityplaces.stack.GatewayClient.referralTo;
import static org.communityplaces.stack.Mailbox.awaitEmails;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The core journey through the gateway, on the embedded stack: real Kafka, the MongoDB-wire
 * store, SMTP and the four services as separate processes. The stack is started once; each
 * journey makes the referrals it needs and counts only its own e-mails, so it passes or fails
 * alone, in any order.
 */
class CoreJourneyIT {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final String HOST_EMAIL = "landlord@redlion.example.org";

	private static final String REFERRER_EMAIL = "sam@surgery.example.org";

	/** Kept if a journey fails, for the services' logs in it. */
	@TempDir(cleanup = CleanupMode.ON_SUCCESS)
	static Path data;

	private static StackSettings settings;

	private static EmbeddedStack stack;

	private static GatewayClient gateway;

	private static String placeId;

	private static Path root;

	/** Set while part of the stack is stopped: by a journey that stops it, until the stack is whole again. */
	private static boolean partlyStopped;

	/** A trace the test starts itself, to find in every service's log lines. */
	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	@BeforeAll
	static void startStack() throws Exception {
		root = Path.of(System.getProperty("stack.root", "..")).toAbsolutePath().normalize();
		int[] ports = freePorts(9);
		settings = StackSettings.defaults(root)
			.withData(data, true)
			.withPorts(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6], ports[7], ports[8]);
		stack = EmbeddedStack.start(settings);
		gateway = new GatewayClient(stack.gatewayUrl());
		placeId = gateway.redLionId();
	}

	/**
	 * A journey that stops part of the stack, or fails while part is stopped, leaves it so: the next
	 * journey starts it again, whole. Restarting is slow, so it waits until another journey needs it.
	 */
	@BeforeEach
	void onTheWholeStack() throws Exception {
		if (partlyStopped) {
			restartStack();
		}
	}

	@AfterAll
	static void stopStack() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void aReferralIsAlertedToTheHostAcceptedAndTheReferrerIsTold() throws Exception {
		JsonNode found = gateway.send(ANYONE, "GET",
				"/api/places/search?postcode=S6%202AA&kind=pub&accessibility=step-free&hasCapacity=true", null, 200);
		JsonNode place = found.get("hits").get(0);
		assertThat(place.get("name").asString()).isEqualTo(RED_LION);

		JsonNode referral = gateway.send(REFERRER, "POST", "/api/referrals", edithTo(place.get("id").asString()), 201);
		String referralId = referral.get("id").asString();
		assertThat(referral.get("status").asString()).isEqualTo("requested");

		MimeMessage toHost = awaitEmails(stack.mail(), HOST_EMAIL, referralId, 1);
		assertThat(toHost.getSubject()).isEqualTo("New referral for " + RED_LION);
		assertThat(GreenMailUtil.getBody(toHost)).contains("Open the partner portal").doesNotContain("Edith", "Brown");

		JsonNode inbox = gateway.send(HOST, "GET", "/api/referrals?status=requested&size=200", null, 200);
		JsonNode inInbox = inbox.valueStream().filter(entry -> entry.get("id").asString().equals(referralId))
			.findFirst().orElseThrow(() -> new AssertionError("referral " + referralId + " in the host's inbox " + inbox));
		assertThat(inInbox.get("person").get("firstName").asString()).isEqualTo("Edith");
		assertThat(inInbox.toString()).doesNotContain("Brown", "9434765919", "Lives alone");

		assertThat(gateway.send(HOST, "POST", "/api/referrals/" + referralId + "/accept", null, 200).get("status")
			.asString()).isEqualTo("accepted");
		MimeMessage toReferrer = awaitEmails(stack.mail(), REFERRER_EMAIL, referralId, 1);
		assertThat(toReferrer.getSubject()).isEqualTo(RED_LION + " accepted your referral");
		assertThat(gateway.send(REFERRER, "GET", "/api/referrals/" + referralId, null, 200).get("status").asString())
			.isEqualTo("accepted");
		assertThat(gateway.send(ADMIN, "GET", "/api/audit?objectId=" + referralId, null, 200).get("entries").size())
			.as("making, the inbox, accepting and viewing were each audited").isEqualTo(4);
	}

	@Test
	void oneTraceRunsFromTheGatewayThroughTheServiceAndAcrossKafkaToTheAlert() throws Exception {
		String referralId = referEdith();
		String[] hostInATrace = { HOST[0], HOST[1], "traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01" };
		gateway.send(hostInATrace, "POST", "/api/referrals/" + referralId + "/accept", null, 200);

		Patience.await("the trace in the gateway's and the notification service's logs").untilAsserted(() -> {
			assertThat(logOf("gateway")).as("the gateway's access log line").anyMatch(line -> line.contains(TRACE_ID)
					&& line.contains("POST /api/referrals/" + referralId + "/accept 200"));
			assertThat(logOf("notification-service")).as("the alert raised from the event")
				.anyMatch(line -> line.contains(TRACE_ID) && line.contains("(ReferralAccepted): 1 alert(s) raised"));
		});
		assertThat(logOf("notification-service")).noneMatch(line -> line.contains("Edith") || line.contains("Brown"));
	}

	@Test
	void everyMetricTheDashboardsAndRulesNameIsExportedOnceTheJourneyHasRun() throws Exception {
		String accepted = referEdith();
		gateway.send(HOST, "POST", "/api/referrals/" + accepted + "/accept", null, 200);
		gateway.send(REFERRER, "POST", "/api/referrals/" + accepted + "/outcomes", BASELINE, 200);
		gateway.send(HOST, "POST", "/api/referrals/" + accepted + "/attendance", cameToday(), 200);
		gateway.send(REFERRER, "POST", "/api/referrals/" + accepted + "/outcomes", FOLLOW_UP, 200);
		String declined = referEdith();
		gateway.send(HOST, "POST", "/api/referrals/" + declined + "/reject", "{\"reason\": \"not-eligible\"}", 200);
		awaitEmails(stack.mail(), REFERRER_EMAIL, accepted, 2);
		awaitEmails(stack.mail(), REFERRER_EMAIL, declined, 1);

		Set<String> exported = new TreeSet<>();
		for (int port : new int[] { settings.gatewayManagementPort(), settings.placesPort(), settings.referralPort(),
				settings.notificationPort() }) {
			HttpResponse<String> scrape = http.send(HttpRequest
				.newBuilder(URI.create(StackSettings.url(port) + "/actuator/prometheus")).timeout(Patience.LIMIT).build(),
					HttpResponse.BodyHandlers.ofString());
			scrape.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
				.map(line -> line.split("[{ ]", 2)[0]).forEach(exported::add);
		}
		exported.add("up");
		assertThat(exported).containsAll(MonitoredMetrics.named(root));
	}

	@Test
	void theUptakeRecordingRuleReadsBackThroughPrometheus() throws Exception {
		assumeTrue(PrometheusServer.installed(), "Prometheus is not installed (apt-get install prometheus; .ci/run does)");
		// Prometheus counts a counter's increase from its first scrape, so both series exist before it starts
		String acceptedEarlier = referEdith();
		gateway.send(HOST, "POST", "/api/referrals/" + acceptedEarlier + "/accept", null, 200);
		String declinedEarlier = referEdith();
		gateway.send(HOST, "POST", "/api/referrals/" + declinedEarlier + "/reject", "{\"reason\": \"not-eligible\"}", 200);
		try (PrometheusServer prometheus = PrometheusServer.start(root, Files.createTempDirectory(data, "prometheus"),
				freePorts(1)[0], Map.of("gateway", "127.0.0.1:" + settings.gatewayManagementPort(), "places-service",
						"127.0.0.1:" + settings.placesPort(), "referral-service", "127.0.0.1:" + settings.referralPort(),
						"notification-service", "127.0.0.1:" + settings.notificationPort()))) {
			Patience.await("Prometheus to have scraped the accepted and rejected series")
				.ignoreExceptionsInstanceOf(IOException.class)
				.until(() -> prometheus.value(
					"count(referrals_transitions_total{status=~\"accepted|rejected\",place_kind=\"pub\"})"), is(2.0));
			String accepted = referEdith();
			String declined = referEdith();
			gateway.send(HOST, "POST", "/api/referrals/" + accepted + "/accept", null, 200);
			gateway.send(HOST, "POST", "/api/referrals/" + declined + "/reject", "{\"reason\": \"not-eligible\"}", 200);
			gateway.send(HOST, "POST", "/api/referrals/" + accepted + "/attendance", cameToday(), 200);

			// One accepted and one declined since Prometheus first saw them
			Patience.await("the uptake recording rules to read the new referrals back").untilAsserted(() -> {
				assertThat(prometheus.value("uptake:acceptance_rate:ratio7d{place_kind=\"pub\",area=\"S\"}"))
					.isNotNull().isCloseTo(0.5, within(0.05));
				assertThat(prometheus.value("sum(uptake:referrals_by_status:increase28d{status=\"in-progress\"})"))
					.as("the person who started going is recorded by status").isNotNull();
			});
		}
	}

	@Test
	void badInputIsAProblemThatNamesTheFieldAndStoresNothing() throws Exception {
		HttpResponse<String> unknownPlace = gateway.exchange(REFERRER, "POST", "/api/referrals", edithTo("no-such-place"));
		assertThat(unknownPlace.statusCode()).isEqualTo(422);
		assertThat(unknownPlace.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(unknownPlace.body()).contains("placeId");

		HttpResponse<String> malformed = gateway.exchange(REFERRER, "POST", "/api/referrals", "{\"placeId\": ");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");

		HttpResponse<String> notSignedIn = gateway.exchange(ANYONE, "GET", "/api/referrals", null);
		assertThat(notSignedIn.statusCode()).isEqualTo(401);
		HttpResponse<String> claimingToBeAnAdmin = gateway.exchange(new String[] { "X-Caller-Id", "mallory",
				"X-Caller-Role", "admin" }, "GET", "/api/audit", null);
		assertThat(claimingToBeAnAdmin.statusCode()).as("identity headers from a client count for nothing").isEqualTo(401);
		assertThat(gateway.exchange(REFERRER, "GET", "/api/audit", null).statusCode()).isEqualTo(403);
	}

	@Test
	void aReferralMadeWhileKafkaIsDownIsAlertedOnceKafkaIsBack() throws Exception {
		partlyStopped = true;
		stack.stopKafka();
		JsonNode referral = gateway.send(REFERRER, "POST", "/api/referrals", edithTo(placeId), 201);
		assertThat(referral.get("status").asString()).isEqualTo("requested");

		stack.startKafka();
		partlyStopped = false;
		awaitEmails(stack.mail(), HOST_EMAIL, referral.get("id").asString(), 1);
	}

	@Test
	void withThePlacesCatalogueStoppedReferralsAreStillMadeFromTheSnapshot() throws Exception {
		partlyStopped = true;
		stack.stopService("places-service");
		JsonNode referral = gateway.send(REFERRER, "POST", "/api/referrals", edithTo(placeId), 201);
		assertThat(referral.get("place").get("name").asString()).isEqualTo(RED_LION);
		awaitEmails(stack.mail(), HOST_EMAIL, referral.get("id").asString(), 1);
	}

	@Test
	void aSecondStartKeepsTheData() throws Exception {
		String referralId = referEdith();
		gateway.send(HOST, "POST", "/api/referrals/" + referralId + "/accept", null, 200);
		gateway.send(HOST, "POST", "/api/referrals/" + referralId + "/attendance", cameToday(), 200);

		restartStack();
		assertThat(gateway.send(REFERRER, "GET", "/api/referrals/" + referralId, null, 200).get("status").asString())
			.isEqualTo("in-progress");
		assertThat(gateway.send(REFERRER, "GET", "/api/places/" + placeId, null, 200).get("name").asString())
			.isEqualTo(RED_LION);
		assertThat(gateway.send(ANYONE, "GET", "/api/places/search?q=allotment", null, 200).get("total").asInt())
			.as("the search index is rebuilt from the stored catalogue").isEqualTo(1);
		HttpResponse<String> openData = gateway.exchange(ANYONE, "GET", "/oruk/services?per_page=1", null);
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

	/** Stops every process and starts them again on the same data and ports. */
	private static void restartStack() throws Exception {
		stack.close();
		stack = EmbeddedStack.start(settings);
		partlyStopped = false;
	}

	private static String referEdith() throws Exception {
		return gateway.refer(placeId, "Edith", "Brown");
	}

	private static String edithTo(String placeId) {
		return referralTo(placeId, "Edith", "Brown");
	}

	private static String cameToday() {
		return "{\"on\": \"" + LocalDate.now(ZoneId.of("Europe/London")) + "\", \"attended\": true}";
	}

	private static List<String> logOf(String service) throws IOException {
		return Files.readAllLines(settings.dataDirectory().resolve("logs").resolve(service + ".log"));
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
