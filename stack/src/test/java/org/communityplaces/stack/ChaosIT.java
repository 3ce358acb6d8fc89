package org.communityplaces.stack;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityplaces.stack.GatewayClient.REFERRER;
import static org.communityplaces.stack.GatewayClient.referralTo;

/**
 * Two instances of every service and three Kafka brokers, under a steady load of referrals made
 * through both gateway instances by clients that retry with their {@code Idempotency-Key} until
 * they get an answer of 2xx. Meanwhile each service instance is killed with SIGKILL once and
 * started again (as Kubernetes restarts a container), one broker likewise, and the store is
 * frozen for 20 seconds. Then the host's e-mails are counted at the SMTP server: every referral
 * made must have been alerted to its host exactly once. Prints its counts per fault before it
 * checks them. Run with {@code -Pchaos} (docs/benchmarks.md); never part of the test command.
 */
class ChaosIT {

	private static final String HOST_EMAIL = "landlord@redlion.example.org";

	private static final Pattern REFERRAL_LINK = Pattern.compile("/referrals/([\\w-]+)");

	private static final JsonMapper json = JsonMapper.builder().build();

	/** Clients making referrals at once, each at its own steady pace. */
	private static final int CLIENTS = 3;

	private static final Duration PACE = Duration.ofSeconds(1);

	/** Tries of one referral before its client gives up on it (and the run counts it). */
	private static final int MAX_ATTEMPTS = 40;

	private static final Duration BETWEEN_ATTEMPTS = Duration.ofSeconds(1);

	/** Referrals set out on while each fault lasts, before what it hit is started again. */
	private static final int REFERRALS_PER_FAULT = 10;

	private static final Duration STORE_FROZEN = Duration.ofSeconds(20);

	/** Kept if the run fails, for the services' logs in it. */
	@TempDir(cleanup = CleanupMode.ON_SUCCESS)
	static Path data;

	private static EmbeddedStack stack;

	private static String placeId;

