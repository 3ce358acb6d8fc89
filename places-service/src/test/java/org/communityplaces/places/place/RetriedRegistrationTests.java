package org.communityplaces.places.place;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.communityplaces.places.PlacesServiceTest;
import org.communityplaces.platform.testing.PublishedEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.index.IndexField;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/**
 * The gateway gave up waiting for a registration and the web app sent it again with the same
 * {@code Idempotency-Key}: the retry gets the place the first attempt made, never a second one.
 */
class RetriedRegistrationTests extends PlacesServiceTest {

	private static final String BAKERY = PlaceApiTests.RED_LION
		.replace(" The Red Lion community table ", "Crookes Bakery tea room")
		.replace("landlord@redlion.example.org", "kim@bakery.example.org");

	private static PublishedEvents published;

	@BeforeAll
	static void listen(@Autowired EmbeddedKafkaBroker broker) {
		published = new PublishedEvents(broker.getBrokersAsString(), "place-events");
	}

	@AfterAll
	static void stopListening() {
		published.close();
	}

	@Test
	void theSameKeyAndRequestGetTheSameAnswerAndOnePlace() {
		MvcTestResult first = register("u-admin-1", "retry-1", PlaceApiTests.RED_LION);
		MvcTestResult again = register("u-admin-1", "retry-1", PlaceApiTests.RED_LION);
		String id = idOf(first);
		assertThat(again).hasStatus(201).hasHeader("Location", "/api/places/" + id);
		assertThat(again).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.id").isEqualTo(id);
			assertThat(json).extractingPath("$.version").isEqualTo(0);
			assertThat(json).extractingPath("$.name").isEqualTo("The Red Lion community table");
			assertThat(json).extractingPath("$.status").isEqualTo("ACTIVE");
		});
		assertThat(mongo.count(new Query(), Place.class)).isOne();
		assertThat(await().atMost(Duration.ofSeconds(30)).until(() -> published.of(id), events -> !events.isEmpty()))
			.singleElement()
			.satisfies(event -> assertThat(event.value()).contains("\"type\":\"PlaceChanged\""));
	}

	@Test
	void aKeyUsedForAnotherPlaceIsRefusedAndNothingIsStored() {
		String id = idOf(register("u-admin-1", "retry-2", PlaceApiTests.RED_LION));
		MvcTestResult reused = register("u-admin-1", "retry-2", BAKERY);
		assertThat(reused).hasStatus(422).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(reused).bodyJson().extractingPath("$.title").isEqualTo("Idempotency-Key already used");
		assertThat(mongo.count(new Query(), Place.class)).isOne();
		assertThat(mongo.findById(id, Place.class).name()).isEqualTo("The Red Lion community table");
		assertThat(register("u-admin-1", "retry-3", BAKERY)).hasStatus(201);
	}

	@Test
	void aKeyIsTheCallersOwnAndWithoutOneEveryRegistrationIsANewPlace() {
		String mine = idOf(register("u-admin-1", "shared-key", PlaceApiTests.RED_LION));
		String theirs = idOf(register("u-admin-2", "shared-key", PlaceApiTests.RED_LION));
		assertThat(theirs).isNotEqualTo(mine);
		String unkeyed = idOf(withoutKey());
		assertThat(idOf(withoutKey())).isNotEqualTo(unkeyed);
		assertThat(mongo.count(new Query(), Place.class)).isEqualTo(4);
	}

	@Test
	void aMalformedKeyIsABadRequestNamingTheHeaderAndNothingIsStored() {
		for (String key : List.of("{ } ; , \" '", "two words", "k".repeat(101))) {
			MvcTestResult refused = register("u-admin-1", key, PlaceApiTests.RED_LION);
			assertThat(refused).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(refused).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("Idempotency-Key");
		}
		assertThat(mongo.count(new Query(), Place.class)).isZero();
	}

	/** On real MongoDB the unique key, not the look-up before the insert, settles a race between attempts. */
	@Test
	void attemptsAtTheSameTimeMakeOnePlaceAndTheKeyIsUniqueInTheStore() throws Exception {
		assertThat(mongo.indexOps(Place.class).getIndexInfo()).anySatisfy(index -> {
			assertThat(index.isUnique()).isTrue();
			assertThat(index.isSparse()).isTrue();
			assertThat(index.getIndexFields()).extracting(IndexField::getKey).containsExactly("idempotency.key");
		});

		int attempts = 4;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<MvcTestResult>> answers = new ArrayList<>();
		ExecutorService clients = Executors.newFixedThreadPool(attempts);
		try {
			Callable<MvcTestResult> attempt = () -> {
				start.await();
				return register("u-admin-1", "race-1", PlaceApiTests.RED_LION);
			};
			for (int i = 0; i < attempts; i++) {
				answers.add(clients.submit(attempt));
			}
			start.countDown();
			List<String> ids = new ArrayList<>();
			for (Future<MvcTestResult> answer : answers) {
				ids.add(idOf(answer.get()));
			}
			assertThat(ids).containsOnly(ids.get(0));
		}
		finally {
			clients.shutdownNow();
		}
		assertThat(mongo.count(new Query(), Place.class)).isOne();
	}

	private MvcTestResult register(String adminId, String idempotencyKey, String json) {
		return mvc.post()
			.uri("/api/places")
			.with(jwt().jwt(token -> token.subject(adminId).claim("role", "admin").claim("organisation", "C88001")))
			.header("Idempotency-Key", idempotencyKey)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	private MvcTestResult withoutKey() {
		return as("admin", null, mvc.post().uri("/api/places")).contentType(MediaType.APPLICATION_JSON)
			.content(PlaceApiTests.RED_LION)
			.exchange();
	}

	private static String idOf(MvcTestResult created) {
		assertThat(created).hasStatus(201);
		return created.getResponse().getHeader("Location").replace("/api/places/", "");
	}

}
