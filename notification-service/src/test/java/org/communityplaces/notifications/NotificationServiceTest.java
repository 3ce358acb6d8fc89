package org.communityplaces.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.communityplaces.contracts.EventContract;
import org.communityplaces.notifications.preference.StandInDns;
import org.communityplaces.platform.testing.MongoWireTestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/**
 * notification-service on a real broker, a real SMTP server (GreenMail, on a fixed port so it
 * can be stopped and started again as an outage), the MongoDB-wire store and a stand-in name
 * server for hostile DNS answers, with short retry waits.
 */
@SpringBootTest(properties = { "referrals.topic.partitions=1", "notifications.delivery.initial-backoff=100ms",
		"notifications.delivery.max-backoff=400ms", "notifications.delivery.sweep-interval=100ms",
		"platform.events.retry.initial-interval=100ms", "platform.events.retry.max-interval=400ms",
		"notifications.digest.cron=-", "notifications.portal-url=https://portal.example.org",
		"notifications.listings.admin-email=directory@council.example.org" })
@AutoConfigureMockMvc
@Import(StandInDns.class)
@EmbeddedKafka(partitions = 1, topics = { "referral-events", "referral-events-dlt" },
		bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public abstract class NotificationServiceTest {

	protected static final String HOST = "landlord@redlion.example.org";

	protected static final String REFERRER = "link.worker@surgery.example.org";

	protected static final EventContract contract = EventContract.load();

	private static final int SMTP_PORT = freePort();

	@RegisterExtension
	protected static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> MongoWireTestServer.databaseUri(NotificationServiceTest.class));
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@Autowired
	protected KafkaTemplate<String, String> kafka;

	@Autowired
	protected MongoTemplate mongo;

	@Autowired
	protected MockMvcTester mvc;

	@BeforeEach
	void freshStart() throws Exception {
		if (!smtp.isRunning()) {
			smtp.start();
		}
		smtp.purgeEmailFromAllMailboxes();
		// and the scheduled jobs' locks, so a test may run a job that the test before it ran
		for (String collection : List.of("notifications", "preferences", "webhook_hosts", "dead_letters", "digest_claims",
				"shedLock")) {
			mongo.remove(new Query(), collection);
		}
	}

	/** The contract's example of this event type, as a new event about a new referral. */
	protected static String event(String type) {
		return contract.examples(type)
			.get(0)
			.replace("0b8f7d3c-1e2a-4c5b-8d9e-7a6b5c4d3e2f", UUID.randomUUID().toString())
			.replace("6760a1f2c9e77b1d2f3a4b5c", UUID.randomUUID().toString().replace("-", "").substring(0, 24));
	}

	protected void publish(String event) {
		kafka.send("referral-events", "key", event).join();
	}

	protected static List<MimeMessage> emailsTo(String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(message -> isTo(message, address)).toList();
	}

	protected static List<MimeMessage> awaitEmailsTo(String address, int count) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> emailsTo(address), emails -> emails.size() >= count);
	}

	/** Signed in, as the token the gateway relays names them. */
	protected MvcTestResult as(String role, String email, MockMvcRequestBuilder request) {
		return request.with(jwt().jwt(token -> {
			token.subject("u-" + role).claim("role", role);
			if (email != null) {
				token.claim("email", email);
			}
			if (role.equals("referrer")) {
				token.claim("organisation", "C88001");
			}
		})).exchange();
	}

	protected MvcTestResult choose(String role, String email, String preference) {
		return as(role, email, mvc.put()
			.uri("/api/notifications/preferences")
			.contentType(MediaType.APPLICATION_JSON)
			.content(preference));
	}

	private static boolean isTo(MimeMessage message, String address) {
		try {
			return Arrays.stream(message.getAllRecipients()).map(Address::toString).anyMatch(address::equals);
		}
		catch (MessagingException ex) {
			return false;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
