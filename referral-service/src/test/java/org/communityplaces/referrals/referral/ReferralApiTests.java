package org.communityplaces.referrals.referral;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.communityplaces.contracts.EventContract;
import org.communityplaces.platform.testing.MongoWireTestServer;
import org.communityplaces.platform.testing.PublishedEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

// The relay's sweep waits an hour, so only the relay's prompt send on each write can publish in time.
@SpringBootTest(properties = "outbox.sweep-interval-ms=3600000")
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = ReferralEvents.TOPIC, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ReferralApiTests {

	private static final EventContract contract = EventContract.load();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> MongoWireTestServer.databaseUri(ReferralApiTests.class));
		registry.add("places.base-url", PlacesCatalogueStandIn::baseUrl);
	}

	private static PublishedEvents published;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	MongoTemplate mongo;

	@BeforeAll
	static void listen(@Autowired EmbeddedKafkaBroker broker) {
		published = new PublishedEvents(broker.getBrokersAsString(), ReferralEvents.TOPIC);
	}

	@AfterAll
	static void stopListening() {
		published.close();
	}

	@BeforeEach
	void noReferrals() {
		mongo.remove(new Query(), Referral.class);
	}

	@Test
	void aReferralIsStoredAndItsRequestedEventPublishedAsTheContractSays() {
		MvcTestResult created = refer(PlacesCatalogueStandIn.KNOWN_PLACE_ID);
		assertThat(created).hasStatus(201).bodyJson().extractingPath("$.status").isEqualTo("requested");
		String id = idOf(created);

		List<ConsumerRecord<String, String>> events = await().atMost(Duration.ofSeconds(30))
			.until(() -> published.of(id), records -> !records.isEmpty());
		assertThat(events).singleElement().satisfies(record -> {
			assertThat(contract.violations(record.value())).isEmpty();
			assertThat(record.value()).contains("\"type\":\"ReferralRequested\"", "landlord@redlion.example.org")
				.doesNotContain("Edith");
		});
	}

	@Test
	void theOutboxRelayFindsPendingEventsThroughAnIndex() {
		assertThat(mongo.indexOps(Referral.class).getIndexInfo())
			.anySatisfy(index -> assertThat(index.isIndexForFields(List.of("outbox.sentAt"))).isTrue());
	}

	@Test
	void theHostAcceptsAndTheAcceptedEventFollowsTheRequestedOneInOrder() {
		String id = idOf(refer(PlacesCatalogueStandIn.KNOWN_PLACE_ID));
		assertThat(mvc.post().uri("/api/referrals/{id}/accept", id)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("accepted");

		List<ConsumerRecord<String, String>> events = await().atMost(Duration.ofSeconds(30))
			.until(() -> published.of(id), records -> records.size() == 2);
		assertThat(events).extracting(ConsumerRecord::value)
			.satisfiesExactly(first -> assertThat(first).contains("\"type\":\"ReferralRequested\""),
					second -> assertThat(second).contains("\"type\":\"ReferralAccepted\"", "sam@surgery.example.org"));
		events.forEach(record -> assertThat(contract.violations(record.value())).isEmpty());
	}

	@Test
	void ofTwoConcurrentDecisionsExactlyOneWinsAndTheOtherGetsAConflict() throws Exception {
		String id = idOf(refer(PlacesCatalogueStandIn.KNOWN_PLACE_ID));
		CountDownLatch start = new CountDownLatch(1);
		Callable<Integer> accept = () -> {
			start.await();
			return mvc.post().uri("/api/referrals/{id}/accept", id).exchange().getResponse().getStatus();
		};
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Integer> one = pool.submit(accept);
			Future<Integer> other = pool.submit(accept);
			start.countDown();
			assertThat(List.of(one.get(), other.get())).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(mongo.findById(id, Referral.class).outbox()).hasSize(2);
	}

	@Test
	void anUnknownPlaceIsNamedAndNothingIsStoredOrPublished() {
		assertThat(refer("no-such-place")).hasStatus(422)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("placeId");
		assertThat(mongo.count(new Query(), Referral.class)).isZero();
	}

	@Test
	void aPlaceIdThatIsNotAnIdIsRefusedBeforeThePlacesCatalogueIsAsked() {
		assertThat(refer("../../actuator")).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("placeId");
		assertThat(mongo.count(new Query(), Referral.class)).isZero();
	}

	@Test
	void missingFieldsAndMalformedJsonAreBadRequestsThatStoreNothing() {
		MvcTestResult missing = post("""
				{"placeId": "%s", "referrer": {"name": "Sam"}}
				""".formatted(PlacesCatalogueStandIn.KNOWN_PLACE_ID));
		assertThat(missing).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(missing).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("person", "referrer.email", "referrer.organisation");
		assertThat(post("{\"placeId\": [")).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(mongo.count(new Query(), Referral.class)).isZero();
	}

	@Test
	void anUnknownReferralIsNotFoundAndAcceptingTwiceIsAConflict() {
		assertThat(mvc.get().uri("/api/referrals/{id}", "nope")).hasStatus(404);
		String id = idOf(refer(PlacesCatalogueStandIn.KNOWN_PLACE_ID));
		assertThat(mvc.post().uri("/api/referrals/{id}/accept", id)).hasStatusOk();
		assertThat(mvc.post().uri("/api/referrals/{id}/accept", id)).hasStatus(409)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private MvcTestResult refer(String placeId) {
		return post("""
				{"placeId": "%s",
				 "referrer": {"name": "Sam Link", "email": "sam@surgery.example.org", "organisation": "Hillsborough Surgery"},
				 "person": {"firstName": "Edith"}}
				""".formatted(placeId));
	}

	private MvcTestResult post(String json) {
		return mvc.post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	private static String idOf(MvcTestResult created) {
		return created.getResponse().getHeader("Location").replace("/api/referrals/", "");
	}

}
