package org.communityplaces.referrals.uptake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.StreamSupport;

import org.apache.commons.csv.CSVRecord;
import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Small numbers stay hidden wherever a commissioner looks: no count from 1 to 4 is shown, no
 * hidden count can be worked back from the totals and the sums of the others (tried here as
 * someone holding only the published numbers would), and the CSV shows exactly the numbers of
 * the JSON, hidden ones written in words.
 */
class UptakeSuppressionTests extends UptakeTest {

	static final List<String> COUNTS = List.of("referred", "accepted", "started", "completed", "awaitingAnswer",
			"declined", "expired", "cancelled", "stoppedGoing");

	/** Each rate, time or mean, and the counts it is worked out from. */
	static final Map<String, List<String>> WORKED_OUT = Map.of("acceptanceRate", List.of("accepted", "declined"),
			"attendanceRate", List.of("started", "accepted"), "expiryRate", List.of("expired", "referred"),
			"medianHoursToDecision", List.of("accepted", "declined"), "p90HoursToDecision",
			List.of("accepted", "declined"), "referredPer10000", List.of("referred"), "meanBaseline", List.of("pairs"),
			"meanFollowUp", List.of("pairs"));

	static final List<String> SUMMARY_COLUMNS = List.of("referred", "accepted", "started", "completed",
			"awaitingAnswer", "declined", "expired", "cancelled", "stoppedGoing", "acceptanceRate", "attendanceRate",
			"expiryRate", "medianHoursToDecision", "p90HoursToDecision");

	static final String HIDDEN = "hidden";

	@Test
	void noHiddenCountCanBeWorkedBackFromTheTotalsAndTheSumsOfTheOthers() {
		twentyWithSomeSmallGroups();

		JsonNode report = report(THREE_WEEKS);

		assertThat(smallCountsShown(report)).as("counts from 1 to 4 shown").isEmpty();
		assertThat(workedOutFromHidden(report)).as("rates, times and means shown though worked out from hidden counts")
			.isEmpty();
		assertThat(workedBack(report)).as("hidden counts worked back by subtraction").isEmpty();
		assertThat(theCsvDiffersFromTheJson(report)).isEmpty();
		assertThat(report.path("smallestShown").asInt()).isEqualTo(5);
		assertThat(report.path("total").path("referred").asLong()).isEqualTo(29);
		assertThat(row(report.path("byPlaceKind"), "key", "shop").path("referred").isNull()).isTrue();
		assertThat(row(report.path("byArea"), "key", "DN").path("suppressed").toString()).contains("referred");
		assertThat(row(report.path("byArea"), "key", "S").path("referred").isNull())
			.as("27 referrals in S, hidden as the total less them would give away DN's 2")
			.isTrue();
		assertThat(row(report.path("byPlaceDistrict"), "key", "unknown").path("suppressed").toString())
			.contains("referred");
		assertThat(row(report.path("whyNotGoneAhead"), "reason", "no-longer-needed").path("count").isNull())
			.as("5 cancelled as no longer needed, hidden beside 4 the person declined")
			.isTrue();
		assertThat(row(report.path("outcomeChange"), "measure", "ucla-loneliness").path("pairs").asLong())
			.isEqualTo(8);
		assertThat(row(report.path("outcomeChange"), "measure", "ucla-loneliness").path("improved").isNull())
			.as("7 better, hidden as the pairs less them would give away the 1 worse")
			.isTrue();

	}

