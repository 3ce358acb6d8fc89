package org.communityplaces.referrals.fhir;

import java.util.ArrayList;
import java.util.List;

import org.communityplaces.referrals.referral.Referral;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Referrals made by POSTing a ServiceRequest, or a transaction Bundle with the Patient, through
 * the JSON API's intake: the same validation, consent and idempotency, and a round trip that
 * loses nothing the two share.
 */
class FhirCreateTests extends FhirApiTest {

	/** What a referral made through FHIR has as the one it was read from did. */
	private static final List<String> SHARED = List.of("/place/id", "/person", "/consent/method",
			"/consent/lawfulBasis", "/consent/sharing", "/consent/recordedAt", "/reasons", "/notes",
			"/status");

	@Autowired
	private JsonMapper json;

	@Test
	void aReferralReadAsFhirAndSentBackIsTheSameReferralAgain() {
		String original = referredToTheRedLion();
		String serviceRequest = body(fhirGet(LINK_WORKER, "/fhir/ServiceRequest/" + original));

		MvcTestResult created = fhirPost(COLLEAGUE, "/fhir/ServiceRequest", serviceRequest);

		assertThat(created).hasStatus(201);
		String copy = created.getResponse().getHeader("Location").replace("/fhir/ServiceRequest/", "");
		assertThat(copy).isNotEqualTo(original);
		assertThat(UkCoreValidator.errors(body(created))).isEmpty();
		JsonNode before = json.readTree(body(get(LINK_WORKER, "/api/referrals/" + original)));
		JsonNode after = json.readTree(body(get(LINK_WORKER, "/api/referrals/" + copy)));
		for (String field : SHARED) {
			assertThat(after.at(field)).as(field).isEqualTo(before.at(field));
		}
		assertThat(after.at("/referrer/userId").asString()).isEqualTo(COLLEAGUE.id());
	}