	@BeforeAll
	static void startTwoOfEverything() throws Exception {
		Path root = Path.of(System.getProperty("stack.root", "..")).toAbsolutePath().normalize();
		int[] ports = freePortsWithCopies(9, 3);
		StackSettings settings = StackSettings.defaults(root)
			.withData(data, true)
			.withPorts(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6], ports[7], ports[8])
			.withInstances(2, StackSettings.CLUSTER_BROKERS);
		stack = EmbeddedStack.start(settings);
		placeId = new GatewayClient(stack.gatewayUrl(1)).redLionId();
	}

	@AfterAll
	static void stopStack() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void aBrowserSignedInOnOneGatewayInstanceIsSignedInOnTheOther() throws Exception {
		CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
		HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
		HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl(0) + "/sign-in.html"))
			.header("Accept", "text/html")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		String form = "username=sam&password=referrals-demo&then=%2F&_csrf="
				+ URLEncoder.encode(cookie(cookies, "XSRF-TOKEN"), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl(0) + "/sign-in"))
			.header("Accept", "application/json")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).as("signing in on gateway instance 1: " + signedIn.body()).isEqualTo(200);

		String sessionCookies = cookies.getCookieStore().getCookies().stream()
			.map(each -> each.getName() + "=" + each.getValue())
			.collect(Collectors.joining("; "));
		HttpClient elsewhere = HttpClient.newHttpClient();
		HttpResponse<String> me = elsewhere.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl(1) + "/api/me"))
			.header("Accept", "application/json")
			.header("Cookie", sessionCookies)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(me.statusCode()).as("the session cookie of gateway instance 1 on instance 2: " + me.body()).isEqualTo(200);
		assertThat(json.readTree(me.body()).toString()).contains("sam");

		HttpResponse<String> withoutCookie = elsewhere.send(HttpRequest
			.newBuilder(URI.create(stack.gatewayUrl(1) + "/api/me"))
			.header("Accept", "application/json")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(withoutCookie.statusCode()).isEqualTo(401);
	}

	@Test
	void underKillsAndAFrozenStoreEveryReferralIsAlertedToItsHostOnce() throws Exception {
		assertEveryTopicIsReplicatedThreeTimesAndKeptOnceTwoHaveIt();
		Load load = new Load();
		ScheduledExecutorService thawing = Executors.newSingleThreadScheduledExecutor();
		try {
			underFaults(load, thawing);
		}
		catch (Exception | AssertionError failure) {
			// A fault that was not survived must not leave clients sending to a stack being closed
			load.abandon();
			throw failure;
		}
		finally {
			thawing.shutdownNow();
		}
		load.stop();

		Map<String, List<String>> alerts = awaitQuiet(load.created());
		Report report = new Report(load, alerts);
		System.out.println(report);
		assertThat(report.total().lost()).as("referrals with no e-mail to their host").isZero();
		assertThat(report.total().duplicated()).as("referrals with more than one e-mail to their host").isZero();
		assertThat(report.total().givenUp()).as("referrals whose client gave up after " + MAX_ATTEMPTS + " tries")
			.isZero();
		assertThat(report.total().madeTwice()).as("keys that made two referrals").isZero();
	}

	private static void underFaults(Load load, ScheduledExecutorService thawing) throws Exception {
		load.start("no fault");
		load.awaitReferrals(REFERRALS_PER_FAULT);
		for (String service : List.of("places-service", "referral-service", "notification-service", "gateway")) {
			load.phase(service + ": each instance SIGKILLed, then started again");
			for (int instance = 0; instance < 2; instance++) {
				stack.killInstance(service, instance);
				load.awaitReferrals(REFERRALS_PER_FAULT);
				stack.startInstanceAgain(service, instance);
			}
		}
		load.phase("one Kafka broker SIGKILLed, then started again");
		stack.killBroker(1);
		load.awaitReferrals(3 * REFERRALS_PER_FAULT);
		stack.startBrokerAgain(1);

		load.phase("the store frozen for " + STORE_FROZEN.toSeconds() + " s");
		AtomicBoolean thawed = new AtomicBoolean();
		stack.freezeStore();
		thawing.schedule(() -> {
			stack.thawStore();
			thawed.set(true);
		}, STORE_FROZEN.toMillis(), TimeUnit.MILLISECONDS);
		Awaitility.await("the store to thaw").atMost(STORE_FROZEN.plusSeconds(10)).untilTrue(thawed);
		load.awaitReferrals(REFERRALS_PER_FAULT);
	}

	/** As deploy/k8s asks of its topics, and Kafka's own offsets and transaction state too. */
	private static void assertEveryTopicIsReplicatedThreeTimesAndKeptOnceTwoHaveIt() throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				stack.settings().kafkaBootstrap()))) {
			Set<String> topics = Set.of("referral-events", "place-events", "__consumer_offsets");
			Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
			assertThat(described.values()).allSatisfy(topic -> assertThat(topic.partitions())
				.allSatisfy(partition -> assertThat(partition.replicas()).as(topic.name()).hasSize(3)));
			ConfigResource referralEvents = new ConfigResource(ConfigResource.Type.TOPIC, "referral-events");
			assertThat(admin.describeConfigs(List.of(referralEvents)).all().get().get(referralEvents)
				.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).isEqualTo("2");
		}
	}

	/**
	 * Waits until every referral made has an e-mail to its host, for a few minutes at most (one
	 * that never comes is counted as lost, not waited for), and then until no e-mail has come
	 * for 20 seconds, so that a late second copy is counted too.
	 */
	private static Map<String, List<String>> awaitQuiet(Set<String> created) throws MessagingException {
		try {
			Awaitility.await("an e-mail to the host for every referral made")
				.atMost(Duration.ofMinutes(4))
				.pollInterval(Duration.ofSeconds(5))
				.until(() -> hostAlertsByReferral().keySet().containsAll(created));
		}
		catch (ConditionTimeoutException someNeverCame) {
			System.out.println("Not every referral was alerted to its host within 4 minutes of the last fault");
		}
		AtomicInteger lastCount = new AtomicInteger(-1);
		Awaitility.await("no more e-mails for 20 s")
			.atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(2))
			.during(Duration.ofSeconds(20))
			.until(() -> {
				int received = stack.mail().getReceivedMessages().length;
				return lastCount.getAndSet(received) == received;
			});
		return hostAlertsByReferral();
	}

	/**
	 * Each referral's e-mails to the host telling of it, found by the link in them: each told by
	 * its Message-ID, when it was sent (Date) and when the SMTP server took it (Received).
	 */
	private static Map<String, List<String>> hostAlertsByReferral() throws MessagingException {
		Map<String, List<String>> byReferral = new HashMap<>();
		for (MimeMessage message : stack.mail().getReceivedMessages()) {
			if (!isTo(message, HOST_EMAIL) || !message.getSubject().startsWith("New referral for")) {
				continue;
			}
			Matcher link = REFERRAL_LINK.matcher(Mailbox.text(message));
			if (link.find()) {
				byReferral.computeIfAbsent(link.group(1), id -> new ArrayList<>())
					.add(message.getMessageID() + " sent " + message.getHeader("Date", null) + ", taken "
							+ message.getHeader("Received", " / "));
			}
		}
		return byReferral;
	}

	private static boolean isTo(MimeMessage message, String address) throws MessagingException {
		Address[] recipients = message.getAllRecipients();
		return recipients != null && Arrays.stream(recipients).map(Address::toString).anyMatch(address::equals);
	}

	private static String cookie(CookieManager cookies, String name) {
		return cookies.getCookieStore().getCookies().stream()
			.filter(cookie -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + name + " cookie from the sign-in page"));
	}

	/** Ports for the stack whose copies for further instances and brokers ({@code copies} of each in all) are free too. */
	private static int[] freePortsWithCopies(int count, int copies) throws IOException {
		int[] ports = new int[count];
		Set<Integer> reserved = new HashSet<>();
		for (int i = 0; i < count; i++) {
			while (ports[i] == 0) {
				int port;
				try (ServerSocket socket = new ServerSocket(0)) {
					port = socket.getLocalPort();
				}
				List<Integer> all = IntStream.range(0, copies).map(copy -> StackSettings.instancePort(port, copy)).boxed().toList();
				if (all.stream().allMatch(candidate -> candidate < 65536 && !reserved.contains(candidate) && isFree(candidate))) {
					reserved.addAll(all);
					ports[i] = port;
				}
			}
		}
		return ports;
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port)) {
			return true;
		}
		catch (IOException inUse) {
			return false;
		}
	}

	/** One referral a client set out to make: its key, the fault it began in, and what each try got. */
	private static final class Referral {

		private final String phase;

		private final String key = UUID.randomUUID().toString();

		private final Set<String> ids = ConcurrentHashMap.newKeySet();

		private final AtomicInteger attempts = new AtomicInteger();

		private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

		Referral(String phase) {
			this.phase = phase;
		}

		/** One try through the gateway instance; whether it was made (an answer of 2xx). */
		boolean tryThrough(HttpClient http, String gatewayUrl, String body) {
			attempts.incrementAndGet();
			try {
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/referrals"))
					.timeout(Duration.ofSeconds(15))
					.header(REFERRER[0], REFERRER[1])
					.header("Content-Type", "application/json")
					.header("Idempotency-Key", key)
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() / 100 == 2) {
					ids.add(json.readTree(response.body()).get("id").asString());
					return true;
				}
				failed(Integer.toString(response.statusCode()));
			}
			catch (IOException | RuntimeException ex) {
				failed(ex.getClass().getSimpleName());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				failed("interrupted");
			}
			return false;
		}

		private void failed(String why) {
			failures.computeIfAbsent(why, reason -> new AtomicInteger()).incrementAndGet();
		}

		boolean givenUp() {
			return ids.isEmpty();
		}

	}

	/** Clients making referrals through both gateway instances, each tagged with the fault it began in. */
	private static final class Load {

		private final ScheduledExecutorService clients = Executors.newScheduledThreadPool(CLIENTS);

		private final ConcurrentLinkedQueue<Referral> referrals = new ConcurrentLinkedQueue<>();

		private final List<String> phases = new ArrayList<>();

		private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

		private final String body = referralTo(placeId, "Edith", "Brown");

		private volatile String phase;

		void start(String first) {
			phase(first);
			for (int client = 0; client < CLIENTS; client++) {
				int gateway = client % 2;
				clients.scheduleWithFixedDelay(() -> refer(gateway), client * PACE.toMillis() / CLIENTS, PACE.toMillis(),
						TimeUnit.MILLISECONDS);
			}
		}

		void phase(String name) {
			System.out.println(LocalTime.now() + " Chaos: " + name);
			phases.add(name);
			phase = name;
		}

		/** Tries until made, the first try through the client's gateway instance, then each through the other. */
		private void refer(int firstGateway) {
			Referral referral = new Referral(phase);
			referrals.add(referral);
			try {
				Awaitility.await("referral " + referral.key)
					.pollInSameThread()
					.pollDelay(Duration.ZERO)
					.pollInterval(BETWEEN_ATTEMPTS)
					.atMost(Duration.ofMinutes(15))
					.until(() -> referral.tryThrough(http, stack.gatewayUrl((firstGateway + referral.attempts.get()) % 2), body)
							|| referral.attempts.get() >= MAX_ATTEMPTS);
			}
			catch (ConditionTimeoutException ex) {
				referral.failed("given up");
			}
			catch (RuntimeException ex) {
				// A client that threw would never be scheduled again
				referral.failed(ex.getClass().getSimpleName());
			}
		}

		/** Waits until this many more referrals were set out on in the current phase. */
		void awaitReferrals(int count) {
			String current = phase;
			long before = referrals.stream().filter(referral -> referral.phase.equals(current)).count();
			Awaitility.await(count + " more referrals during " + current)
				.atMost(Duration.ofMinutes(3))
				.until(() -> referrals.stream().filter(referral -> referral.phase.equals(current)).count() >= before + count);
		}

		/** No new referrals; waits for those under way to be made or given up. */
		void stop() throws InterruptedException {
			clients.shutdown();
			assertThat(clients.awaitTermination(15, TimeUnit.MINUTES)).as("every client finished").isTrue();
		}

		void abandon() {
			clients.shutdownNow();
		}

		Set<String> created() {
			return referrals.stream().flatMap(referral -> referral.ids.stream()).collect(Collectors.toSet());
		}

	}

	/** What happened to the referrals of each fault. */
	private record Counts(int setOutOn, int created, int alerts, int lost, int duplicated, int retried, int givenUp,
			int madeTwice, Map<String, Integer> failures) {

		static Counts of(List<Referral> referrals, Map<String, List<String>> alerts) {
			int created = 0;
			int alertCount = 0;
			int lost = 0;
			int duplicated = 0;
			Map<String, Integer> failures = new LinkedHashMap<>();
			for (Referral referral : referrals) {
				for (String id : referral.ids) {
					created++;
					int received = alerts.getOrDefault(id, List.of()).size();
					alertCount += received;
					lost += received == 0 ? 1 : 0;
					duplicated += received > 1 ? 1 : 0;
				}
				referral.failures.forEach((why, times) -> failures.merge(why, times.get(), Integer::sum));
			}
			return new Counts(referrals.size(), created, alertCount, lost, duplicated,
					(int) referrals.stream().filter(referral -> referral.attempts.get() > 1).count(),
					(int) referrals.stream().filter(Referral::givenUp).count(),
					(int) referrals.stream().filter(referral -> referral.ids.size() > 1).count(), failures);
		}

		String line(String name) {
			return "%-58s %7d %7d %7d %5d %6d %7d %6d  %s".formatted(name, setOutOn, created, alerts, lost, duplicated,
					retried, givenUp, failures.isEmpty() ? "" : "failed tries: " + failures);
		}

	}

	/** The counts per fault and in all, and which referrals were lost or duplicated. */
	private static final class Report {

		private final Map<String, Counts> byPhase = new LinkedHashMap<>();

		private final Counts total;

		private final Map<String, List<String>> alerts;

		private final List<Referral> referrals;

		Report(Load load, Map<String, List<String>> alerts) {
			this.alerts = alerts;
			this.referrals = List.copyOf(load.referrals);
			for (String phase : load.phases) {
				byPhase.put(phase, Counts.of(referrals.stream().filter(referral -> referral.phase.equals(phase)).toList(),
						alerts));
			}
			this.total = Counts.of(referrals, alerts);
		}

		Counts total() {
			return total;
		}

		@Override
		public String toString() {
			StringBuilder report = new StringBuilder("\nChaos: two of everything (2 instances of each service, 3 Kafka brokers)\n");
			report.append("%-58s %7s %7s %7s %5s %6s %7s %6s%n".formatted("fault", "tried", "created", "e-mails", "lost",
					"duplic", "retried", "gaveup"));
			byPhase.forEach((phase, counts) -> report.append(counts.line(phase)).append('\n'));
			report.append(total.line("all")).append('\n');
			for (Referral referral : referrals) {
				for (String id : referral.ids) {
					List<String> received = alerts.getOrDefault(id, List.of());
					if (received.size() != 1) {
						report.append("  referral ").append(id).append(" (").append(referral.phase).append("): ")
							.append(received.size()).append(" e-mail(s) to the host: ").append(received)
							.append('\n');
					}
				}
				if (referral.ids.size() > 1) {
					report.append("  key ").append(referral.key).append(" made ").append(referral.ids).append('\n');
				}
			}
			return report.toString();
		}

	}

}
