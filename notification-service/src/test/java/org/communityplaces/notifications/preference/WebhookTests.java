package org.communityplaces.notifications.preference;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import org.communityplaces.notifications.NotificationServiceTest;
import org.communityplaces.notifications.delivery.Notification;
import org.communityplaces.platform.outbound.OutboundAddresses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Webhooks to a real HTTP receiver: signed, retried, and never aimed at the service's own network. */
class WebhookTests extends NotificationServiceTest {

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final AtomicInteger failuresToGive = new AtomicInteger();

	private HttpServer receiver;

	@BeforeEach
	void startReceiver() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hooks/referrals", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			boolean fail = failuresToGive.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
			if (!fail) {
				received.add(new Received(exchange.getRequestHeaders().getFirst("X-Signature"),
						new String(body, StandardCharsets.UTF_8)));
			}
			exchange.sendResponseHeaders(fail ? 503 : 204, -1);
			exchange.close();
		});
		receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		receiver.stop(0);
	}

	@Test
	void aWebhookIsSignedSoTheReceiverCanTrustItAndAForgeryOrAReplayFails() throws Exception {
		allowLoopback();
		String secret = chooseWebhook();
		failuresToGive.set(1);
		publish(event("ReferralRequested"));

		Received hook = await().atMost(Duration.ofSeconds(30)).until(() -> received, list -> !list.isEmpty()).get(0);
		assertThat(hook.body()).contains("\"type\":\"ReferralRequested\"", "\"placeName\":\"The Red Lion community table\"",
				"\"link\":\"https://portal.example.org/referrals/");
		Instant now = Instant.now();
		assertThat(verifies(secret, hook.signature(), hook.body(), now)).isTrue();
		assertThat(verifies("not-the-secret", hook.signature(), hook.body(), now)).as("forged").isFalse();
		assertThat(verifies(secret, hook.signature(), hook.body().replace("Red Lion", "Blue Lion"), now))
			.as("tampered").isFalse();
		assertThat(verifies(secret, hook.signature(), hook.body(), now.plus(Duration.ofMinutes(6))))
			.as("replayed after the window").isFalse();
		assertThat(smtp.getReceivedMessages()).as("a webhook instead of an e-mail").isEmpty();
	}

	@Test
	void webhookUrlsOnLoopbackPrivateOrLinkLocalAddressesAreRefused() {
		for (String url : List.of("https://127.0.0.1/hook", "https://localhost/hook", "https://10.1.2.3/hook",
				"https://192.168.0.10/hook", "https://172.16.5.5/hook", "https://169.254.169.254/latest/meta-data",
				"https://[::1]/hook", "https://[fd00::1]/hook", "https://100.64.0.1/hook", "https://0.0.0.0/hook",
				"http://" + url("8.8.8.8"), "ftp://files.example.org/hook", "https://user@8.8.8.8/hook")) {
			MvcTestResult refused = choose("host", HOST, "{\"channel\": \"webhook\", \"webhookUrl\": \"" + url + "\"}");
			assertThat(refused).as(url).hasStatus(422).bodyJson().extractingPath("$.errors[0].field").isEqualTo("webhookUrl");
		}
		assertThat(mongo.findAll(Preference.class)).isEmpty();
	}

	@Test
	void onlyAnAdminAllowsAHostThatIsNotPublic() {
		assertThat(as("host", HOST, mvc.put().uri("/api/notifications/webhook-hosts/127.0.0.1"))).hasStatus(403);
		assertThat(choose("host", HOST, webhookChoice())).hasStatus(422);
		allowLoopback();
		assertThat(choose("host", HOST, webhookChoice())).hasStatusOk();
		assertThat(as("admin", null, mvc.put().uri("/api/notifications/webhook-hosts/not a host"))).hasStatus(400);
	}

	@Test
	void publicAddressesArePublicAndNothingElseIs() throws Exception {
		assertThat(OutboundAddresses.isPublic(InetAddress.getByName("8.8.8.8"))).isTrue();
		assertThat(OutboundAddresses.isPublic(InetAddress.getByName("2a00:1450:4009:81f::200e"))).isTrue();
		for (String address : List.of("127.0.0.1", "10.0.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254",
				"100.64.0.1", "100.127.255.255", "0.0.0.0", "224.0.0.1", "255.255.255.255", "198.18.0.1", "::1",
				"fe80::1", "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1")) {
			assertThat(OutboundAddresses.isPublic(InetAddress.getByName(address))).as(address).isFalse();
		}
	}

	@Test
	void addressesThatCarryAForbiddenOneInsideAnIpv6AddressAreRefused() throws Exception {
		for (String address : List.of("64:ff9b::7f00:1", "64:ff9b::a00:1", "64:ff9b::808:808", "64:ff9b:1::a9fe:a9fe",
				"2002:7f00:1::1", "2002:a00:1::1", "2002:808:808::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2",
				"2001::1", "::127.0.0.1", "::10.0.0.1", "::8.8.8.8", "::ffff:0:7f00:1")) {
			assertThat(OutboundAddresses.isPublic(InetAddress.getByName(address))).as(address).isFalse();
		}
		assertThat(OutboundAddresses.isPublic(InetAddress.getByName("2001:db8::1"))).as("not Teredo").isTrue();
		for (String url : List.of("https://[64:ff9b::7f00:1]/hook", "https://[2002:a9fe:a9fe::1]/hook",
				"https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook", "https://[::127.0.0.1]/hook")) {
			assertThat(choose("host", HOST, "{\"channel\": \"webhook\", \"webhookUrl\": \"" + url + "\"}")).as(url)
				.hasStatus(422).bodyJson().extractingPath("$.errors[0].field").isEqualTo("webhookUrl");
		}
		assertThat(mongo.findAll(Preference.class)).isEmpty();
	}

	@Test
	void aHostToAllowMustBeAHostNameOrAnAddress() {
		for (String host : List.of("-1", "1", "42", "a..example", "-hooks.example", "hooks-.example", "hooks.example.",
				"x".repeat(64) + ".example", "10.0.0.300", "1.2.3", "hooks.123", "::g", "1:2:3", "hooks_1.example",
				"hooks.example:8443")) {
			assertThat(as("admin", null, mvc.put().uri("/api/notifications/webhook-hosts/{host}", host))).as(host)
				.hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("host");
		}
		assertThat(mongo.findAll(AllowedWebhookHost.class)).isEmpty();
		for (String host : List.of("hooks.council.example", "HOOKS2.Council.Example", "intranet", "10.0.0.5", "fd00::5")) {
			assertThat(as("admin", null, mvc.put().uri("/api/notifications/webhook-hosts/{host}", host))).as(host)
				.hasStatusOk();
		}
	}

	/**
	 * A name server can answer a public address when the address is checked and a private one
	 * when the request is made (DNS rebinding): the request must go to the address checked.
	 */
	@Test
	void aWebhookGoesToTheAddressThatWasCheckedNotWhereverTheNameLeadsNext() throws Exception {
		try (ServerSocket loopback = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			AtomicInteger reached = new AtomicInteger();
			Thread acceptor = new Thread(() -> {
				while (!loopback.isClosed()) {
					try (Socket connection = loopback.accept()) {
						reached.incrementAndGet();
					}
					catch (IOException closed) {
						return;
					}
				}
			});
			acceptor.start();
			assertThat(choose("host", HOST, "{\"channel\": \"webhook\", \"webhookUrl\": \"https://hooks.rebinding.test:"
					+ loopback.getLocalPort() + "/hooks/referrals\"}")).hasStatusOk();
			StandInDns.startOver();
			publish(event("ReferralRequested"));

			await().atMost(Duration.ofSeconds(30)).until(() -> reached.get() > 0 || mongo.findAll(Notification.class)
				.stream().anyMatch(sent -> sent.delivery().status() == Notification.Status.FAILED));
			assertThat(reached).as("connections to the loopback address the name led to after the check").hasValue(0);
		}
	}

	private void allowLoopback() {
		assertThat(as("admin", null, mvc.put().uri("/api/notifications/webhook-hosts/127.0.0.1"))).hasStatusOk();
	}

	private String chooseWebhook() throws Exception {
		MvcTestResult chosen = choose("host", HOST, webhookChoice());
		assertThat(chosen).hasStatusOk();
		assertThat(as("host", HOST, mvc.get().uri("/api/notifications/preferences"))).bodyJson()
			.extractingPath("$.webhookSecret")
			.as("the secret is shown once")
			.isNull();
		return JsonPath.read(chosen.getResponse().getContentAsString(StandardCharsets.UTF_8),
				"$.webhookSecret");
	}

	private String webhookChoice() {
		return "{\"channel\": \"webhook\", \"webhookUrl\": \"http://127.0.0.1:" + receiver.getAddress().getPort()
				+ "/hooks/referrals\"}";
	}

	private static String url(String host) {
		return host + "/hook";
	}

	/** What a receiving system does: recompute the signature and refuse one more than five minutes old. */
	private static boolean verifies(String secret, String header, String body, Instant now) {
		String timestamp = header.replaceFirst("^t=(\\d+),v1=.*$", "$1");
		String signature = header.replaceFirst("^t=\\d+,v1=", "");
		if (Math.abs(now.getEpochSecond() - Long.parseLong(timestamp)) > 300) {
			return false;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] expected = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Received(String signature, String body) {
	}

}