	@Test
	void whenNothingIsSmallNothingIsHiddenAndEveryBreakdownAddsUpToTheTotal() {
		twentyWithNothingSmall();

		JsonNode report = report(THREE_WEEKS);

		assertThat(everySuppressedList(report)).allSatisfy(suppressed -> assertThat(suppressed).isEmpty());
		JsonNode total = report.path("total");
		assertThat(total.path("referred").asLong()).isEqualTo(20);
		for (String count : COUNTS) {
			for (String breakdown : List.of("byPlaceKind", "byArea", "byPlaceDistrict", "byPersonDistrict")) {
				assertThat(sum(report.path(breakdown), count)).as(breakdown + " " + count)
					.isEqualTo(total.path(count).asLong());
			}
			assertThat(sum(report.path("overTime").path("periods"), count)).as("periods " + count)
				.isEqualTo(total.path(count).asLong());
			assertThat(row(report.path("byArea"), "key", "S").path(count).asLong()).as("S is S6 and S10: " + count)
				.isEqualTo(sum(report.path("byPlaceDistrict"), count));
		}
		assertThat(sum(report.path("timeToAnswer"), "count"))
			.isEqualTo(total.path("accepted").asLong() + total.path("declined").asLong());
		assertThat(report.path("timeToAnswer").toString()).contains(
				"{\"key\":\"under-1-day\",\"count\":5,\"suppressed\":[]}",
				"{\"key\":\"1-to-2-days\",\"count\":5,\"suppressed\":[]}",
				"{\"key\":\"2-to-7-days\",\"count\":5,\"suppressed\":[]}",
				"{\"key\":\"over-7-days\",\"count\":0,\"suppressed\":[]}");
		assertThat(report.path("whyNotGoneAhead").toString()).isEqualTo("""
				[{"status":"rejected","reason":"no-capacity","count":5,"suppressed":[]},\
				{"status":"cancelled","reason":"no-longer-needed","count":5,"suppressed":[]},\
				{"status":"expired","reason":"none-given","count":5,"suppressed":[]}]""");
		for (JsonNode change : report.path("outcomeChange")) {
			assertThat(change.path("improved").asLong() + change.path("unchanged").asLong()
					+ change.path("worse").asLong()).as(change.path("measure").asString())
				.isEqualTo(change.path("pairs").asLong());
		}
		assertThat(row(report.path("outcomeChange"), "measure", "ucla-loneliness").toString()).isEqualTo("""
				{"measure":"ucla-loneliness","pairs":5,"meanBaseline":8.0,"meanFollowUp":5.0,"improved":5,\
				"unchanged":0,"worse":0,"suppressed":[]}""");
		assertThat(theCsvDiffersFromTheJson(report)).isEmpty();
	}

	/**
	 * The twenty of {@link #twentyWithNothingSmall()} and, in the third week, nine in small
	 * groups: two to Doncaster (area DN) for people there, one accepted and one declined as not
	 * eligible; three accepted at the bakery (S10) for people in S11, who went and were scored,
	 * one lonelier than before; four to the Red Lion for people in S6 that the person declined,
	 * made before places' districts were kept.
	 */
	private void twentyWithSomeSmallGroups() {
		twentyWithNothingSmall();
		List<String> doncaster = refer(2, PlacesCatalogueStandIn.DONCASTER_SHED, "DN1");
		List<String> bakery = refer(3, PlacesCatalogueStandIn.BAKERY, "S11");
		List<String> declinedByThePerson = refer(4, PlacesCatalogueStandIn.RED_LION, "S6");
		step(LINK_WORKER, declinedByThePerson, "cancel", "{\"reason\": \"person-declined\"}");
		withoutPlaceDistrict(declinedByThePerson);
		clock.advance(Duration.ofHours(2));
		step(SHED_KEEPER, doncaster.subList(0, 1), "accept", null);
		step(SHED_KEEPER, doncaster.subList(1, 2), "reject", "{\"reason\": \"not-eligible\"}");
		wentAndScored(OTHER_HOST, bakery.subList(0, 2), FOLLOW_UP);
		wentAndScored(OTHER_HOST, bakery.subList(2, 3), FOLLOW_UP.replace("\"uclaLoneliness\": 5",
				"\"uclaLoneliness\": 9"));
	}

	// What someone holding only the published numbers can work out

	/** Every count shown that is from 1 to 4, and every count left out without being listed as hidden. */
	private static List<String> smallCountsShown(JsonNode report) {
		List<String> found = new ArrayList<>();
		cells(report).forEach((cell, value) -> {
			if (value != null && value > 0 && value < 5) {
				found.add(cell + " = " + value);
			}
		});
		return found;
	}

