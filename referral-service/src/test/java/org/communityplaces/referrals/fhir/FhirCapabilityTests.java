package org.communityplaces.referrals.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CapabilityStatement says what is served, and only that: every interaction, search
 * parameter and operation it names answers, and what it does not name does not.
 */
class FhirCapabilityTests extends FhirApiTest {

	/** A value of each search parameter the statement names, as a caller would send it. */
	private static final Map<String, String> EXAMPLES = Map.of("status", "completed", "_lastUpdated",
			"ge2026-11-01", "_count", "10", "patient:identifier", "https://fhir.nhs.uk/Id/nhs-number|9434765919");

	@Test
	void everythingTheCapabilityStatementNamesIsServedAndNothingElse() {
		String id = completedReferral();
		CapabilityStatement statement = resource(fhirGet(LINK_WORKER, "/fhir/metadata"), CapabilityStatement.class);
		assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
		assertThat(statement.getRestFirstRep().getDocumentation()).contains("_lastUpdated");

		List<String> served = new ArrayList<>();
		for (CapabilityStatementRestResourceComponent resource : statement.getRestFirstRep().getResource()) {
			String type = resource.getType();
			for (CapabilityStatement.ResourceInteractionComponent interaction : resource.getInteraction()) {
				switch (interaction.getCode()) {
					case READ -> assertThat(fhirGet(LINK_WORKER, "/fhir/" + type + "/" + id)).hasStatusOk();
					case SEARCHTYPE -> {
						assertThat(fhirGet(LINK_WORKER, "/fhir/" + type)).hasStatusOk();
						for (CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent parameter : resource
							.getSearchParam()) {
							MvcTestResult searched = fhirGet(LINK_WORKER,
									"/fhir/" + type + "?" + parameter.getName() + "=" + EXAMPLES.get(parameter.getName()));
							assertThat(searched).as(type + " by " + parameter.getName()).hasStatusOk();
							assertThat(resource(searched, Bundle.class).getTotal()).as(parameter.getName()).isPositive();
						}
					}
					case CREATE -> assertThat(fhirPost(LINK_WORKER, "/fhir/" + type,
							body(fhirGet(LINK_WORKER, "/fhir/" + type + "/" + id)).replace("\"completed\"", "\"active\"")))
						.hasStatus(201);
					default -> throw new AssertionError("not tested: " + interaction.getCode());
				}
				served.add(type + " " + interaction.getCode().toCode());
			}
		}
		assertThat(served).containsExactlyInAnyOrder("ServiceRequest read", "ServiceRequest search-type",
				"ServiceRequest create", "Task read", "Task search-type");
		assertThat(statement.getRestFirstRep().getInteraction()).extracting(interaction -> interaction.getCode().toCode())
			.containsExactly("transaction");
		assertThat(statement.getRestFirstRep().getOperation()).extracting(operation -> operation.getName())
			.containsExactly("completed-referrals");

		assertThat(fhirGet(LINK_WORKER, "/fhir/Patient/" + id)).hasStatus(404);
		assertThat(LINK_WORKER.on(mvc.delete().uri("/fhir/ServiceRequest/" + id)).exchange()).hasStatus(405);
		assertThat(fhirPost(LINK_WORKER, "/fhir/Task", "{\"resourceType\": \"Task\"}")).hasStatus(405);
	}

	@Test
	void aPeriodsCompletedReferralsComeAsOneBundleForTheGpSystemToFile() {
		String id = completedReferral();
		referredToTheRedLion();

		Bundle export = resource(fhirGet(LINK_WORKER, "/fhir/$completed-referrals?start=2026-11-23&end=2026-11-23"),
				Bundle.class);

		assertThat(export.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
		assertThat(export.getEntry()).extracting(entry -> entry.getResource().getClass().getSimpleName())
			.containsExactly("ServiceRequest", "Task");
		assertThat(((ServiceRequest) export.getEntry().get(0).getResource()).getIdPart()).isEqualTo(id);
		assertThat(((Task) export.getEntry().get(1).getResource()).getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
		assertThat(resource(fhirGet(LINK_WORKER, "/fhir/$completed-referrals?start=2026-11-24&end=2026-11-30"),
				Bundle.class).getEntry()).isEmpty();
		assertThat(resource(fhirGet(OTHER_SURGERY, "/fhir/$completed-referrals?start=2026-11-01&end=2026-11-30"),
				Bundle.class).getEntry()).isEmpty();
		assertOutcome(fhirGet(LANDLORD, "/fhir/$completed-referrals?start=2026-11-01&end=2026-11-30"), 403);
		assertOutcome(fhirGet(LINK_WORKER, "/fhir/$completed-referrals?start=2026-11-30&end=2026-11-01"), 400, "start");
		assertOutcome(fhirGet(LINK_WORKER, "/fhir/$completed-referrals?start=soon&end=2026-11-01"), 400, "start");
	}

	private String completedReferral() {
		String id = referredToTheRedLion();
		assertThat(post(LANDLORD, "/api/referrals/" + id + "/accept")).hasStatusOk();
		assertThat(post(LANDLORD, "/api/referrals/" + id + "/attendance", "{\"on\": \"2026-11-23\", \"attended\": true}"))
			.hasStatusOk();
		assertThat(post(LANDLORD, "/api/referrals/" + id + "/complete")).hasStatusOk();
		return id;
	}

}
