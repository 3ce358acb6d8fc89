package org.communityplaces.referrals.intake;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.communityplaces.referrals.ReferralServiceTest;
import org.communityplaces.referrals.place.PlaceSummary;
import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.referral.ReferralStatus;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Making referrals: what is stored, what is published, and what is refused. */
class ReferralApiTests extends ReferralServiceTest {

	@Test
	void aReferralIsStoredWithItsDeadlineAndItsRequestedEventPublishedAsTheContractSays() {
		MvcTestResult created = refer(LINK_WORKER, PlacesCatalogueStandIn.RED_LION);
		assertThat(created).hasStatus(201).bodyJson().extractingPath("$.status").isEqualTo("requested");
		assertThat(created).bodyJson().extractingPath("$.person.nhsNumber").isEqualTo("9434765919");
		assertThat(created).bodyJson().extractingPath("$.referrer.organisation").isEqualTo("C88001");
		// Monday 09:00 plus five working days
		assertThat(created).bodyJson().extractingPath("$.respondBy").isEqualTo("2026-11-30T09:00:00Z");
		String id = idOf(created);

		assertThat(eventsOf(id, 1)).singleElement().satisfies(record -> {
			assertThat(contract.violations(record.value())).isEmpty();
			assertThat(record.value()).contains("\"type\":\"ReferralRequested\"", "landlord@redlion.example.org",
					"\"respondBy\":\"2026-11-30T09:00:00Z\"");
		});
	}

	@Test
	void theHostAcceptsAndTheAcceptedEventFollowsTheRequestedOneInOrder() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		assertThat(post(LANDLORD, "/api/referrals/" + id + "/accept")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("accepted");

		List<ConsumerRecord<String, String>> events = eventsOf(id, 2);
		assertThat(events).extracting(ConsumerRecord::value)
			.satisfiesExactly(first -> assertThat(first).contains("\"type\":\"ReferralRequested\""),
					second -> assertThat(second).contains("\"type\":\"ReferralAccepted\"", "sam@surgery.example.org"));
		events.forEach(record -> assertThat(contract.violations(record.value())).isEmpty());
	}

