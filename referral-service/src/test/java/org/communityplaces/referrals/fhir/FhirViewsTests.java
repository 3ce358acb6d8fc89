package org.communityplaces.referrals.fhir;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each caller's FHIR view is built from their JSON view and holds no more: a host sees the first
 * name and what the person agreed to share, a commissioner no person at all, the referring
 * organisation everything; anyone else is told there is no such referral.
 */
class FhirViewsTests extends FhirApiTest {

	/** Never in a host's FHIR view, whatever the person chose. */
	private static final List<String> NEVER_FOR_THE_HOST = List.of("Brown", "9434765919", "943 476 5919", NOTES,
			"bereavement", "loneliness", "explicit-consent", "75-84", "\"S6\"", "Consent");

	@Autowired
	private JsonMapper json;

	static Stream<Arguments> choices() {
		return Stream.of(Arguments.of("nothing", "[]"), Arguments.of("contact", "[\"contact\"]"),
				Arguments.of("needs", "[\"needs\"]"), Arguments.of("interests", "[\"interests\"]"),
				Arguments.of("accessibility", "[\"accessibility\"]"),
				Arguments.of("everything", "[\"contact\", \"needs\", \"interests\", \"accessibility\"]"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("choices")
	void aHostsFhirViewHoldsExactlyWhatTheirJsonViewHolds(String choice, String sharing) {
		String id = idOf(post(LINK_WORKER, "/api/referrals",
				referralTo(PlacesCatalogueStandIn.RED_LION, false).replace(SHARING_EVERYTHING, "\"sharing\": " + sharing)));
		assertSameAsJson(id);
		assertThat(post(LANDLORD, "/api/referrals/" + id + "/accept")).hasStatusOk();
		assertSameAsJson(id);
	}

	@Test
	void theReferringOrganisationSeesThePersonInFull() {
		String id = referredToTheRedLion();
		ServiceRequest request = resource(fhirGet(COLLEAGUE, "/fhir/ServiceRequest/" + id), ServiceRequest.class);
		Patient person = (Patient) request.getContained().stream().filter(Patient.class::isInstance).findFirst().orElseThrow();
		assertThat(person.getIdentifierFirstRep().getSystem()).isEqualTo("https://fhir.nhs.uk/Id/nhs-number");
		assertThat(person.getIdentifierFirstRep().getValue()).isEqualTo("9434765919");
		assertThat(person.getNameFirstRep().getFamily()).isEqualTo("Brown");
		assertThat(request.getReasonCode()).extracting(reason -> reason.getText())
			.containsExactly("Feels lonely", "Recently bereaved");
		assertThat(request.getNoteFirstRep().getText()).isEqualTo(NOTES);
		assertThat(request.getRequester().getIdentifier().getValue()).isEqualTo("C88001");
		assertThat(request.getCode().getCodingFirstRep().getCode()).isEqualTo("871731000000106");
	}

	@Test
	void aReferralWhosePersonWithdrewConsentIsStillValidAndItsConsentNoLongerActive() {
		String id = referredToTheRedLion();
		assertThat(post(LINK_WORKER, "/api/referrals/" + id + "/withdraw-consent")).hasStatusOk();

		for (Actor actor : List.of(LINK_WORKER, LANDLORD, COMMISSIONER)) {
			MvcTestResult answer = fhirGet(actor, "/fhir/ServiceRequest/" + id);
			assertThat(answer).as(actor.role()).hasStatusOk();
			assertThat(UkCoreValidator.errors(body(answer))).as(actor.role() + ": " + body(answer)).isEmpty();
		}
		ServiceRequest request = resource(fhirGet(LINK_WORKER, "/fhir/ServiceRequest/" + id), ServiceRequest.class);
		assertThat(request.getContained()).filteredOn(Consent.class::isInstance)
			.singleElement()
			.satisfies(consent -> assertThat(((Consent) consent).getStatus()).isEqualTo(Consent.ConsentState.INACTIVE));
	}

	@Test
	void aCommissionerSeesNoPersonAndNothingWritten() {
		String id = referredToTheRedLion();
		MvcTestResult answer = fhirGet(COMMISSIONER, "/fhir/ServiceRequest/" + id);
		ServiceRequest request = resource(answer, ServiceRequest.class);
		assertThat(request.getContained()).noneMatch(Patient.class::isInstance);
		assertThat(request.getSubject().getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/data-absent-reason"))
			.isNotNull();
		assertThat(body(answer)).doesNotContain("Edith", "Brown", "9434765919", NOTES, "loneliness", "knitting");
		assertThat(body(fhirGet(COMMISSIONER, "/fhir/Task/" + id))).doesNotContain("Edith", "Brown");
	}

	/** A message's time is not in a commissioner's JSON view, so it does not move their lastUpdated either. */
	@Test
	void aCommissionerCannotTellWhenAMessageWasWritten() {
		String id = referredToTheRedLion();
		Date before = resource(fhirGet(COMMISSIONER, "/fhir/Task/" + id), Task.class).getMeta().getLastUpdated();
		clock.advance(Duration.ofHours(3));
		assertThat(post(LINK_WORKER, "/api/referrals/" + id + "/messages", "{\"text\": \"Can she bring her dog?\"}"))
			.hasStatusOk();

		assertThat(resource(fhirGet(COMMISSIONER, "/fhir/Task/" + id), Task.class).getMeta().getLastUpdated())
			.isEqualTo(before);
		assertThat(resource(fhirGet(COMMISSIONER, "/fhir/Task?_lastUpdated=gt" + before.toInstant()),
				Bundle.class).getTotal()).isZero();
		assertThat(resource(fhirGet(LANDLORD, "/fhir/Task/" + id), Task.class).getMeta().getLastUpdated())
			.isAfter(before);
	}

	@Test
	void anyoneElseIsToldThereIsNoSuchReferral() {
		String id = referredToTheRedLion();
		for (Actor stranger : List.of(OTHER_SURGERY, OTHER_HOST)) {
			assertOutcome(fhirGet(stranger, "/fhir/ServiceRequest/" + id), 404);
			assertOutcome(fhirGet(stranger, "/fhir/Task/" + id), 404);
		}
		assertOutcome(fhirGet(LINK_WORKER, "/fhir/Task/6760a1e0c9e77b1d2f3a4b00"), 404);
		String draft = idOf(post(LINK_WORKER, "/api/referrals", referralTo(PlacesCatalogueStandIn.RED_LION, true)));
		assertOutcome(fhirGet(LANDLORD, "/fhir/ServiceRequest/" + draft), 404);
	}

	@Test
	void theTaskFollowsTheReferralAndTheHostsAnswer() {
		String id = referredToTheRedLion();
		Task requested = resource(fhirGet(LINK_WORKER, "/fhir/Task/" + id), Task.class);
		assertThat(requested.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
		assertThat(requested.getFocus().getReference()).isEqualTo("ServiceRequest/" + id);
		assertThat(requested.getRestriction().getPeriod().hasEnd()).isTrue();
		assertThat(post(LANDLORD, "/api/referrals/" + id + "/reject",
				"{\"reason\": \"other\", \"text\": \"Quiz night is full until January\"}")).hasStatusOk();
		Task declined = resource(fhirGet(LINK_WORKER, "/fhir/Task/" + id), Task.class);
		assertThat(declined.getStatus()).isEqualTo(Task.TaskStatus.REJECTED);
		assertThat(declined.getStatusReason().getText()).isEqualTo("Another reason: Quiz night is full until January");
		assertThat(resource(fhirGet(LINK_WORKER, "/fhir/ServiceRequest/" + id), ServiceRequest.class).getStatus())
			.isEqualTo(ServiceRequest.ServiceRequestStatus.REVOKED);
	}

	/** Every value of the host's JSON view of the person is in their FHIR views, and nothing else of the person. */
	private void assertSameAsJson(String id) {
		JsonNode person = json.readTree(body(get(LANDLORD, "/api/referrals/" + id)))
			.path("person");
		List<String> shown = new ArrayList<>();
		collect(person, shown);
		List<String> withheld = new ArrayList<>(NEVER_FOR_THE_HOST);
		for (String field : List.of("needs", "interests", "accessibility")) {
			if (person.path(field).isNull()) {
				withheld.addAll(List.of("companionship", "regular-routine", "knitting", "quiz-and-games", "step-free")
					.stream()
					.filter(code -> belongsTo(field, code))
					.toList());
			}
		}
		if (person.path("contact").isNull()) {
			withheld.add("0114 496 0000");
		}
		for (String type : List.of("ServiceRequest", "Task")) {
			String fhir = body(fhirGet(LANDLORD, "/fhir/" + type + "/" + id));
			assertThat(fhir).doesNotContain(withheld);
			if (type.equals("ServiceRequest")) {
				assertThat(fhir).contains(shown.stream().filter(value -> !value.equals("phone")).toList());
			}
		}
	}

	private static boolean belongsTo(String field, String code) {
		return switch (field) {
			case "needs" -> code.equals("companionship") || code.equals("regular-routine");
			case "interests" -> code.equals("knitting") || code.equals("quiz-and-games");
			default -> code.equals("step-free");
		};
	}

	private static void collect(JsonNode node, List<String> values) {
		if (node.isString()) {
			values.add(node.asString());
		}
		node.forEach(child -> collect(child, values));
	}

}
