package org.communityplaces.referrals.erasure;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.communityplaces.referrals.ReferralServiceTest;
import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.referral.ReferralStatus;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person withdraws the consent their referral is held on: the referrer records it, an open
 * referral is cancelled and the host hears only that it was withdrawn, the person's details are
 * erased from every attempt, and the audit trail and the counts stay. Refused, with nothing
 * changed, where the referral is held for health and social care, and for anyone but the
 * referrer's organisation.
 */
class ConsentWithdrawalTests extends ReferralServiceTest {

	private static final List<String> PERSONAL = List.of("Edith", "Brown", "9434765919", "943 476 5919", "Husband",
			"0114 496 0000", "edith@example.org", "knitting", "companionship", "bereavement", "Can she bring her dog",
			"Yes, Sam");

	@Test
	void anOpenReferralIsCancelledTheHostIsToldOnlyThatItWasWithdrawnAndThePersonsDetailsAreErased() throws Exception {
		String id = referredHearingByEmail();
		assertThat(post(LANDLORD, "/api/referrals/" + id + "/accept", "{\"firstVisitOn\": \"2026-12-01\"}"))
			.hasStatusOk();
		assertThat(post(LINK_WORKER, "/api/referrals/" + id + "/outcomes", BASELINE)).hasStatusOk();
		assertThat(post(LINK_WORKER, "/api/referrals/" + id + "/messages", "{\"text\": \"Can she bring her dog?\"}"))
			.hasStatusOk();
		assertThat(post(LANDLORD, "/api/referrals/" + id + "/messages", "{\"text\": \"Yes, Sam, of course\"}"))
			.hasStatusOk();
		MvcTestResult shown = get(LINK_WORKER, "/api/referrals/" + id);
		assertThat(shown).bodyJson().extractingPath("$.actions[*].action").asArray().contains("withdraw-consent");
		String offered = "$.actions[?(@.action == 'withdraw-consent')].";
		assertThat(shown).bodyJson().extractingPath(offered + "label").asArray()
			.containsExactly("Record that they withdrew consent");
		assertThat(shown).bodyJson().extractingPath(offered + "href").asArray()
			.containsExactly("/api/referrals/" + id + "/withdraw-consent");
		assertThat(shown).bodyJson().extractingPath(offered + "input").asArray().containsExactly("consent-withdrawal");
		String etag = shown.getResponse().getHeader("ETag");

		MvcTestResult withdrawn = LINK_WORKER.on(mvc.post().uri("/api/referrals/" + id + "/withdraw-consent"))
			.header("If-Match", etag)
			.exchange();

		assertThat(withdrawn).hasStatusOk();
		assertThat(withdrawn).bodyJson().extractingPath("$.status").isEqualTo("cancelled");
		assertThat(withdrawn).bodyJson().extractingPath("$.actions").asArray().isEmpty();
		assertThat(withdrawn.getResponse().getContentAsString()).doesNotContain(PERSONAL);
		Referral stored = mongo.findById(id, Referral.class);
		assertThat(stored.status()).isEqualTo(ReferralStatus.CANCELLED);
		assertThat(stored.history()).last().satisfies(step -> {
			assertThat(step.reason()).isEqualTo("consent-withdrawn");
			assertThat(step.byUserId()).isEqualTo(LINK_WORKER.id());
		});
		assertThat(stored.erasure().reason()).isEqualTo("consent-withdrawn");
		assertThat(stored.outcomes()).isNull();
		assertThat(stored.messages()).extracting(Referral.Message::byRole).containsExactly("referrer", "host");
		assertThat(stored.messages()).extracting(Referral.Message::text).containsOnlyNulls();
		assertThat(stored.telling()).isEqualTo(new Referral.Telling("email", null, null, null, null,
				stored.telling().whereAndWhenAskedAt(), stored.telling().remindAt(), stored.telling().reminderAskedAt()));
		assertThat(stored.outbox()).extracting(entry -> entry.type()).doesNotContain("PersonToBeTold");
		assertThat(mongo.findById(id, Document.class, "referrals").toJson()).doesNotContain(PERSONAL)
			.doesNotContain("Oak Road", "2026-12-01");

		MvcTestResult host = get(LANDLORD, "/api/referrals/" + id);
		assertThat(host).bodyJson().extractingPath("$.status").isEqualTo("cancelled");
		assertThat(host.getResponse().getContentAsString()).doesNotContain(PERSONAL).doesNotContain("consent");

		List<ConsumerRecord<String, String>> events = eventsOf(id, 7);
		events.forEach(event -> assertThat(contract.violations(event.value())).as(event.value()).isEmpty());
		assertThat(events).filteredOn(event -> event.value().contains("\"type\":\"ReferralCancelled\""))
			.singleElement()
			.satisfies(event -> assertThat(event.value()).contains("\"reason\":\"consent-withdrawn\""));
		assertThat(events).filteredOn(event -> event.value().contains("\"type\":\"ReferralPersonalDataErased\""))
			.singleElement()
			.satisfies(event -> assertThat(event.value()).contains("\"reason\":\"consent-withdrawn\""));
		events.forEach(event -> assertThat(event.value()).doesNotContain(PERSONAL));

		assertThat(mongo.find(Query.query(Criteria.where("objectId").is(id).and("actorId").is(LINK_WORKER.id())
			.and("purpose").is("erase personal data (consent-withdrawn)")), Document.class, "audit")).hasSize(1);
		assertRefused(post(LINK_WORKER, "/api/referrals/" + id + "/withdraw-consent"), 409, null);
	}

