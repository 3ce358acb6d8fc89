package org.communityplaces.referrals.uptake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityplaces.referrals.uptake.UptakeSuppressionTests.row;

/** Uptake over time, week by week or month by month, and by the districts of places and of the people referred. */
class UptakeBreakdownTests extends UptakeTest {

	@Test
	void upToTwentySixWeeksIsShownWeekByWeekFromMondayAndLongerMonthByMonthEveryPeriodListed() {
		refer(5, PlacesCatalogueStandIn.RED_LION, "S6");

		JsonNode weeks = report("from=2026-06-01&to=2026-11-29").path("overTime");
		assertThat(weeks.path("interval").asString()).isEqualTo("week");
		assertThat(keys(weeks)).hasSize(26).first().isEqualTo("2026-06-01");
		List<String> everyMonday = new ArrayList<>();
		for (LocalDate monday = LocalDate.of(2026, 6, 1); monday.isBefore(LocalDate.of(2026, 11, 30)); monday = monday
			.plusWeeks(1)) {
			everyMonday.add(monday.toString());
		}
		assertThat(keys(weeks)).containsExactlyElementsOf(everyMonday);
		assertThat(row(weeks.path("periods"), "key", "2026-11-23").path("referred").asLong()).isEqualTo(5);
		assertThat(row(weeks.path("periods"), "key", "2026-11-16").path("referred").asLong()).isZero();

		JsonNode months = report("from=2026-06-01&to=2026-11-30").path("overTime");
		assertThat(months.path("interval").asString()).isEqualTo("month");
		assertThat(keys(months)).containsExactly("2026-06-01", "2026-07-01", "2026-08-01", "2026-09-01", "2026-10-01",
				"2026-11-01");
		assertThat(row(months.path("periods"), "key", "2026-11-01").path("referred").asLong()).isEqualTo(5);

		assertThat(keys(report("from=2026-11-25&to=2026-12-09").path("overTime")))
			.as("a period from a Wednesday starts with the week it falls in")
			.containsExactly("2026-11-23", "2026-11-30", "2026-12-07");
		assertThat(keys(report("from=2024-12-15&to=2027-12-14").path("overTime"))).as("three years by the month")
			.hasSize(37)
			.startsWith("2024-12-01")
			.endsWith("2027-12-01");
	}

	@Test
	void referralsAreCountedByThePlacesDistrictUnknownForOlderOnesAndByThePersonsDistrictPerHead() {
		refer(5, PlacesCatalogueStandIn.RED_LION, "S6");
		refer(5, PlacesCatalogueStandIn.WALKLEY_GARDEN, "S10");
		withoutPlaceDistrict(refer(5, PlacesCatalogueStandIn.RED_LION, "S11"));

		JsonNode report = report("");

		assertThat(keys(report.path("byPlaceDistrict"))).containsExactly("S6", "S10", "unknown");
		assertThat(report.path("byPlaceDistrict").findValues("referred").stream().map(JsonNode::asLong))
			.containsExactly(5L, 5L, 5L);
		assertThat(keys(report.path("byArea"))).containsExactly("S");
		assertThat(keys(report.path("byPersonDistrict"))).containsExactly("S6", "S10", "S11");
		JsonNode s6 = row(report.path("byPersonDistrict"), "key", "S6");
		assertThat(s6.path("referred").asLong()).isEqualTo(5);
		assertThat(s6.path("population").asLong()).as("2011 Census").isEqualTo(58_239);
		assertThat(s6.path("referredPer10000").asDouble()).as("5 of 58,239").isEqualTo(0.9);
		assertThat(s6.has("deprivation")).isTrue();
		assertThat(s6.path("deprivation").isNull()).as("no deprivation files configured").isTrue();
		assertThat(s6.path("suppressed").isEmpty()).isTrue();
	}

	private static List<String> keys(JsonNode overTimeOrRows) {
		JsonNode rows = overTimeOrRows.has("periods") ? overTimeOrRows.path("periods") : overTimeOrRows;
		List<String> keys = new ArrayList<>();
		rows.forEach(row -> keys.add(row.path("key").asString()));
		return keys;
	}

}
