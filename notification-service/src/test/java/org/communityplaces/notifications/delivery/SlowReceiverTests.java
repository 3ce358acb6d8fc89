package org.communityplaces.notifications.delivery;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.communityplaces.notifications.NotificationServiceTest;
import org.communityplaces.notifications.preference.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A webhook receiver that holds its answer for seconds delays only what goes to it: not the
 * e-mails the sweep retries, not another recipient's webhook.
 */
class SlowReceiverTests extends NotificationServiceTest {

	/** Under the webhook read timeout, so the held call ends in an answer rather than a failure. */
	private static final long HELD_SECONDS = 8;

	private final AtomicInteger slowCalls = new AtomicInteger();

	private final AtomicInteger fastCalls = new AtomicInteger();

	private final CountDownLatch holding = new CountDownLatch(1);

	private final CountDownLatch letGo = new CountDownLatch(1);

	private final ExecutorService receiverThreads = Executors.newCachedThreadPool();

	private HttpServer receiver;

	@BeforeEach
	void startReceivers() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.setExecutor(receiverThreads);
		receiver.createContext("/hooks/slow", exchange -> {
			exchange.getRequestBody().readAllBytes();
			if (slowCalls.incrementAndGet() == 1) {
				// Fails at once, so the next attempt is the sweep's
				exchange.sendResponseHeaders(503, -1);
			}
			else {
				holding.countDown();
				try {
					letGo.await(HELD_SECONDS, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				exchange.sendResponseHeaders(204, -1);
			}
			exchange.close();
		});
		receiver.createContext("/hooks/fast", exchange -> {
			exchange.getRequestBody().readAllBytes();
			fastCalls.incrementAndGet();
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		receiver.start();
	}

	@AfterEach
	void stopReceivers() {
		letGo.countDown();
		receiver.stop(0);
		receiverThreads.shutdownNow();
	}

	@Test
	void aSlowWebhookReceiverDelaysOnlyItsOwnRecipient() {
		assertThat(as("admin", null, mvc.put().uri("/api/notifications/webhook-hosts/127.0.0.1"))).hasStatusOk();
		assertThat(choose("host", HOST, webhookTo("/hooks/slow"))).hasStatusOk();
		assertThat(choose("referrer", REFERRER, webhookTo("/hooks/fast"))).hasStatusOk();
		publish(event("ReferralRequested"));
		await().atMost(Duration.ofSeconds(30)).until(() -> holding.getCount() == 0);

		publish(event("ReferralAccepted"));
		String somebody = "coordinator@surgery.example.org";
		mongo.insert(dueEmailTo(somebody));

		await().atMost(Duration.ofSeconds(3)).until(() -> fastCalls.get() == 1 && emailsTo(somebody).size() == 1);
		assertThat(mongo.findAll(Notification.class))
			.filteredOn(alert -> alert.recipient().email().equals(HOST))
			.singleElement()
			.as("the slow receiver still holds its answer")
			.satisfies(alert -> assertThat(alert.delivery().status()).isEqualTo(Notification.Status.PENDING));
		assertThat(slowCalls).as("what it holds is not tried again meanwhile").hasValue(2);
	}

	private String webhookTo(String path) {
		return "{\"channel\": \"webhook\", \"webhookUrl\": \"http://127.0.0.1:" + receiver.getAddress().getPort() + path
				+ "\"}";
	}

	/** An e-mail left due in the store, as after a failed attempt: only the sweep sends it. */
	private static Notification dueEmailTo(String address) {
		Instant now = Instant.now();
		return Notification.of(new Notification.Event(UUID.randomUUID().toString(), "ReferralAccepted", "r-1"),
				new Notification.Recipient("referrer", address),
				new Notification.Message("Your referral was accepted", "It was accepted.", "<p>It was accepted.</p>",
						null, null),
				Channel.EMAIL, address, now, now);
	}

}