	/** Every rate, time or mean shown although a count it is worked out from is hidden. */
	private static List<String> workedOutFromHidden(JsonNode report) {
		List<String> found = new ArrayList<>();
		for (JsonNode row : rowsWithSuppressed(report)) {
			Set<String> hidden = names(row.path("suppressed"));
			WORKED_OUT.forEach((derived, from) -> {
				if (row.has(derived) && !row.path(derived).isNull() && from.stream().anyMatch(hidden::contains)) {
					found.add(derived + " of " + row);
				}
			});
		}
		return found;
	}

	/**
	 * Each sum the report publishes both sides of, as the names of its cells: the rows of each
	 * breakdown and the total, each area's districts (those not known all in S here) and the area,
	 * the answer times and the answered, a status's reasons and that status, better, same and
	 * worse and the pairs. A sum with one number hidden gives it away, and that number may then
	 * give away another in a sum it is part of.
	 */
	private static Set<String> workedBack(JsonNode report) {
		Map<String, Long> known = new HashMap<>(cells(report));
		known.values().removeIf(value -> value == null);
		List<List<List<String>>> sums = new ArrayList<>();
		for (String count : COUNTS) {
			for (JsonNode breakdown : List.of(report.path("byPlaceKind"), report.path("byArea"),
					report.path("byPlaceDistrict"), report.path("byPersonDistrict"),
					report.path("overTime").path("periods"))) {
				sums.add(List.of(List.of(cell("total", "all", count)), keys(breakdown).stream()
					.map(key -> cell(tableOf(report, breakdown), key, count))
					.toList()));
			}
			for (String area : keys(report.path("byArea"))) {
				sums.add(List.of(List.of(cell("byArea", area, count)), keys(report.path("byPlaceDistrict")).stream()
					.filter(district -> district.replaceAll("[0-9].*", "").equals(area)
							|| (district.equals("unknown") && area.equals("S")))
					.map(district -> cell("byPlaceDistrict", district, count))
					.toList()));
			}
		}
		sums.add(List.of(List.of(cell("total", "all", "accepted"), cell("total", "all", "declined")),
				keys(report.path("timeToAnswer")).stream().map(key -> cell("timeToAnswer", key, "count")).toList()));
		Map<String, String> statusCounts = Map.of("rejected", "declined", "expired", "expired", "cancelled",
				"cancelled", "failed", "stoppedGoing");
		statusCounts.forEach((status, count) -> sums.add(List.of(List.of(cell("total", "all", count)),
				StreamSupport.stream(report.path("whyNotGoneAhead").spliterator(), false)
					.filter(row -> row.path("status").asString().equals(status))
					.map(row -> cell("whyNotGoneAhead", status + "/" + row.path("reason").asString(), "count"))
					.toList())));
		for (String measure : keys(report.path("outcomeChange"))) {
			sums.add(List.of(List.of(cell("outcomeChange", measure, "pairs")),
					List.of(cell("outcomeChange", measure, "improved"), cell("outcomeChange", measure, "unchanged"),
							cell("outcomeChange", measure, "worse"))));
		}

		Set<String> workedBack = new TreeSet<>();
		boolean more = true;
		while (more) {
			more = false;
			for (List<List<String>> sum : sums) {
				List<String> unknown = sum.stream()
					.flatMap(List::stream)
					.filter(cell -> !known.containsKey(cell))
					.toList();
				if (unknown.size() == 1) {
					long whole = sum.get(0).stream().mapToLong(cell -> known.getOrDefault(cell, 0L)).sum();
					long parts = sum.get(1).stream().mapToLong(cell -> known.getOrDefault(cell, 0L)).sum();
					String cell = unknown.get(0);
					known.put(cell, sum.get(0).contains(cell) ? parts - whole : whole - parts);
					workedBack.add(cell + " = " + known.get(cell));
					more = true;
				}
			}
		}
		return workedBack;
	}