	@Test
	void ofTwoConcurrentDecisionsExactlyOneWinsAndTheOtherGetsAConflict() throws Exception {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		CountDownLatch start = new CountDownLatch(1);
		Callable<Integer> accept = () -> decide(start, id, "/accept", null);
		Callable<Integer> reject = () -> decide(start, id, "/reject", "{\"reason\": \"no-capacity\"}");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Integer> one = pool.submit(accept);
			Future<Integer> other = pool.submit(reject);
			start.countDown();
			assertThat(List.of(one.get(), other.get())).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			pool.shutdownNow();
		}
		Referral stored = mongo.findById(id, Referral.class);
		assertThat(stored.outbox()).hasSize(2);
		assertThat(stored.history()).hasSize(2);
	}

	private Integer decide(CountDownLatch start, String id, String action, String body) throws InterruptedException {
		start.await();
		MvcTestResult result = body == null ? post(LANDLORD, "/api/referrals/" + id + action)
				: post(LANDLORD, "/api/referrals/" + id + action, body);
		return result.getResponse().getStatus();
	}

	@Test
	void aDecisionOnAStaleVersionIsRefusedAndChangesNothing() {
		MvcTestResult created = refer(LINK_WORKER, PlacesCatalogueStandIn.RED_LION);
		String id = idOf(created);
		String seen = created.getResponse().getHeader("ETag");
		assertThat(post(COLLEAGUE, "/api/referrals/" + id + "/cancel", "{\"reason\": \"person-declined\"}"))
			.hasStatusOk();
		MvcTestResult stale = LANDLORD.on(mvc.post().uri("/api/referrals/{id}/accept", id)).header("If-Match", seen)
			.exchange();
		assertThat(stale).hasStatus(412).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(mongo.findById(id, Referral.class).status()).isEqualTo(ReferralStatus.CANCELLED);
	}

	@Test
	void theSameIdempotencyKeyGivesTheSameReferralNeverASecond() {
		MvcTestResult first = withKey("retry-1", referralTo(PlacesCatalogueStandIn.RED_LION, false));
		MvcTestResult again = withKey("retry-1", referralTo(PlacesCatalogueStandIn.RED_LION, false));
		assertThat(first).hasStatus(201);
		assertThat(again).hasStatus(201);
		assertThat(idOf(again)).isEqualTo(idOf(first));
		assertThat(mongo.count(new Query(), Referral.class)).isOne();

		MvcTestResult reusedForAnother = withKey("retry-1", referralTo(PlacesCatalogueStandIn.BAKERY, false));
		assertThat(reusedForAnother).hasStatus(422).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(withKey("retry-2", referralTo(PlacesCatalogueStandIn.BAKERY, false))).hasStatus(201);
		assertThat(mongo.count(new Query(), Referral.class)).isEqualTo(2);
		assertThat(eventsOf(idOf(first), 1)).hasSize(1);
	}

	/**
	 * The gateway gave up on the first attempt, which the service still made: a retry with the
	 * same key gets that referral without asking about the place again (the catalogue may be
	 * what was slow), and nothing is made or sent twice.
	 */
	@Test
	void aRetryAfterATimeoutGetsTheReferralTheFirstAttemptMade() {
		String request = referralTo(PlacesCatalogueStandIn.RED_LION, false);
		MvcTestResult first = withKey("timed-out-1", request);
		assertThat(first).hasStatus(201);
		PlacesCatalogueStandIn.answering(false);
		mongo.remove(new Query(), PlaceSummary.class);

		MvcTestResult retry = withKey("timed-out-1", request);
		assertThat(retry).hasStatus(201).hasHeader("Location", "/api/referrals/" + idOf(first));
		assertThat(retry).bodyJson().extractingPath("$.status").isEqualTo("requested");
		assertThat(mongo.count(new Query(), Referral.class)).isOne();
		assertThat(mongo.findById(idOf(first), Referral.class).outbox()).hasSize(1);
		assertRefused(withKey("timed-out-1", referralTo(PlacesCatalogueStandIn.BAKERY, false)), 422, null);
		assertThat(mongo.count(new Query(), Referral.class)).isOne();
	}

	private MvcTestResult withKey(String key, String json) {
		return LINK_WORKER.on(mvc.post().uri("/api/referrals"))
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	@Test
	void aDraftIsNotSentUntilSubmittedAndTheHostCannotSeeIt() {
		String id = idOf(post(LINK_WORKER, "/api/referrals", referralTo(PlacesCatalogueStandIn.RED_LION, true)));
		assertThat(get(LINK_WORKER, "/api/referrals/" + id)).bodyJson().extractingPath("$.status").isEqualTo("draft");
		assertThat(get(LANDLORD, "/api/referrals/" + id)).hasStatus(404);
		assertThat(published.of(id)).isEmpty();

		assertThat(post(LINK_WORKER, "/api/referrals/" + id + "/submit")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.respondBy")
			.isEqualTo("2026-11-30T09:00:00Z");
		assertThat(get(LANDLORD, "/api/referrals/" + id)).hasStatusOk();
		assertThat(eventsOf(id, 1)).singleElement()
			.satisfies(record -> assertThat(record.value()).contains("ReferralRequested"));
	}

	@Test
	void badInputIsNamedAndNothingIsStoredOrPublished() {
		String valid = referralTo(PlacesCatalogueStandIn.RED_LION, false);
		assertRefused(post(LINK_WORKER, "/api/referrals", valid.replaceFirst("\"consent\": \\{[^}]*},", "")), 400,
				"consent");
		assertRefused(post(LINK_WORKER, "/api/referrals", valid.replace("\"given\": true", "\"given\": false")), 400,
				"consent.given");
		assertRefused(post(LINK_WORKER, "/api/referrals", valid.replace(NHS_NUMBER, "943 476 5918")), 400,
				"person.nhsNumber");
		assertRefused(post(LINK_WORKER, "/api/referrals", valid.replace("\"knitting\"", "\"skydiving\"")), 400,
				"person.interests[0]");
		assertRefused(post(LINK_WORKER, "/api/referrals", valid.replace("\"loneliness\", ", "\"lonely\", ")), 400,
				"reasons[0]");
		assertRefused(post(LINK_WORKER, "/api/referrals", valid.replace("\"value\": \"0114 496 0000\"", "\"value\": \"\"")),
				400, "person.contact.value");
		assertRefused(post(LINK_WORKER, "/api/referrals", valid.replace("\"75-84\"", "\"old\"")), 400, "person.ageBand");
		assertRefused(refer(LINK_WORKER, "no-such-place"), 422, "placeId");
		assertRefused(refer(LINK_WORKER, "../../actuator"), 400, "placeId");
		assertRefused(refer(LINK_WORKER, PlacesCatalogueStandIn.FULL_CAFE), 422, "placeId");
		assertThat(post(LINK_WORKER, "/api/referrals", "{\"placeId\": [")).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		// Events wait in the referral's own document until relayed: with nothing stored, nothing can be published.
		assertThat(mongo.count(new Query(), Referral.class)).isZero();
	}

	@Test
	void theRequestsCorrelationIdFollowsItOntoItsEvent() {
		MvcTestResult created = LINK_WORKER.on(mvc.post().uri("/api/referrals"))
			.header("X-Correlation-Id", "journey-0001")
			.contentType(MediaType.APPLICATION_JSON)
			.content(referralTo(PlacesCatalogueStandIn.RED_LION, false))
			.exchange();
		assertThat(created).hasStatus(201).hasHeader("X-Correlation-Id", "journey-0001");
		assertThat(eventsOf(idOf(created), 1).get(0).headers().lastHeader("correlationId").value())
			.asString(StandardCharsets.UTF_8)
			.isEqualTo("journey-0001");
	}

	@Test
	void anAddressWithAPlusReachesTheEventAsWritten() {
		Actor plus = new Actor("u-plus", "referrer", "Sam Link", "sam+links@surgery.example.org", "C88001",
				"Hillsborough Surgery");
		String id = idOf(refer(plus, PlacesCatalogueStandIn.RED_LION));
		assertThat(post(LANDLORD, "/api/referrals/" + id + "/accept")).hasStatusOk();
		assertThat(eventsOf(id, 2).get(1).value()).contains("\"referrerEmail\":\"sam+links@surgery.example.org\"");
		assertThat(get(plus, "/api/referrals/" + id)).bodyJson()
			.extractingPath("$.referrer.organisationName")
			.isEqualTo("Hillsborough Surgery");
	}

	@Test
	void onlyReferrersReferAndSomeoneNotSignedInIsToldToSignIn() {
		assertRefused(refer(LANDLORD, PlacesCatalogueStandIn.RED_LION), 403, null);
		assertRefused(refer(COMMISSIONER, PlacesCatalogueStandIn.RED_LION), 403, null);
		MvcTestResult anonymous = mvc.post()
			.uri("/api/referrals")
			.contentType(MediaType.APPLICATION_JSON)
			.content(referralTo(PlacesCatalogueStandIn.RED_LION, false))
			.exchange();
		assertRefused(anonymous, 401, null);
		assertThat(mongo.count(new Query(), Referral.class)).isZero();
	}

	@Test
	void aDeclinedReferralIsReferredElsewhereAndTheChainIsKept() {
		String first = referred(PlacesCatalogueStandIn.RED_LION);
		assertThat(post(LANDLORD, "/api/referrals/" + first + "/reject", "{\"reason\": \"no-capacity\"}")).hasStatusOk();
		assertThat(eventsOf(first, 2).get(1).value()).contains("\"type\":\"ReferralRejected\"", "\"reason\":\"no-capacity\"");

		MvcTestResult again = post(COLLEAGUE, "/api/referrals/" + first + "/re-referrals",
				"{\"placeId\": \"" + PlacesCatalogueStandIn.BAKERY + "\"}");
		assertThat(again).hasStatus(201);
		String second = idOf(again);
		assertThat(again).bodyJson().extractingPath("$.previousAttempts").asArray().containsExactly(first);
		assertThat(again).bodyJson().extractingPath("$.person.firstName").isEqualTo("Edith");
		assertThat(again).bodyJson().extractingPath("$.place.name").isEqualTo("Crookes Bakery");
		assertThat(get(LINK_WORKER, "/api/referrals/" + first)).bodyJson()
			.extractingPath("$.nextAttempt")
			.isEqualTo(second);
		assertThat(eventsOf(second, 1).get(0).value()).contains("kim@bakery.example.org");

		assertRefused(post(LINK_WORKER, "/api/referrals/" + first + "/re-referrals",
				"{\"placeId\": \"" + PlacesCatalogueStandIn.BAKERY + "\"}"), 409, null);
		assertRefused(post(LINK_WORKER, "/api/referrals/" + second + "/re-referrals",
				"{\"placeId\": \"" + PlacesCatalogueStandIn.RED_LION + "\"}"), 409, null);
	}

	@Test
	void aRejectionNeedsAKnownReasonAndWordsForOther() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		assertRefused(post(LANDLORD, "/api/referrals/" + id + "/reject", "{}"), 400, "reason");
		assertRefused(post(LANDLORD, "/api/referrals/" + id + "/reject", "{\"reason\": \"busy\"}"), 400, "reason");
		assertRefused(post(LANDLORD, "/api/referrals/" + id + "/reject", "{\"reason\": \"other\"}"), 400, "text");
		assertThat(post(LANDLORD, "/api/referrals/" + id + "/reject",
				"{\"reason\": \"other\", \"text\": \"We are closing for refurbishment\"}")).hasStatusOk();
		assertThat(eventsOf(id, 2).get(1).value()).doesNotContain("refurbishment");
	}

	@Test
	void theApiIsDescribedInOpenApiForTheGatewaysSwaggerUi() {
		MvcTestResult description = mvc.get().uri("/v3/api-docs").exchange();
		assertThat(description).as("open to the gateway without a token").hasStatusOk();
		assertThat(description).bodyJson().extractingPath("$.paths").asMap()
			.containsKeys("/api/referrals", "/api/referrals/{id}", "/api/audit");
		assertThat(description).bodyText().as("the caller comes from the token, not the request").doesNotContain("\"caller\"");
		assertThat(description).bodyJson().extractingPath("$.servers[0].url").isEqualTo("/");
		assertThat(description).bodyJson().extractingPath("$.components.securitySchemes.gateway-sign-in.scheme")
			.isEqualTo("basic");
	}

	@Test
	void theFormsAreOfferedEveryCodeWithItsLabelAndEachDecisionsReasons() {
		MvcTestResult codes = get(LINK_WORKER, "/api/referrals/codes");
		assertThat(codes).hasStatusOk();
		assertThat(codes).bodyJson().extractingPath("$.reason.loneliness").isEqualTo("Feels lonely");
		assertThat(codes).bodyJson().extractingPath("$.accessibility").asMap().containsKey("step-free");
		assertThat(codes).bodyJson().extractingPath("$.decisionReasons.reject").asArray()
			.containsExactly("could-not-contact", "no-capacity", "not-eligible", "other");
	}

}
