package org.communityplaces.referrals.erasure;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.bson.Document;
import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.communityplaces.referrals.ReferralServiceTest;
import org.communityplaces.referrals.TestClock;
import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.referral.ReferralStatus;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The retention period on a clock moved seven years on: the person's details on a referral
 * closed longer ago than it are erased, on one closed a day less long ago and on an open one
 * they are kept; admins see beforehand exactly what will go, and uptake counts the same after.
 */
class RetentionTests extends ReferralServiceTest {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	/** Seven years and a day after the first referral below closed. */
	private static final Instant SEVEN_YEARS_ON = TestClock.START.atZone(LONDON).plusYears(7).plusDays(1).toInstant();

	private static final List<String> PERSONAL = List.of("Edith", "Brown", "9434765919", "943 476 5919", "Husband",
			"0114 496 0000", "knitting", "companionship", "bereavement", "75-84", "Moved away to her daughter's");

	@Test
	void referralsClosedLongerAgoThanTheRetentionPeriodLoseThePersonsDetailsAndNothingElseDoes() throws Exception {
		String longClosed = cancelled();
		clock.set(TestClock.START.plus(Duration.ofDays(2)));
		String closedLater = cancelled();
		String open = referred(PlacesCatalogueStandIn.RED_LION);
		clock.set(SEVEN_YEARS_ON);
		String uptakeBefore = uptake();

		runScheduled("Retention", "eraseWhatIsDue");

		Referral erased = mongo.findById(longClosed, Referral.class);
		assertThat(erased.erasure()).isEqualTo(new Referral.Erasure(SEVEN_YEARS_ON, "retention-period-ended"));
		assertThat(erased.person()).isEqualTo(new Referral.Person(null, null, null, "S6", null, List.of(), List.of(),
				List.of(), null));
		assertThat(erased.notes()).isNull();
		assertThat(erased.reasons()).isEmpty();
		assertThat(erased.consent().recordedBy()).isNull();
		assertThat(erased.consent().lawfulBasis()).isEqualTo("explicit-consent");
		assertThat(erased.history()).extracting(Referral.StatusChange::text).containsOnlyNulls();
		assertThat(erased.history()).extracting(Referral.StatusChange::reason).containsExactly(null, "other");
		assertThat(erased.status()).isEqualTo(ReferralStatus.CANCELLED);
		assertThat(erased.timeline().closedAt()).isEqualTo(TestClock.START);
		assertThat(erased.place().id()).isEqualTo(PlacesCatalogueStandIn.RED_LION);
		assertThat(rawDocument(longClosed)).doesNotContain(PERSONAL);

		for (String kept : List.of(closedLater, open)) {
			Referral held = mongo.findById(kept, Referral.class);
			assertThat(held.erasure()).isNull();
			assertThat(held.person().firstName()).isEqualTo("Edith");
			assertThat(held.person().nhsNumber()).isEqualTo("9434765919");
			assertThat(held.notes()).isEqualTo(NOTES);
		}
		assertThat(uptake()).as("uptake counts the erased referral as before").isEqualTo(uptakeBefore);

		assertThat(eventsOf(longClosed, 3)).filteredOn(event -> event.value().contains("ReferralPersonalDataErased"))
			.singleElement()
			.satisfies(event -> {
				assertThat(contract.violations(event.value())).isEmpty();
				assertThat(event.value()).contains("\"reason\":\"retention-period-ended\"").doesNotContain(PERSONAL);
			});
		assertThat(mongo.find(Query.query(Criteria.where("objectId").is(longClosed).and("actorId").is("schedule")),
				Document.class, "audit"))
			.singleElement()
			.satisfies(entry -> assertThat(entry.getString("purpose"))
				.isEqualTo("erase personal data (retention-period-ended)"));

		long version = erased.version();
		runScheduled("Retention", "eraseWhatIsDue");
		assertThat(mongo.findById(longClosed, Referral.class).version()).as("never erased twice").isEqualTo(version);
	}

	@Test
	void theDryRunShowsAdminsWhatTheNextRunErasesWithNothingOfThePersonAndChangesNothing() throws Exception {
		String longClosed = cancelled();
		clock.set(TestClock.START.plus(Duration.ofDays(2)));
		String closedLater = cancelled();
		referred(PlacesCatalogueStandIn.RED_LION);
		clock.set(SEVEN_YEARS_ON);
		await().until(() -> mongo.count(Query.query(Criteria.where("outbox").elemMatch(Criteria.where("sentAt").is(null))),
				"referrals") == 0);
		List<Document> before = mongo.findAll(Document.class, "referrals");

		MvcTestResult report = get(ADMIN, "/api/referrals/retention");
		assertThat(report).hasStatusOk();
		assertThat(report).bodyJson().extractingPath("$.keepFor").isEqualTo("P7Y");
		assertThat(report).bodyJson().extractingPath("$.closedBefore").isEqualTo("2026-11-24T09:00:00Z");
		assertThat(report).bodyJson().extractingPath("$.due").isEqualTo(1);
		assertThat(report).bodyJson().extractingPath("$.byStatus.cancelled").isEqualTo(1);
		assertThat(report).bodyJson().extractingPath("$.byYearClosed.2026").isEqualTo(1);
		assertThat(report).bodyJson().extractingPath("$.referrals[*].id").asArray().containsExactly(longClosed);
		assertThat(report).bodyJson().extractingPath("$.referrals[0].closedAt").isEqualTo("2026-11-23T09:00:00Z");
		assertThat(report).bodyJson().extractingPath("$.erasedSoFar.retention-period-ended").isEqualTo(0);
		assertThat(report.getResponse().getContentAsString()).doesNotContain(PERSONAL).doesNotContain(closedLater);
		assertThat(mongo.findAll(Document.class, "referrals")).as("a dry run").isEqualTo(before);

		for (Actor notAnAdmin : new Actor[] { LINK_WORKER, LANDLORD, COMMISSIONER }) {
			assertRefused(get(notAnAdmin, "/api/referrals/retention"), 403, null);
		}

		runScheduled("Retention", "eraseWhatIsDue");
		MvcTestResult after = get(ADMIN, "/api/referrals/retention");
		assertThat(after).bodyJson().extractingPath("$.due").isEqualTo(0);
		assertThat(after).bodyJson().extractingPath("$.referrals").asArray().isEmpty();
		assertThat(after).bodyJson().extractingPath("$.erasedSoFar.retention-period-ended").isEqualTo(1);
	}

	/** A referral cancelled now, with words of the referrer's own about why. */
	private String cancelled() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		assertThat(post(LINK_WORKER, "/api/referrals/" + id + "/cancel",
				"{\"reason\": \"other\", \"text\": \"Moved away to her daughter's\"}")).hasStatusOk();
		return id;
	}

	private String uptake() throws Exception {
		MvcTestResult uptake = get(COMMISSIONER, "/api/referrals/uptake?from=2026-11-01&to=2026-11-30");
		assertThat(uptake).hasStatusOk();
		return uptake.getResponse().getContentAsString();
	}

	private String rawDocument(String id) {
		return mongo.findById(id, Document.class, "referrals").toJson();
	}

}