	/** Every count of the report by its cell's name, null when hidden. */
	private static Map<String, Long> cells(JsonNode report) {
		Map<String, Long> cells = new LinkedHashMap<>();
		List<String> countsWithPairs = new ArrayList<>(COUNTS);
		countsWithPairs.addAll(List.of("pairs", "improved", "unchanged", "worse", "count"));
		addCells(cells, "total", List.of(report.path("total")), countsWithPairs);
		for (String table : List.of("byPlaceKind", "byArea", "byPlaceDistrict", "byPersonDistrict", "timeToAnswer",
				"whyNotGoneAhead", "outcomeChange")) {
			addCells(cells, table, report.path(table), countsWithPairs);
		}
		addCells(cells, "overTime", report.path("overTime").path("periods"), countsWithPairs);
		return cells;
	}

	private static void addCells(Map<String, Long> cells, String table, Iterable<JsonNode> rows, List<String> counts) {
		for (JsonNode row : rows) {
			Set<String> hidden = names(row.path("suppressed"));
			for (String count : counts) {
				if (row.has(count)) {
					JsonNode value = row.path(count);
					assertThat(value.isNull()).as(table + " " + count + " hidden exactly when listed in " + row)
						.isEqualTo(hidden.contains(count));
					cells.put(cell(table, keyOf(row), count), value.isNull() ? null : value.asLong());
				}
			}
		}
	}

	private static String cell(String table, String key, String count) {
		return table + "[" + key + "]." + count;
	}

	private static String keyOf(JsonNode row) {
		if (row.has("measure")) {
			return row.path("measure").asString();
		}
		if (row.has("reason")) {
			return row.path("status").asString() + "/" + row.path("reason").asString();
		}
		return row.path("key").asString();
	}

	private static List<String> keys(JsonNode rows) {
		return StreamSupport.stream(rows.spliterator(), false).map(UptakeSuppressionTests::keyOf).toList();
	}

	private static String tableOf(JsonNode report, JsonNode breakdown) {
		for (String table : List.of("byPlaceKind", "byArea", "byPlaceDistrict", "byPersonDistrict")) {
			if (report.path(table) == breakdown) {
				return table;
			}
		}
		return "overTime";
	}

	private static List<JsonNode> rowsWithSuppressed(JsonNode report) {
		List<JsonNode> rows = new ArrayList<>(List.of(report.path("total")));
		for (String table : List.of("byPlaceKind", "byArea", "byPlaceDistrict", "byPersonDistrict", "timeToAnswer",
				"whyNotGoneAhead", "outcomeChange")) {
			report.path(table).forEach(rows::add);
		}
		report.path("overTime").path("periods").forEach(rows::add);
		return rows;
	}

	private static List<Set<String>> everySuppressedList(JsonNode report) {
		return rowsWithSuppressed(report).stream().map(row -> names(row.path("suppressed"))).toList();
	}

	private static Set<String> names(JsonNode list) {
		Set<String> names = new TreeSet<>();
		list.forEach(name -> names.add(name.asString()));
		return names;
	}

	static JsonNode row(JsonNode rows, String field, String value) {
		for (JsonNode row : rows) {
			if (row.path(field).asString().equals(value)) {
				return row;
			}
		}
		throw new AssertionError("no row with " + field + " " + value + " in " + rows);
	}

	private static long sum(JsonNode rows, String count) {
		return StreamSupport.stream(rows.spliterator(), false).mapToLong(row -> row.path(count).asLong()).sum();
	}

	// The CSV against the JSON