	@Test
	void everyAttemptForThePersonIsErasedAndOnlyTheOpenOneIsCancelled() {
		String declined = referred(PlacesCatalogueStandIn.RED_LION);
		assertThat(post(LANDLORD, "/api/referrals/" + declined + "/reject", "{\"reason\": \"no-capacity\"}"))
			.hasStatusOk();
		String again = idOf(post(LINK_WORKER, "/api/referrals/" + declined + "/re-referrals",
				"{\"placeId\": \"" + PlacesCatalogueStandIn.BAKERY + "\"}"));

		assertThat(post(LINK_WORKER, "/api/referrals/" + declined + "/withdraw-consent")).hasStatusOk();

		Referral first = mongo.findById(declined, Referral.class);
		Referral second = mongo.findById(again, Referral.class);
		assertThat(first.status()).isEqualTo(ReferralStatus.REJECTED);
		assertThat(second.status()).isEqualTo(ReferralStatus.CANCELLED);
		for (Referral attempt : List.of(first, second)) {
			assertThat(attempt.erasure().reason()).isEqualTo("consent-withdrawn");
			assertThat(attempt.person().firstName()).isNull();
			assertThat(mongo.findById(attempt.id(), Document.class, "referrals").toJson()).doesNotContain(PERSONAL);
		}
		assertThat(get(LINK_WORKER, "/api/referrals/" + again)).bodyJson().extractingPath("$.actions").asArray().isEmpty();
	}

	@Test
	void aReferralHeldForHealthAndSocialCareOffersNoWithdrawalAndRefusesOneWithNothingChanged() {
		String id = idOf(post(LINK_WORKER, "/api/referrals", referralTo(PlacesCatalogueStandIn.RED_LION, false)
			.replace("explicit-consent", "health-and-social-care")));
		assertThat(get(LINK_WORKER, "/api/referrals/" + id)).bodyJson().extractingPath("$.actions[*].action").asArray()
			.doesNotContain("withdraw-consent");
		long version = mongo.findById(id, Referral.class).version();

		MvcTestResult refused = post(LINK_WORKER, "/api/referrals/" + id + "/withdraw-consent");

		assertRefused(refused, 409, null);
		assertThat(refused).bodyJson().extractingPath("$.detail").asString().contains("health and social care");
		Referral unchanged = mongo.findById(id, Referral.class);
		assertThat(unchanged.version()).isEqualTo(version);
		assertThat(unchanged.person().firstName()).isEqualTo("Edith");
	}

	@Test
	void onlyTheReferrersOrganisationRecordsAWithdrawal() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		long version = mongo.findById(id, Referral.class).version();
		for (Actor notTheirs : new Actor[] { LANDLORD, COMMISSIONER, ADMIN }) {
			assertThat(get(notTheirs, "/api/referrals/" + id)).bodyJson().extractingPath("$.actions[*].action").asArray()
				.doesNotContain("withdraw-consent");
			assertRefused(post(notTheirs, "/api/referrals/" + id + "/withdraw-consent"), 403, null);
		}
		assertRefused(post(OTHER_SURGERY, "/api/referrals/" + id + "/withdraw-consent"), 404, null);
		assertRefused(post(OTHER_HOST, "/api/referrals/" + id + "/withdraw-consent"), 404, null);
		Referral unchanged = mongo.findById(id, Referral.class);
		assertThat(unchanged.version()).isEqualTo(version);
		assertThat(unchanged.erasure()).isNull();
	}

	@Test
	void theReferrersCancelNeverOffersNorTakesConsentWithdrawnAsAReason() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		assertThat(get(LINK_WORKER, "/api/referrals/" + id)).bodyJson()
			.extractingPath("$.actions[?(@.action == 'cancel')].reasons[*].code")
			.asArray()
			.containsExactly("no-longer-needed", "person-declined", "referred-elsewhere", "entered-in-error", "other");

		assertRefused(post(LINK_WORKER, "/api/referrals/" + id + "/cancel", "{\"reason\": \"consent-withdrawn\"}"), 400,
				"reason");
		assertThat(mongo.findById(id, Referral.class).status()).isEqualTo(ReferralStatus.REQUESTED);
	}

	private String referredHearingByEmail() {
		String referral = referralTo(PlacesCatalogueStandIn.RED_LION, false).strip();
		MvcTestResult created = post(LINK_WORKER, "/api/referrals", referral.substring(0, referral.length() - 1)
				+ ", \"hearBy\": {\"by\": \"email\", \"emailAddress\": \"edith@example.org\"}}");
		assertThat(created).hasStatus(201);
		return idOf(created);
	}

}
