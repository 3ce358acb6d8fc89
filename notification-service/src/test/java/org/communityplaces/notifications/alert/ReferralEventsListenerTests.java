package org.communityplaces.notifications.alert;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.communityplaces.contracts.EventContract;
import org.communityplaces.platform.testing.MongoWireTestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The consumer side of the contract: every schema example is read and alerts the right person, once. */
@SpringBootTest(properties = { "spring.mail.host=127.0.0.1", "referrals.topic.partitions=1" })
@EmbeddedKafka(partitions = 1, topics = { "referral-events", "referral-events-dlt" },
		bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ReferralEventsListenerTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
		.withPerMethodLifecycle(false);

	private static final EventContract contract = EventContract.load();

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> MongoWireTestServer.databaseUri(ReferralEventsListenerTests.class));
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	AlertRepository alerts;

	@Autowired
	EmbeddedKafkaBroker broker;

	@BeforeEach
	void noAlerts() throws Exception {
		alerts.deleteAll();
		smtp.purgeEmailFromAllMailboxes();
	}

	@Test
	void theHostIsEmailedAboutANewReferralWithoutThePersonsDetails() throws Exception {
		String event = contract.examples("ReferralRequested").get(0);
		publish(event);

		MimeMessage email = await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages(),
				messages -> messages.length == 1)[0];
		assertThat(email.getAllRecipients()).extracting(Object::toString).containsExactly("landlord@redlion.example.org");
		assertThat(email.getSubject()).isEqualTo("New referral for The Red Lion community table");
		assertThat(GreenMailUtil.getBody(email)).contains("partner portal");
		assertThat(alerts.findByReferralIdOrderByCreatedAt("6760a1f2c9e77b1d2f3a4b5c")).singleElement()
			.satisfies(alert -> assertThat(alert.status()).isEqualTo(Alert.Status.SENT));
	}

	@Test
	void theReferrerIsEmailedWhenTheHostAccepts() throws Exception {
		publish(contract.examples("ReferralAccepted").get(0));

		MimeMessage email = await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages(),
				messages -> messages.length == 1)[0];
		assertThat(email.getAllRecipients()).extracting(Object::toString).containsExactly("link.worker@surgery.example.org");
		assertThat(email.getSubject()).isEqualTo("The Red Lion community table accepted your referral");
	}

	@Test
	void aRedeliveredEventAlertsOnlyOnce() {
		String event = withFreshEventId(contract.examples("ReferralRequested").get(0));
		publish(event);
		publish(event);
		String marker = withFreshEventId(contract.examples("ReferralAccepted").get(0));
		publish(marker);

		// The marker is behind both copies on the one partition: once it is mailed, both copies were handled.
		await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == 2);
		assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getSubject)
			.containsExactly("New referral for The Red Lion community table",
					"The Red Lion community table accepted your referral");
	}

	@Test
	void anEventThatBreaksTheContractGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
		Map<String, Object> consumerProps = KafkaTestUtils.consumerProps(broker, "dlt-reader", false);
		consumerProps.put("auto.offset.reset", "earliest");
		try (Consumer<String, String> deadLetters = new DefaultKafkaConsumerFactory<>(consumerProps,
				new StringDeserializer(), new StringDeserializer())
			.createConsumer()) {
			broker.consumeFromAnEmbeddedTopic(deadLetters, "referral-events-dlt");

			publish("{\"type\":\"ReferralRequested\",\"referralId\":\"r-1\"}");
			publish("not json at all");
			publish(withFreshEventId(contract.examples("ReferralAccepted").get(0)));

			await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == 1);
			List<ConsumerRecord<String, String>> deadLettered = new ArrayList<>();
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				KafkaTestUtils.getRecords(deadLetters, Duration.ofMillis(200)).forEach(deadLettered::add);
				return deadLettered.size() >= 2;
			});
			assertThat(deadLettered).extracting(ConsumerRecord::value)
				.containsExactly("{\"type\":\"ReferralRequested\",\"referralId\":\"r-1\"}", "not json at all");
			assertThat(deadLettered).allSatisfy(record -> assertThat(
					new String(record.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
				.contains("breaks the contract"));
		}
	}

	private void publish(String event) {
		kafka.send(new ProducerRecord<>("referral-events", "6760a1f2c9e77b1d2f3a4b5c", event)).join();
	}

	private static String withFreshEventId(String event) {
		return event.replaceFirst("\"eventId\":\"[^\"]+\"", "\"eventId\":\"" + UUID.randomUUID() + "\"");
	}

}