	/** Every table of the all-in-one file whose cells are not the JSON's, hidden ones in words. */
	private List<String> theCsvDiffersFromTheJson(JsonNode report) {
		List<List<CSVRecord>> tables = tables(parsed(export(COMMISSIONER, THREE_WEEKS)));
		List<String> differences = new ArrayList<>();
		compare(differences, tables, "All referrals", List.of(report.path("total")), SUMMARY_COLUMNS,
				row -> "All referrals");
		Map<String, String> kinds = Map.of("pub", "Pub", "shop", "Shop", "community-group", "Community group",
				"intergenerational-scheme", "Intergenerational scheme");
		compare(differences, tables, "By kind of place", report.path("byPlaceKind"), SUMMARY_COLUMNS,
				row -> kinds.get(row.path("key").asString()));
		compare(differences, tables, "By postcode area of the place", report.path("byArea"), SUMMARY_COLUMNS,
				row -> row.path("key").asString());
		compare(differences, tables, "By postcode district of the place", report.path("byPlaceDistrict"),
				SUMMARY_COLUMNS, row -> row.path("key").asString());
		List<String> districtColumns = new ArrayList<>(SUMMARY_COLUMNS);
		districtColumns
			.addAll(List.of("population", "referredPer10000", "deprivation.imdRank", "deprivation.imdDecile"));
		compare(differences, tables, "By postcode district of the person referred", report.path("byPersonDistrict"),
				districtColumns, row -> row.path("key").asString());
		compare(differences, tables, "Week by week", report.path("overTime").path("periods"), SUMMARY_COLUMNS,
				row -> row.path("key").asString());
		Map<String, String> answerTimes = Map.of("under-1-day", "Under a day", "1-to-2-days", "1 to 2 days",
				"2-to-7-days", "2 to 7 days", "over-7-days", "Over 7 days");
		compare(differences, tables, "Time the place took to answer", report.path("timeToAnswer"), List.of("count"),
				row -> answerTimes.get(row.path("key").asString()));
		Map<String, String> endings = Map.of("rejected/no-capacity", "Declined,No space at the moment",
				"rejected/not-eligible", "Declined,Not suitable for this person", "cancelled/no-longer-needed",
				"Cancelled,No longer needed", "cancelled/person-declined", "Cancelled,They decided not to go",
				"expired/none-given", "Expired,none-given");
		compare(differences, tables, "Referrals closed short of completion, by reason", report.path("whyNotGoneAhead"),
				List.of("count"), row -> endings.get(keyOf(row)));
		compare(differences, tables, "Scores before and after", report.path("outcomeChange"),
				List.of("pairs", "meanBaseline", "meanFollowUp", "improved", "unchanged", "worse"),
				row -> row.path("measure").asString().equals("ucla-loneliness") ? "UCLA 3-item loneliness scale"
						: null);
		return differences;
	}

	private static void compare(List<String> differences, List<List<CSVRecord>> tables, String title,
			Iterable<JsonNode> rows, List<String> columns, Function<JsonNode, String> label) {
		List<CSVRecord> table = tables.stream()
			.filter(records -> records.get(0).get(0).equals(title))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no table " + title));
		int line = 2;
		for (JsonNode row : rows) {
			List<String> expected = new ArrayList<>();
			String named = label.apply(row);
			if (named != null) {
				expected.addAll(List.of(named.split(",")));
			}
			Set<String> hidden = names(row.path("suppressed"));
			for (String column : columns) {
				JsonNode value = column.contains(".") ? row.path(column.split("\\.")[0]).path(column.split("\\.")[1])
						: row.path(column);
				expected.add(hidden.contains(column) ? HIDDEN : value.isNull() || value.isMissingNode() ? ""
						: value.asString());
			}
			List<String> actual = table.get(line++).toList();
			List<String> compared = named == null ? actual.subList(1, actual.size()) : actual;
			if (!compared.equals(expected)) {
				differences.add(title + ": " + compared + " in the CSV, " + expected + " in the JSON");
			}
		}
		if (line != table.size()) {
			differences.add(title + ": " + (table.size() - 2) + " rows in the CSV, " + (line - 2) + " in the JSON");
		}
	}

	/** The file's tables, each its title, headings and rows, without the lines about the file. */
	private static List<List<CSVRecord>> tables(List<CSVRecord> records) {
		List<List<CSVRecord>> tables = new ArrayList<>();
		List<CSVRecord> current = null;
		for (CSVRecord record : records) {
			if (record.size() == 1 && record.get(0).isEmpty()) {
				current = new ArrayList<>();
				tables.add(current);
			}
			else if (current != null) {
				current.add(record);
			}
		}
		return tables;
	}

}
