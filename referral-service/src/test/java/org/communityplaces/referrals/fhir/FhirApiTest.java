package org.communityplaces.referrals.fhir;

import java.nio.charset.StandardCharsets;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.communityplaces.referrals.ReferralServiceTest;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The FHIR API as its callers use it: FHIR JSON in and out. */
abstract class FhirApiTest extends ReferralServiceTest {

	static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

	static final FhirContext FHIR = FhirContext.forR4Cached();

	MvcTestResult fhirGet(Actor actor, String uri) {
		return actor.on(mvc.get().uri(uri).accept(FHIR_JSON)).exchange();
	}

	MvcTestResult fhirPost(Actor actor, String uri, String body, String... headers) {
		MockMvcRequestBuilder request = mvc.post().uri(uri).accept(FHIR_JSON).contentType(FHIR_JSON).content(body);
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return actor.on(request).exchange();
	}

	/** The answer, a FHIR resource of this type. */
	static <T extends IBaseResource> T resource(MvcTestResult answer, Class<T> type) {
		assertThat(answer).hasContentType(FHIR_JSON);
		return FHIR.newJsonParser().parseResource(type, body(answer));
	}

	static String body(MvcTestResult answer) {
		return new String(answer.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	/** Refused with this status as an OperationOutcome, its issues naming these elements. */
	static OperationOutcome assertOutcome(MvcTestResult answer, int status, String... elements) {
		assertThat(answer).hasStatus(status);
		OperationOutcome outcome = resource(answer, OperationOutcome.class);
		assertThat(outcome.getIssue()).isNotEmpty();
		List<String> named = outcome.getIssue()
			.stream()
			.flatMap(issue -> issue.getExpression().stream().map(expression -> expression.getValue()))
			.toList();
		assertThat(named).contains(elements);
		assertThat(UkCoreValidator.errors(body(answer))).isEmpty();
		return outcome;
	}

	/** A referral to the Red Lion, sharing all the person agreed, made through the JSON API. */
	String referredToTheRedLion() {
		return referred(PlacesCatalogueStandIn.RED_LION);
	}

}
