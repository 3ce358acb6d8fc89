package org.communityplaces.stack;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * From a host's decision to the referrer's e-mail arriving at the SMTP server, on the embedded
 * stack: the referral service's outbox relay, Kafka, the notification service and SMTP, each
 * a real process or server. Each e-mail links to its referral, so it is matched to the
 * decision that caused it. Prints p50, p99 and the worst.
 * <p>
 * {@code ./mvnw -B -DskipTests package && ./mvnw -B -pl stack -Pbenchmark test -Dtest=NotificationLatencyBenchmark}
 */
@Tag("benchmark")
class NotificationLatencyBenchmark {

	private static final int REFERRALS = Integer.getInteger("benchmark.referrals", 1000);

	/** Referrals and decisions a second: a busy evening across many venues, not a flood (and within a person's rate limit). */
	private static final int RATE = Integer.getInteger("benchmark.rate", 20);

	private static final Pattern REFERRAL_LINK = Pattern.compile("/referrals/([0-9a-f]{24})");

	private static final Map<String, String> REFERRER = basic("sam", "referrals-demo");

	private static final Map<String, String> HOST = basic("pat", "hosting-demo");

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void decisionToEmail() throws Exception {
		int[] ports = new int[9];
		for (int i = 0; i < ports.length; i++) {
			try (ServerSocket socket = new ServerSocket(0)) {
				ports[i] = socket.getLocalPort();
			}
		}
		StackSettings settings = StackSettings.defaults(Path.of(System.getProperty("stack.root", "..")).toAbsolutePath().normalize())
			.withData(Files.createTempDirectory("latency-benchmark"), true)
			.withPorts(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6], ports[7], ports[8]);
		try (EmbeddedStack stack = EmbeddedStack.start(settings)) {
			String gateway = stack.gatewayUrl();
			String placeId = json.readTree(send(gateway, "GET", "/api/places/search?q=red%20lion", null, Map.of()))
				.get("hits").get(0).get("id").asString();

			// Referrals are made at the same pace as decisions: the gateway limits each person to 20 a second.
			List<String> referrals = new ArrayList<>();
			long interval = TimeUnit.SECONDS.toNanos(1) / RATE;
			long next = System.nanoTime();
			for (int i = 0; i < REFERRALS; i++) {
				LockSupport.parkNanos(next - System.nanoTime());
				next += interval;
				referrals.add(json.readTree(send(gateway, "POST", "/api/referrals", referral(placeId), REFERRER))
					.get("id")
					.asString());
			}
			System.out.printf("Made %d referrals; the host accepts them at %d a second%n", REFERRALS, RATE);

			Map<String, Long> arrived = new ConcurrentHashMap<>();
			Thread watcher = new Thread(() -> watch(stack, arrived), "smtp-watcher");
			watcher.setDaemon(true);
			watcher.start();

			long[] decidedAt = new long[REFERRALS];
			next = System.nanoTime();
			for (int i = 0; i < REFERRALS; i++) {
				LockSupport.parkNanos(next - System.nanoTime());
				next += interval;
				send(gateway, "POST", "/api/referrals/" + referrals.get(i) + "/accept", null, HOST);
				decidedAt[i] = System.nanoTime();
			}
			await().atMost(Duration.ofMinutes(2)).until(() -> arrived.size() >= REFERRALS);
			watcher.interrupt();

			long[] millis = new long[REFERRALS];
			for (int i = 0; i < REFERRALS; i++) {
				millis[i] = TimeUnit.NANOSECONDS.toMillis(arrived.get(referrals.get(i)) - decidedAt[i]);
			}
			Arrays.sort(millis);
			System.out.printf("Decision to e-mail at the SMTP server over %d referrals: p50 %d ms, p99 %d ms, max %d ms%n",
					REFERRALS, millis[REFERRALS / 2], millis[(int) Math.ceil(REFERRALS * 0.99) - 1],
					millis[REFERRALS - 1]);
			assertThat(millis).hasSize(REFERRALS);
		}
	}

	/** Notes the moment each referrer's e-mail is first seen, by referral; only new messages are read. */
	private static void watch(EmbeddedStack stack, Map<String, Long> arrived) {
		int seen = 0;
		while (!Thread.currentThread().isInterrupted()) {
			MimeMessage[] messages = stack.mail().getReceivedMessages();
			long now = System.nanoTime();
			for (int i = seen; i < messages.length; i++) {
				if (recipients(messages[i]).contains("sam@surgery.example.org")) {
					Matcher link = REFERRAL_LINK.matcher(GreenMailUtil.getBody(messages[i]));
					if (link.find()) {
						arrived.putIfAbsent(link.group(1), now);
					}
				}
			}
			seen = messages.length;
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
		}
	}

	private static List<String> recipients(MimeMessage message) {
		try {
			return Arrays.stream(message.getAllRecipients()).map(Address::toString).toList();
		}
		catch (MessagingException ex) {
			return List.of();
		}
	}

	private static Map<String, String> basic(String username, String password) {
		return Map.of("Authorization",
				"Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	private static String referral(String placeId) {
		return """
				{"placeId": "%s",
				 "person": {"firstName": "Edith", "contact": {"method": "via-referrer"}, "ageBand": "75-84"},
				 "consent": {"given": true, "method": "verbal", "lawfulBasis": "explicit-consent"},
				 "reasons": ["loneliness"]}
				""".formatted(placeId);
	}

	private String send(String gateway, String method, String path, String body, Map<String, String> headers)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 201);
		return response.body();
	}

}
