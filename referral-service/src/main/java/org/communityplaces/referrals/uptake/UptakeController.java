package org.communityplaces.referrals.uptake;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.communityplaces.platform.caller.Caller;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Uptake in aggregate, for commissioners and admins, as JSON or as a CSV download: {@code from}
 * and {@code to} are ISO dates, both optional.
 */
@RestController
class UptakeController {

	static final String CSV = "text/csv";

	private final Uptake uptake;

	private final UptakeCsv csv;

	UptakeController(Uptake uptake, UptakeCsv csv) {
		this.uptake = uptake;
		this.csv = csv;
	}

	@GetMapping("/api/referrals/uptake")
	UptakeReport uptake(Caller caller, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		return uptake.between(caller, from, to);
	}

	/** The same report as a file: one table, or all of them. */
	@GetMapping(path = "/api/referrals/uptake/export", produces = CSV)
	ResponseEntity<String> export(Caller caller, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to,
			@Parameter(description = "which table; all of them when not given",
					schema = @Schema(type = "string", allowableValues = { "all", "total", "by-place-kind", "by-area",
							"by-place-district", "by-person-district", "over-time", "time-to-answer",
							"why-not-gone-ahead", "outcome-change" }, defaultValue = "all")) @RequestParam(
									required = false) String table) {
		UptakeTable asked = UptakeTable.of(table);
		UptakeReport report = uptake.between(caller, from, to);
		String name = "uptake-" + report.from() + "-to-" + report.to()
				+ (asked == UptakeTable.ALL ? "" : "-" + asked.code()) + ".csv";
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header("Content-Disposition", ContentDisposition.attachment().filename(name).build().toString())
			.body(csv.write(report, asked));
	}

}
