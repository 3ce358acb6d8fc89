package org.communityplaces.referrals.fhir;

import java.time.Duration;
import java.util.List;

import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Searching the referrals a caller may see by status, by the person's NHS number (the referring
 * organisation only) and by when they last changed, which is how a referrer's system hears of
 * the place's answers: polling Task by {@code _lastUpdated}.
 */
class FhirSearchTests extends FhirApiTest {

	@Test
	void aReferrersSystemHearsOfEachChangeByPollingTasksByLastUpdated() {
		String since = clock.instant().minusSeconds(1).toString();
		String id = referredToTheRedLion();

		Bundle first = tasks(LINK_WORKER, "/fhir/Task?_lastUpdated=gt" + since);
		assertThat(first.getTotal()).isEqualTo(1);
		Task requested = (Task) first.getEntryFirstRep().getResource();
		assertThat(requested.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
		String seen = requested.getMeta().getLastUpdated().toInstant().toString();
		assertThat(tasks(LINK_WORKER, "/fhir/Task?_lastUpdated=gt" + seen).getTotal()).isZero();

		clock.advance(Duration.ofHours(2));
		assertThat(post(LANDLORD, "/api/referrals/" + id + "/accept")).hasStatusOk();

		Bundle next = tasks(LINK_WORKER, "/fhir/Task?_lastUpdated=gt" + seen);
		assertThat(next.getTotal()).isEqualTo(1);
		Task accepted = (Task) next.getEntryFirstRep().getResource();
		assertThat(accepted.getStatus()).isEqualTo(Task.TaskStatus.ACCEPTED);
		assertThat(accepted.getIdPart()).isEqualTo(id);
		String seenAgain = accepted.getMeta().getLastUpdated().toInstant().toString();
		assertThat(tasks(LINK_WORKER, "/fhir/Task?_lastUpdated=gt" + seenAgain).getTotal()).isZero();
		assertThat(tasks(LINK_WORKER, "/fhir/Task?_lastUpdated=ge" + seenAgain + "&_lastUpdated=lt2027-01-01")
			.getTotal()).isEqualTo(1);
		assertThat(tasks(LINK_WORKER, "/fhir/Task?_lastUpdated=2026-11-23").getTotal()).isEqualTo(1);
	}

	@Test
	void statusNarrowsToTheReferralsInItForTheCallerOnly() {
		String requested = referredToTheRedLion();
		String accepted = referredToTheRedLion();
		assertThat(post(LANDLORD, "/api/referrals/" + accepted + "/accept")).hasStatusOk();
		referred(PlacesCatalogueStandIn.BAKERY);

		assertThat(ids(tasks(LANDLORD, "/fhir/Task?status=accepted"))).containsExactly(accepted);
		assertThat(ids(tasks(LANDLORD, "/fhir/Task"))).containsExactlyInAnyOrder(requested, accepted);
		assertThat(ids(tasks(LINK_WORKER, "/fhir/ServiceRequest?status=active"))).hasSize(3);
		assertThat(tasks(OTHER_SURGERY, "/fhir/ServiceRequest").getTotal()).isZero();
		Bundle one = tasks(LINK_WORKER, "/fhir/Task?_count=1");
		assertThat(one.getTotal()).isEqualTo(3);
		assertThat(one.getEntry()).hasSize(1);
	}

	@Test
	void onlyTheReferringOrganisationSearchesByNhsNumber() {
		String id = referredToTheRedLion();
		String byNumber = "/fhir/ServiceRequest?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|9434765919";
		assertThat(ids(tasks(LINK_WORKER, byNumber))).containsExactly(id);
		assertThat(ids(tasks(COLLEAGUE, "/fhir/ServiceRequest?patient:identifier=9434765919"))).containsExactly(id);
		assertThat(tasks(OTHER_SURGERY, byNumber).getTotal()).isZero();
		assertOutcome(fhirGet(LANDLORD, byNumber), 403);
		assertOutcome(fhirGet(COMMISSIONER, byNumber), 403);
	}

	@Test
	void parametersThatAreNotAsFhirWritesThemAreRefusedNamingThem() {
		referredToTheRedLion();
		assertOutcome(fhirGet(LINK_WORKER, "/fhir/Task?status=sideways"), 400, "status");
		assertOutcome(fhirGet(LINK_WORKER, "/fhir/Task?patient:identifier=9434765919"), 400, "patient:identifier");
		assertOutcome(fhirGet(LINK_WORKER, "/fhir/Task?name=Edith"), 400, "name");
		assertOutcome(fhirGet(LINK_WORKER, "/fhir/Task?_lastUpdated=yesterday"), 400, "_lastUpdated");
		assertOutcome(fhirGet(LINK_WORKER, "/fhir/Task?_lastUpdated=gt2026-11-23T10:00"), 400, "_lastUpdated");
		assertOutcome(fhirGet(LINK_WORKER, "/fhir/Task?_lastUpdated=gt1066-10-14"), 400, "_lastUpdated");
		assertOutcome(fhirGet(LINK_WORKER, "/fhir/Task?_count=0"), 400, "_count");
		assertOutcome(fhirGet(LINK_WORKER, "/fhir/Task?_count=1e3"), 400, "_count");
		assertOutcome(fhirGet(LINK_WORKER, "/fhir/Task?status=accepted&status=requested"), 400, "status");
		assertOutcome(fhirGet(LINK_WORKER, "/fhir/ServiceRequest?patient:identifier=943%20476"), 400,
				"patient:identifier");
	}

	private Bundle tasks(Actor actor, String uri) {
		return resource(fhirGet(actor, uri), Bundle.class);
	}

	private static List<String> ids(Bundle bundle) {
		return bundle.getEntry().stream().map(entry -> entry.getResource().getIdPart()).toList();
	}

}
