package org.communityplaces.referrals.referral;

import java.time.Duration;
import java.util.List;

import com.mongodb.ReadPreference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.communityplaces.contracts.EventContract;
import org.communityplaces.platform.testing.PublishedEvents;
import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.communityplaces.referrals.ReferralServiceTest;
import org.communityplaces.referrals.ReferralServiceTest.Actor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The referral journey on real MongoDB (a replica set, as production runs it) and real Apache
 * Kafka in containers, connected by {@code @ServiceConnection}: made, accepted, both events on
 * the topic and valid to the contract. Also what the embedded store cannot show: writes are
 * acknowledged by a majority of the replica set. Runs wherever Docker is available (the GitHub
 * Actions workflow); without Docker it is reported as skipped.
 */
@SpringBootTest(properties = "outbox.sweep-interval-ms=3600000")
@AutoConfigureMockMvc
@Testcontainers(disabledWithoutDocker = true)
class ReferralJourneyOnRealInfrastructureTests {

	@Container
	@ServiceConnection
	static final MongoDBContainer mongo = new MongoDBContainer("mongo:7.0.14");

	@Container
	@ServiceConnection
	static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.0");

	private static final Actor REFERRER = new Actor("u-sam", "referrer", "Sam Link", "sam@surgery.example.org",
			"C88001", "Hillsborough Surgery");

	private static final Actor HOST = new Actor("u-landlord", "host", "Pat Landlord", "landlord@redlion.example.org",
			null, null);

	private static PublishedEvents published;

	@DynamicPropertySource
	static void placesCatalogue(DynamicPropertyRegistry registry) {
		registry.add("places.base-url", PlacesCatalogueStandIn::baseUrl);
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	MongoTemplate mongoTemplate;

	@BeforeAll
	static void listen() {
		published = new PublishedEvents(kafka.getBootstrapServers(), "referral-events");
	}

	@AfterAll
	static void stopListening() {
		published.close();
	}

	@Test
	void aReferralIsMadeAndAcceptedAndBothEventsReachKafkaValidToTheContract() {
		PlacesCatalogueStandIn.answering(true);
		MvcTestResult made = REFERRER.on(mvc.post().uri("/api/referrals"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(ReferralServiceTest.referralTo(PlacesCatalogueStandIn.RED_LION, false))
			.exchange();
		assertThat(made).hasStatus(201);
		String id = ReferralServiceTest.idOf(made);
		assertThat(HOST.on(mvc.post().uri("/api/referrals/" + id + "/accept")).exchange()).hasStatusOk();

		EventContract contract = EventContract.load();
		List<ConsumerRecord<String, String>> events = await().atMost(Duration.ofSeconds(30))
			.until(() -> published.of(id), records -> records.size() == 2);
		assertThat(events).extracting(record -> new String(record.headers().lastHeader("eventType").value()))
			.containsExactly("ReferralRequested", "ReferralAccepted");
		events.forEach(record -> assertThat(contract.violations(record.value())).isEmpty());
		assertThat(mongoTemplate.findById(id, Referral.class).outbox()).allMatch(entry -> entry.sentAt() != null);
	}

	@Test
	void writesAreAcknowledgedByAMajorityOfTheReplicaSet() {
		Document hello = mongoTemplate.getDb().runCommand(new Document("hello", 1));
		assertThat(hello.getString("setName")).as("a replica set, as in production").isNotBlank();
		Document defaults = mongoTemplate.getMongoDatabaseFactory()
			.getMongoDatabase("admin")
			.withReadPreference(ReadPreference.primary())
			.runCommand(new Document("getDefaultRWConcern", 1));
		assertThat(defaults.get("defaultWriteConcern", Document.class).get("w")).isEqualTo("majority");
	}

}
