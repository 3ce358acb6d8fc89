package org.communityplaces.referrals.uptake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Uptake as CSV: the file, its opening lines and tables, each table on its own, and who may have it. */
class UptakeExportTests extends UptakeTest {

	private static final String CSV = "text/csv";

	@Test
	void theWholeReportIsOneFileWithThePeriodTheTimeItWasMadeAndEveryTableInPlainEnglish() {
		twentyWithNothingSmall();

		MvcTestResult file = export(COMMISSIONER, THREE_WEEKS);

		assertThat(file).hasStatusOk().hasContentType("text/csv;charset=UTF-8");
		assertThat(file).headers()
			.hasValue(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"uptake-2026-11-16-to-2026-12-06.csv\"");
		assertThat(text(file)).as("RFC 4180 lines").contains("\r\n").doesNotContain("\n\n");
		List<CSVRecord> records = parsed(file);
		assertThat(records.get(0).toList()).containsExactly("Referrals sent", "2026-11-16 to 2026-12-06");
		assertThat(records.get(1).toList()).containsExactly("Generated", "2026-12-04T09:00:00Z");
		assertThat(records.get(2).toList()).containsExactly("Hidden",
				"fewer than 5, or a number that would let one be worked out from the totals");
		assertThat(titles(records)).containsExactly("All referrals", "By kind of place",
				"By postcode area of the place", "By postcode district of the place", "By postcode district of the person referred", "Week by week",
				"Time the place took to answer", "Referrals closed short of completion, by reason",
				"Scores before and after");
		assertThat(text(file)).contains("Community group,10,5,0,",
				"Declined,No space at the moment,5", "Cancelled,No longer needed,5", "UCLA 3-item loneliness scale,5,")
			.doesNotContain("community-group", "no-capacity");
	}

	@Test
	void eachTableIsItsOwnFileNamedAfterIt() {
		twentyWithNothingSmall();

		MvcTestResult byArea = export(ADMIN, THREE_WEEKS + "&table=by-area");

		assertThat(byArea).hasStatusOk()
			.headers()
			.hasValue(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"uptake-2026-11-16-to-2026-12-06-by-area.csv\"");
		List<CSVRecord> records = parsed(byArea);
		assertThat(titles(records)).containsExactly("By postcode area of the place");
		assertThat(records.get(records.size() - 1).toList()).startsWith("S", "20", "10", "5", "0", "0", "5", "5", "5",
				"0");
	}

	@Test
	void everyTableTheApiDescriptionNamesCanBeDownloadedAndNoOther() {
		JsonNode description = JSON.readTree(get(ADMIN, "/v3/api-docs").getResponse().getContentAsByteArray());
		JsonNode table = null;
		for (JsonNode parameter : description.path("paths").path("/api/referrals/uptake/export").path("get")
			.path("parameters")) {
			if (parameter.path("name").asString().equals("table")) {
				table = parameter;
			}
		}
		assertThat(table).as("the table parameter is described").isNotNull();
		List<String> documented = new ArrayList<>();
		table.path("schema").path("enum").forEach(code -> documented.add(code.asString()));
		assertThat(documented).containsExactlyElementsOf(
				Arrays.stream(UptakeTable.values()).map(UptakeTable::code).toList());
		for (String code : documented) {
			assertThat(export(COMMISSIONER, "table=" + code)).as(code).hasStatusOk();
		}

		assertRefused(export(COMMISSIONER, "table=everything"), 400, "table");
		assertRefused(export(COMMISSIONER, "table=BY-AREA"), 400, "table");
		assertRefused(export(COMMISSIONER, "from=2026-11-30&to=2026-11-01"), 400, "from");
	}

	@Test
	void onlyCommissionersAndAdminsDownloadUptake() {
		for (Actor refused : List.of(LINK_WORKER, LANDLORD)) {
			assertRefused(export(refused, ""), 403, null);
			assertRefused(refused.on(mvc.get().uri("/api/referrals/uptake/export").accept(MediaType.valueOf(CSV)))
				.exchange(), 403, null);
		}
		assertThat(mvc.get().uri("/api/referrals/uptake/export").exchange()).hasStatus(401);
		assertThat(COMMISSIONER.on(mvc.get().uri("/api/referrals/uptake/export").accept(MediaType.APPLICATION_XML))
			.exchange()).hasStatus(406);
	}

	private static List<String> titles(List<CSVRecord> records) {
		List<String> titles = new ArrayList<>();
		for (int line = 1; line < records.size(); line++) {
			if (records.get(line - 1).size() == 1 && records.get(line - 1).get(0).isEmpty()) {
				titles.add(records.get(line).get(0));
			}
		}
		return titles;
	}

}
