package org.communityplaces.referrals.fhir;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of answer the FHIR API gives, validated by HAPI's validator against base R4 and
 * UK Core 2.0.2: referrals in each status as each role reads them, searches, the export, the
 * CapabilityStatement and refusals. No errors; the warnings and information the validator gives
 * are each one the README's FHIR section lists with why it is accepted.
 */
class FhirValidationTests extends FhirApiTest {

	/** The warnings and information the README's FHIR section lists, with why each is accepted. */
	private static final List<Pattern> ACCEPTED = Stream.of(
			"CodeSystem is unknown and can't be validated: (https://communityplaces\\.org/fhir/CodeSystem/|http://loinc\\.org).*",
			"None of the codings provided are in the value set 'UK Core (Procedure Code|Service Request Reason Code)'.*",
			"Unable to expand ValueSet: .*'http://snomed\\.info/sct' is ignored/not-present",
			"None of the codings provided are in the value set 'Consent (Category Codes|PolicyRule Codes)'.*",
			"Constraint failed: dom-6: .*")
		.map(Pattern::compile)
		.toList();

	@Test
	void everyAnswerIsValidR4AndUkCoreWithOnlyTheAcceptedWarnings() {
		List<String> referrals = referralsInEveryStatus();
		List<String> answers = new ArrayList<>();
		for (String id : referrals) {
			for (Actor actor : List.of(LINK_WORKER, LANDLORD, COMMISSIONER)) {
				for (String type : List.of("ServiceRequest", "Task")) {
					MvcTestResult answer = fhirGet(actor, "/fhir/" + type + "/" + id);
					if (answer.getResponse().getStatus() == 200) {
						answers.add(body(answer));
					}
				}
			}
		}
		answers.add(body(fhirGet(LINK_WORKER, "/fhir/metadata")));
		answers.add(body(fhirGet(LINK_WORKER, "/fhir/ServiceRequest?_count=3")));
		answers.add(body(fhirGet(LANDLORD, "/fhir/Task?status=in-progress")));
		answers.add(body(fhirGet(LINK_WORKER, "/fhir/$completed-referrals?start=2026-11-01&end=2026-12-31")));
		answers.add(body(fhirGet(LINK_WORKER, "/fhir/Task?status=unknown")));
		assertThat(answers).hasSizeGreaterThan(30);

		Set<String> given = new TreeSet<>();
		for (String answer : answers) {
			assertThat(UkCoreValidator.errors(answer)).as(answer).isEmpty();
			UkCoreValidator.messages(answer).forEach(message -> given.add(message.getMessage()));
		}
		assertThat(given).allMatch(message -> ACCEPTED.stream().anyMatch(accepted -> accepted.matcher(message).matches()),
				"is one the README's FHIR section lists as accepted");
	}

	/** Requested, draft, accepted, in progress with scores, on hold, declined, cancelled, completed, expired. */
	private List<String> referralsInEveryStatus() {
		List<String> ids = new ArrayList<>();
		ids.add(referredToTheRedLion());
		ids.add(idOf(post(LINK_WORKER, "/api/referrals", referralTo(PlacesCatalogueStandIn.RED_LION, true))));
		String accepted = referredToTheRedLion();
		step(LANDLORD, accepted, "accept", null);
		ids.add(accepted);
		String going = referredToTheRedLion();
		step(LINK_WORKER, going, "outcomes", BASELINE);
		step(LANDLORD, going, "accept", null);
		step(LANDLORD, going, "attendance", "{\"on\": \"2026-11-23\", \"attended\": true}");
		step(LINK_WORKER, going, "outcomes", FOLLOW_UP);
		ids.add(going);
		String onHold = referredToTheRedLion();
		step(LANDLORD, onHold, "accept", null);
		step(LINK_WORKER, onHold, "hold", "{\"reason\": \"person-unwell\"}");
		ids.add(onHold);
		String declined = referredToTheRedLion();
		step(LANDLORD, declined, "reject", "{\"reason\": \"other\", \"text\": \"Quiz night is full until January\"}");
		ids.add(declined);
		String cancelled = referredToTheRedLion();
		step(LINK_WORKER, cancelled, "cancel", "{\"reason\": \"person-declined\"}");
		ids.add(cancelled);
		String completed = referredToTheRedLion();
		step(LANDLORD, completed, "accept", null);
		step(LANDLORD, completed, "attendance", "{\"on\": \"2026-11-23\", \"attended\": true}");
		step(LANDLORD, completed, "complete", null);
		ids.add(completed);
		String expired = referredToTheRedLion();
		clock.advance(Duration.ofDays(14));
		runScheduled("DeadlineWatch", "remindAndExpire");
		ids.add(expired);
		return ids;
	}

	private void step(Actor actor, String id, String step, String body) {
		String uri = "/api/referrals/" + id + "/" + step;
		assertThat(body == null ? post(actor, uri) : post(actor, uri, body)).as(step).hasStatusOk();
	}

}
