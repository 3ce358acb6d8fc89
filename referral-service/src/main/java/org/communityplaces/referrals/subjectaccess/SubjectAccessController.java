package org.communityplaces.referrals.subjectaccess;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Size;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.referrals.intake.ValidNhsNumber;
import org.communityplaces.referrals.intake.ValidPostcodeDistrict;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For admins answering a person's request for a copy of what is held about them: find their
 * referrals by NHS number, or by name and postcode district, then download the copy.
 */
@RestController
@RequestMapping("/api/referrals/subject-access")
class SubjectAccessController {

	private static final String NAME = "must be at most 100 characters";

	private final SubjectAccess subjectAccess;

	private final Clock clock;

	private final ZoneId timeZone;

	SubjectAccessController(SubjectAccess subjectAccess, Clock clock,
			@Value("${referrals.response.time-zone}") ZoneId timeZone) {
		this.subjectAccess = subjectAccess;
		this.clock = clock;
		this.timeZone = timeZone;
	}

	@GetMapping
	SubjectAccess.Found find(Caller caller,
			@Parameter(description = "the person's NHS number; or give their name and postcode district") @RequestParam(
					required = false) @Size(max = 20, message = ValidNhsNumber.INVALID) @ValidNhsNumber String nhsNumber,
			@RequestParam(required = false) @Size(max = 100, message = NAME) String firstName,
			@RequestParam(required = false) @Size(max = 100, message = NAME) String lastName,
			@Parameter(description = "where they live: a district such as S6, or a full postcode") @RequestParam(
					required = false) @ValidPostcodeDistrict String postcodeDistrict) {
		return subjectAccess.find(caller, nhsNumber, firstName, lastName, postcodeDistrict);
	}

	/** The copy as a file to keep, in the same words the web app shows and prints. */
	@GetMapping("/copy")
	ResponseEntity<SubjectAccessDocument> copy(Caller caller,
			@Parameter(description = "the person's NHS number; or give their name and postcode district") @RequestParam(
					required = false) @Size(max = 20, message = ValidNhsNumber.INVALID) @ValidNhsNumber String nhsNumber,
			@RequestParam(required = false) @Size(max = 100, message = NAME) String firstName,
			@RequestParam(required = false) @Size(max = 100, message = NAME) String lastName,
			@Parameter(description = "where they live: a district such as S6, or a full postcode") @RequestParam(
					required = false) @ValidPostcodeDistrict String postcodeDistrict) {
		SubjectAccessDocument copy = subjectAccess.copy(caller, nhsNumber, firstName, lastName, postcodeDistrict);
		String name = "copy-of-what-is-held-" + LocalDate.now(clock.withZone(timeZone)) + ".json";
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(copy);
	}

}
