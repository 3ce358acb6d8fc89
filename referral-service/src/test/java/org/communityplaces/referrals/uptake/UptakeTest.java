package org.communityplaces.referrals.uptake;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.communityplaces.referrals.ReferralServiceTest;
import org.communityplaces.referrals.TestClock;
import org.communityplaces.referrals.referral.Referral;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Referrals made, answered and closed through the API, for the uptake report to count. */
abstract class UptakeTest extends ReferralServiceTest {

	static final Actor GARDENER = new Actor("u-gil", "host", "Gil Grower", "grow@walkley.example.org", null, null);

	static final Actor SHED_KEEPER = new Actor("u-dee", "host", "Dee Shed", "shed@doncaster.example.org", null, null);

	/** The Monday a week before {@link TestClock#START}. */
	static final LocalDate FIRST_WEEK = LocalDate.of(2026, 11, 16);

	/** Three whole weeks from {@link #FIRST_WEEK}: the third has nothing in it. */
	static final String THREE_WEEKS = "from=2026-11-16&to=2026-12-06";

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** A referral by the link worker for a person living in {@code personDistrict}, as requested now. */
	String refer(String placeId, String personDistrict) {
		MvcTestResult created = post(LINK_WORKER, "/api/referrals", referralTo(placeId, false)
			.replace("\"postcodeDistrict\": \"S6\"", "\"postcodeDistrict\": \"" + personDistrict + "\""));
		assertThat(created).hasStatus(201);
		return idOf(created);
	}

	List<String> refer(int times, String placeId, String personDistrict) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			ids.add(refer(placeId, personDistrict));
		}
		return ids;
	}

	void step(Actor actor, List<String> ids, String step, String body) {
		for (String id : ids) {
			String uri = "/api/referrals/" + id + "/" + step;
			assertThat(body == null ? post(actor, uri) : post(actor, uri, body)).as(step + " " + id).hasStatusOk();
		}
	}

	/** Accepted, went today, and scored before and after with the follow-up given. */
	void wentAndScored(Actor host, List<String> ids, String followUp) {
		step(LINK_WORKER, ids, "outcomes", BASELINE);
		step(host, ids, "accept", null);
		step(host, ids, "attendance", "{\"on\": \"" + today() + "\", \"attended\": true}");
		step(LINK_WORKER, ids, "outcomes", followUp);
	}

	/** Every request still unanswered a week and a day from now expires. */
	void unansweredExpire() {
		clock.advance(Duration.ofDays(8));
		runScheduled("DeadlineWatch", "remindAndExpire");
	}

	/** As referrals made before the place's district was kept. */
	void withoutPlaceDistrict(List<String> ids) {
		mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)), new Update().unset("place.district"),
				Referral.class);
	}

	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London"));
	}

	/**
	 * Twenty referrals in which every count is 0 or at least 5, so nothing is hidden: five went
	 * to the Red Lion (S10) and were scored, five were declined there a day and six hours after
	 * being sent, all in the first week, for people in S6; in the second week five were accepted
	 * by the Walkley garden (S6) after three days and then cancelled, and five expired there
	 * unanswered, for people in S10.
	 */
	void twentyWithNothingSmall() {
		clock.set(FIRST_WEEK.atTime(9, 0).atZone(ZoneId.of("Europe/London")).toInstant());
		List<String> went = refer(5, PlacesCatalogueStandIn.RED_LION, "S6");
		List<String> declined = refer(5, PlacesCatalogueStandIn.RED_LION, "S6");
		clock.advance(Duration.ofHours(2));
		wentAndScored(LANDLORD, went, FOLLOW_UP);
		clock.advance(Duration.ofHours(28));
		step(LANDLORD, declined, "reject", "{\"reason\": \"no-capacity\"}");

		clock.set(TestClock.START);
		List<String> cancelled = refer(5, PlacesCatalogueStandIn.WALKLEY_GARDEN, "S10");
		refer(5, PlacesCatalogueStandIn.WALKLEY_GARDEN, "S10");
		clock.advance(Duration.ofDays(3));
		step(GARDENER, cancelled, "accept", null);
		step(LINK_WORKER, cancelled, "cancel", "{\"reason\": \"no-longer-needed\"}");
		unansweredExpire();
	}

	JsonNode report(String query) {
		MvcTestResult answer = get(COMMISSIONER, "/api/referrals/uptake?" + query);
		assertThat(answer).hasStatusOk();
		return JSON.readTree(answer.getResponse().getContentAsByteArray());
	}

	MvcTestResult export(Actor actor, String query) {
		return get(actor, "/api/referrals/uptake/export?" + query);
	}

	static String text(MvcTestResult answer) {
		return new String(answer.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	static List<CSVRecord> parsed(MvcTestResult csv) {
		try {
			return CSVFormat.RFC4180.parse(new StringReader(text(csv))).getRecords();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