	@Test
	void aTransactionWithThePatientMakesTheReferral() {
		ServiceRequest request = readBack(referredToTheRedLion());
		Patient person = (Patient) request.getContained().stream().filter(Patient.class::isInstance).findFirst().orElseThrow();
		request.getContained().remove(person);
		person.setId((String) null);
		request.setSubject(new Reference("urn:uuid:6c1d2c8e-6a4f-4f2b-9d51-0c1f3c0b7a11"));
		request.getContained()
			.stream()
			.filter(Consent.class::isInstance)
			.forEach(consent -> ((Consent) consent).setPatient(request.getSubject()));
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		transaction.addEntry()
			.setFullUrl("urn:uuid:6c1d2c8e-6a4f-4f2b-9d51-0c1f3c0b7a11")
			.setResource(person)
			.getRequest()
			.setMethod(Bundle.HTTPVerb.POST)
			.setUrl("Patient");
		transaction.addEntry().setResource(request).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("ServiceRequest");

		MvcTestResult answer = fhirPost(LINK_WORKER, "/fhir", FHIR.newJsonParser().encodeResourceToString(transaction));

		assertThat(answer).hasStatusOk();
		Bundle response = resource(answer, Bundle.class);
		assertThat(response.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
		String made = response.getEntry().get(1).getResponse().getLocation().split("/")[1];
		assertThat(get(LINK_WORKER, "/api/referrals/" + made)).bodyJson()
			.extractingPath("$.person.lastName")
			.isEqualTo("Brown");
		assertThat(UkCoreValidator.errors(body(answer))).isEmpty();
	}

	@Test
	void theSameIdempotencyKeyOrConditionalCreateMakesOneReferral() {
		String serviceRequest = body(fhirGet(LINK_WORKER, "/fhir/ServiceRequest/" + referredToTheRedLion()));
		MvcTestResult first = fhirPost(LINK_WORKER, "/fhir/ServiceRequest", serviceRequest, "Idempotency-Key", "gp-1");
		MvcTestResult again = fhirPost(LINK_WORKER, "/fhir/ServiceRequest", serviceRequest, "Idempotency-Key", "gp-1");
		assertThat(again.getResponse().getHeader("Location")).isEqualTo(first.getResponse().getHeader("Location"));

		String condition = "identifier=https://gp.example.org/referrals|R-1001";
		MvcTestResult conditional = fhirPost(LINK_WORKER, "/fhir/ServiceRequest", serviceRequest, "If-None-Exist",
				condition);
		MvcTestResult conditionalAgain = fhirPost(LINK_WORKER, "/fhir/ServiceRequest", serviceRequest, "If-None-Exist",
				condition);
		assertThat(conditionalAgain.getResponse().getHeader("Location"))
			.isEqualTo(conditional.getResponse().getHeader("Location"))
			.isNotEqualTo(first.getResponse().getHeader("Location"));
		assertThat(mongo.count(new Query(), Referral.class)).isEqualTo(3);
	}

	@Test
	void aServiceRequestThatSaysTooLittleIsRefusedNamingEachElementAndNothingIsMade() {
		ServiceRequest request = readBack(referredToTheRedLion());
		request.getSupportingInfo().clear();
		request.getContained().removeIf(Consent.class::isInstance);
		request.getReasonCode().clear();
		request.getPerformer().clear();
		long before = mongo.count(new Query(), Referral.class);

		assertOutcome(fhirPost(LINK_WORKER, "/fhir/ServiceRequest", FHIR.newJsonParser().encodeResourceToString(request)),
				400, "ServiceRequest.supportingInfo", "ServiceRequest.reasonCode", "ServiceRequest.performer");

		assertThat(mongo.count(new Query(), Referral.class)).isEqualTo(before);
	}

	@Test
	void unreadableBodiesOtherResourcesAndOtherRolesAreRefused() {
		String serviceRequest = body(fhirGet(LINK_WORKER, "/fhir/ServiceRequest/" + referredToTheRedLion()));
		long before = mongo.count(new Query(), Referral.class);
		assertOutcome(fhirPost(LINK_WORKER, "/fhir/ServiceRequest", "{\"resourceType\": \"ServiceRequest\", \"colour\": 1}"),
				400);
		assertOutcome(fhirPost(LINK_WORKER, "/fhir/ServiceRequest", "not json"), 400);
		assertOutcome(fhirPost(LINK_WORKER, "/fhir/ServiceRequest", "{\"resourceType\": \"Patient\"}"), 400);
		assertOutcome(fhirPost(LINK_WORKER, "/fhir", serviceRequest), 400);
		assertOutcome(fhirPost(LANDLORD, "/fhir/ServiceRequest", serviceRequest), 403);
		assertOutcome(fhirPost(LINK_WORKER, "/fhir/ServiceRequest", serviceRequest, "If-None-Exist", "name=Edith"), 400,
				"If-None-Exist");
		assertOutcome(fhirPost(LINK_WORKER, "/fhir/ServiceRequest", serviceRequest, "Idempotency-Key", "with space"), 400,
				"Idempotency-Key");
		assertOutcome(fhirPost(LINK_WORKER, "/fhir/ServiceRequest",
				serviceRequest.replace("9434765919", "9434765918")), 400, "Patient.identifier");
		assertThat(mongo.count(new Query(), Referral.class)).isEqualTo(before);
	}

	@Test
	void malformedServiceRequestsAndBundlesAreRefusedAsOperationOutcomesAndNothingIsMade() {
		String id = referredToTheRedLion();
		String serviceRequest = body(fhirGet(LINK_WORKER, "/fhir/ServiceRequest/" + id));
		List<String> bodies = new ArrayList<>();
		ServiceRequest codeless = readBack(id);
		codeless.getReasonCodeFirstRep().getCoding().clear();
		codeless.getReasonCodeFirstRep().addCoding().setSystem(FhirCodes.SNOMED);
		codeless.getReasonCodeFirstRep().setText(null);
		bodies.add(FHIR.newJsonParser().encodeResourceToString(codeless));
		ServiceRequest unknownNeed = readBack(id);
		unknownNeed.addOrderDetail().addCoding().setSystem(FhirCodes.system("need")).setCode("made-up");
		bodies.add(FHIR.newJsonParser().encodeResourceToString(unknownNeed));
		ServiceRequest noTelecomSystem = readBack(id);
		contained(noTelecomSystem, Patient.class).getTelecomFirstRep().setSystem(null);
		bodies.add(FHIR.newJsonParser().encodeResourceToString(noTelecomSystem));
		ServiceRequest website = readBack(id);
		contained(website, Patient.class).getTelecomFirstRep().setSystem(ContactPoint.ContactPointSystem.URL);
		bodies.add(FHIR.newJsonParser().encodeResourceToString(website));
		ServiceRequest longAgo = readBack(id);
		contained(longAgo, Consent.class).setDateTimeElement(new DateTimeType("0001-01-01T00:00:00Z"));
		bodies.add(FHIR.newJsonParser().encodeResourceToString(longAgo));
		bodies.add(serviceRequest.replace("\"resourceType\":\"Patient\",\"id\":\"person\",", "\"resourceType\":\"Patient\","));
		bodies.add("{\"resourceType\": \"ServiceRequest\"}");
		bodies.add("{\"resourceType\": \"ServiceRequest\", \"status\": \"draft\", \"intent\": \"order\"}");
		long before = mongo.count(new Query(), Referral.class);

		for (String body : bodies) {
			MvcTestResult answer = fhirPost(LINK_WORKER, "/fhir/ServiceRequest", body);
			assertThat(answer.getResponse().getStatus()).as(body).isBetween(400, 499);
			assertThat(resource(answer, OperationOutcome.class).getIssue()).as(body).isNotEmpty();
		}
		Bundle noPatient = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		noPatient.addEntry().setResource(readBack(id)).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("ServiceRequest");
		noPatient.addEntry().getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
		assertOutcome(fhirPost(LINK_WORKER, "/fhir", FHIR.newJsonParser().encodeResourceToString(noPatient)), 400);
		assertThat(mongo.count(new Query(), Referral.class)).isEqualTo(before);
	}

	private static <T extends Resource> T contained(ServiceRequest request, Class<T> type) {
		return request.getContained().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
	}

	private ServiceRequest readBack(String id) {
		return resource(fhirGet(LINK_WORKER, "/fhir/ServiceRequest/" + id), ServiceRequest.class);
	}

}
