package org.communityplaces.referrals.fhir;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A referral whose person's details were erased (their consent withdrawn, or kept for as long as
 * the retention period) is still read, searched and exported through FHIR by everyone who may
 * see it, as valid R4 and UK Core, with nothing of the person left in it.
 */
class FhirErasureTests extends FhirApiTest {

	private static final List<String> PERSONAL = List.of("Edith", "Brown", "9434765919", NOTES, "knitting",
			"companionship");

	@Test
	void anErasedReferralIsStillReadSearchedAndExportedAsValidFhir() {
		String completed = referredToTheRedLion();
		assertThat(post(LINK_WORKER, "/api/referrals/" + completed + "/outcomes", BASELINE)).hasStatusOk();
		assertThat(post(LANDLORD, "/api/referrals/" + completed + "/accept")).hasStatusOk();
		assertThat(post(LANDLORD, "/api/referrals/" + completed + "/attendance",
				"{\"on\": \"2026-11-23\", \"attended\": true}")).hasStatusOk();
		assertThat(post(LANDLORD, "/api/referrals/" + completed + "/complete")).hasStatusOk();
		String open = referredToTheRedLion();
		assertThat(post(LANDLORD, "/api/referrals/" + open + "/accept")).hasStatusOk();
		for (String id : List.of(completed, open)) {
			assertThat(post(LINK_WORKER, "/api/referrals/" + id + "/withdraw-consent")).hasStatusOk();
		}

		List<MvcTestResult> answers = new ArrayList<>();
		for (String id : List.of(completed, open)) {
			for (Actor actor : List.of(LINK_WORKER, LANDLORD, COMMISSIONER)) {
				for (String type : List.of("ServiceRequest", "Task")) {
					answers.add(fhirGet(actor, "/fhir/" + type + "/" + id));
				}
			}
		}
		for (Actor actor : List.of(LINK_WORKER, LANDLORD, COMMISSIONER)) {
			answers.add(fhirGet(actor, "/fhir/ServiceRequest"));
			answers.add(fhirGet(actor, "/fhir/Task"));
		}
		answers.add(fhirGet(LINK_WORKER, "/fhir/$completed-referrals?start=2026-11-01&end=2026-12-31"));

		for (MvcTestResult answer : answers) {
			assertThat(answer).hasStatusOk();
			assertThat(UkCoreValidator.errors(body(answer))).as(body(answer)).isEmpty();
			assertThat(body(answer)).doesNotContain(PERSONAL);
		}
	}

}
