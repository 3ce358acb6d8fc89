package org.communityplaces.referrals;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.communityplaces.contracts.EventContract;
import org.communityplaces.platform.testing.MongoWireTestServer;
import org.communityplaces.platform.testing.PublishedEvents;
import org.communityplaces.referrals.referral.Referral;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/**
 * referral-service on a real broker, a real MongoDB-wire store and a real HTTP stand-in for
 * the places catalogue, with a clock the tests move. The relay's sweep waits an hour, so only
 * its prompt send on each write can publish an event in time; the deadline check is called by
 * the tests rather than waited for.
 */
// The tests move the clock by weeks: the relay keeps what it sent for longer than that, so each
// referral's outbox still shows every event it caused.
@SpringBootTest(properties = { "outbox.sweep-interval-ms=3600000", "outbox.keep-sent=3650d",
		"referrals.response.check-interval=1h" })
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = { ReferralServiceTest.REFERRAL_EVENTS, "place-events" },
		bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import(TestClock.Configuration.class)
public abstract class ReferralServiceTest {

	protected static final String REFERRAL_EVENTS = "referral-events";

	protected static final EventContract contract = EventContract.load();

	protected static final Actor LINK_WORKER = new Actor("u-sam", "referrer", "Sam Link", "sam@surgery.example.org",
			"C88001", "Hillsborough Surgery");

	protected static final Actor COLLEAGUE = new Actor("u-ali", "referrer", "Ali Khan", "ali@surgery.example.org",
			"C88001", "Hillsborough Surgery");

	protected static final Actor OTHER_SURGERY = new Actor("u-jo", "referrer", "Jo Other", "jo@elsewhere.example.org",
			"C88999", "Elsewhere Medical Centre");

	protected static final Actor LANDLORD = new Actor("u-landlord", "host", "Pat Landlord",
			"Landlord@RedLion.example.org", null, null);

	protected static final Actor OTHER_HOST = new Actor("u-baker", "host", "Kim Baker", "kim@bakery.example.org", null,
			null);

	protected static final Actor COMMISSIONER = new Actor("u-cllr", "commissioner", "Chris Commissioner",
			"chris@council.example.org", null, null);

	protected static final Actor ADMIN = new Actor("u-admin", "admin", "Ada Admin", "ada@council.example.org", null,
			null);

	protected static final String NHS_NUMBER = "943 476 5919";

	protected static final String NOTES = "Husband died in March; low mood, sleeping badly";

	/** The person agreed to let the place see all it can: how to reach them, their needs, interests and access needs. */
	public static final String SHARING_EVERYTHING = "\"sharing\": [\"contact\", \"needs\", \"interests\", \"accessibility\"]";

	/** Scores before the person starts going, and after some weeks. */
	protected static final String BASELINE = """
			{"timepoint": "baseline", "uclaLoneliness": 8,
			 "ons4": {"lifeSatisfaction": 3, "worthwhile": 4, "happiness": 3, "anxiety": 7}}
			""";

	protected static final String FOLLOW_UP = """
			{"timepoint": "follow-up", "uclaLoneliness": 5,
			 "ons4": {"lifeSatisfaction": 6, "worthwhile": 6, "happiness": 3, "anxiety": 8}}
			""";

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> MongoWireTestServer.databaseUri(ReferralServiceTest.class));
		registry.add("places.base-url", PlacesCatalogueStandIn::baseUrl);
		registry.add("notifications.base-url", NotificationServiceStandIn::baseUrl);
	}

	protected static PublishedEvents published;

	@Autowired
	protected MockMvcTester mvc;

	@Autowired
	protected MongoTemplate mongo;

	@Autowired
	protected TestClock clock;

	@Autowired
	private ScheduledTaskHolder scheduler;

	@BeforeAll
	static void listen(@Autowired EmbeddedKafkaBroker broker) {
		published = new PublishedEvents(broker.getBrokersAsString(), REFERRAL_EVENTS);
	}

	@AfterAll
	static void stopListening() {
		published.close();
	}

	@BeforeEach
	void freshStart() {
		mongo.remove(new Query(), Referral.class);
		mongo.remove(new Query(), "audit");
		clock.set(TestClock.START);
		PlacesCatalogueStandIn.answering(true);
		NotificationServiceStandIn.answering(true);
	}

	/** Runs the scheduled work of this class and method now, as the scheduler would. */
	protected void runScheduled(String className, String methodName) {
		List<ScheduledTask> tasks = scheduler.getScheduledTasks()
			.stream()
			.filter(scheduled -> scheduled.toString().endsWith("." + className + "." + methodName))
			.toList();
		assertThat(tasks).as("scheduled " + className + "." + methodName + " among " + scheduler.getScheduledTasks())
			.hasSize(1);
		tasks.get(0).getTask().getRunnable().run();
	}

	protected MvcTestResult refer(Actor actor, String placeId) {
		return post(actor, "/api/referrals", referralTo(placeId, false));
	}

	protected String referred(String placeId) {
		return idOf(refer(LINK_WORKER, placeId));
	}

	/** Without {@code draft} unless it is one, as most callers send it; the person shares everything. */
	public static String referralTo(String placeId, boolean draft) {
		return """
				{"placeId": "%s",%s
				 "person": {"firstName": "Edith", "lastName": "Brown", "contact": {"method": "phone", "value": "0114 496 0000"},
				            "postcodeDistrict": "S6", "ageBand": "75-84", "needs": ["companionship", "regular-routine"],
				            "interests": ["knitting", "quiz-and-games"], "accessibility": ["step-free"], "nhsNumber": "%s"},
				 "consent": {"given": true, "method": "verbal", "lawfulBasis": "explicit-consent", %s},
				 "reasons": ["loneliness", "bereavement"],
				 "notes": "%s"}
				""".formatted(placeId, draft ? " \"draft\": true," : "", NHS_NUMBER, SHARING_EVERYTHING, NOTES);
	}

	protected MvcTestResult post(Actor actor, String uri, String json) {
		return actor.on(mvc.post().uri(uri)).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	protected MvcTestResult post(Actor actor, String uri) {
		return actor.on(mvc.post().uri(uri)).exchange();
	}

	protected MvcTestResult get(Actor actor, String uri) {
		return actor.on(mvc.get().uri(uri)).exchange();
	}

	public static String idOf(MvcTestResult created) {
		return created.getResponse().getHeader("Location").replace("/api/referrals/", "");
	}

	protected List<ConsumerRecord<String, String>> eventsOf(String referralId, int count) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> published.of(referralId), records -> records.size() >= count);
	}

	/** The request was refused with this status, as problem+json naming {@code field} if it is given. */
	protected static void assertRefused(MvcTestResult result, int status, String field) {
		assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (field != null) {
			assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().contains(field);
		}
	}

	/** A signed-in person, as the token the gateway relays names them. */
	public record Actor(String id, String role, String name, String email, String organisation, String organisationName) {

		public MockMvcRequestBuilder on(MockMvcRequestBuilder request) {
			request.with(signedIn());
			return request;
		}

		/** The token the gateway would relay for them. */
		public RequestPostProcessor signedIn() {
			return jwt().jwt(token -> {
				token.subject(id).claim("role", role).claim("name", name);
				if (email != null) {
					token.claim("email", email);
				}
				if (organisation != null) {
					token.claim("organisation", organisation).claim("organisation_name", organisationName);
				}
			});
		}

	}

}
