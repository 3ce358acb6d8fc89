package org.communityplaces.referrals.fhir;

import java.time.Clock;
import java.util.Date;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations;

import org.springframework.stereotype.Component;

/**
 * What the FHIR API serves, said once: the controller serves exactly this, and the tests call
 * every interaction, search parameter and operation it names.
 */
@Component
class FhirCapabilities {

	static final String POLLING = """
			Updates: poll Task?_lastUpdated=gt followed by the last meta.lastUpdated you saw (and ServiceRequest the same \
			way), at least once a working day and no more often than every 15 minutes, as the HL7 SDOH Clinical \
			Care referral workflow says when subscriptions are not used. A referral's lastUpdated moves with every \
			step in its life and, for the referring organisation and the host, who see them, every visit recorded \
			and every message written. Answers list the referrals changed \
			longest ago first, at most _count of them (default 50, at most 200); total says how many matched, so \
			ask again from the last one's lastUpdated (ge) when there are more.""";

	private final Date started;

	FhirCapabilities(Clock clock) {
		this.started = Date.from(clock.instant());
	}

	CapabilityStatement statement(String base) {
		CapabilityStatement statement = new CapabilityStatement();
		statement.setId("community-place-referrals");
		statement.setStatus(Enumerations.PublicationStatus.ACTIVE)
			.setDate(started)
			.setPublisher("Community place referrals")
			.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE)
			.setFhirVersion(Enumerations.FHIRVersion._4_0_1)
			.addFormat("application/fhir+json")
			.addFormat("json");
		statement.getSoftware().setName("Community place referrals: referral-service");
		statement.getImplementation()
			.setDescription("Social prescribing referrals to community places, as FHIR R4 ServiceRequest and Task")
			.setUrl(base);
		CapabilityStatementRestComponent rest = statement.addRest()
			.setMode(CapabilityStatement.RestfulCapabilityMode.SERVER)
			.setDocumentation(POLLING);
		rest.getSecurity()
			.setCors(false)
			.setDescription("Through the gateway only, signed in (HTTP Basic or a session); each caller sees "
					+ "the referrals the JSON API shows them, and of each what it shows them.");
		rest.addInteraction()
			.setCode(CapabilityStatement.SystemRestfulInteraction.TRANSACTION)
			.setDocumentation("A transaction Bundle of one Patient and one ServiceRequest whose subject it is "
					+ "(its fullUrl), both POSTed: the referral is made as from the ServiceRequest alone.");
		CapabilityStatementRestResourceComponent serviceRequest = rest.addResource()
			.setType("ServiceRequest")
			.setProfile(FhirResources.UK_CORE + "UKCore-ServiceRequest")
			.setConditionalCreate(true)
			.setDocumentation("A referral: the person as a contained UK Core Patient, the place as a contained "
					+ "HealthcareService, consent as a contained Consent. Create with POST (referrers; "
					+ "Idempotency-Key or If-None-Exist: identifier=system|value to make it once), or POST a "
					+ "transaction Bundle with the Patient and the ServiceRequest.");
		serviceRequest.addInteraction().setCode(TypeRestfulInteraction.READ);
		serviceRequest.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
		serviceRequest.addInteraction().setCode(TypeRestfulInteraction.CREATE);
		searchParameters(serviceRequest, "draft | active | on-hold | revoked | completed");
		serviceRequest.addSearchParam()
			.setName("patient:identifier")
			.setType(Enumerations.SearchParamType.TOKEN)
			.setDocumentation("The person's NHS number, as https://fhir.nhs.uk/Id/nhs-number|9434765919 "
					+ "(referrers of the referring organisation only)");
		CapabilityStatementRestResourceComponent task = rest.addResource()
			.setType("Task")
			.setDocumentation("How a referral goes, after the HL7 SDOH Clinical Care referral Task: status and "
					+ "statusReason, owner the place, focus the ServiceRequest, outputs the visits and, for the "
					+ "referring organisation, the scores before and after.");
		task.addInteraction().setCode(TypeRestfulInteraction.READ);
		task.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
		searchParameters(task, "draft | requested | accepted | rejected | cancelled | in-progress | on-hold | "
				+ "completed | failed (a request nobody answered in time is cancelled, with expired as its reason)");
		rest.addOperation()
			.setName("completed-referrals")
			.setDefinition(FhirCodes.BASE + "OperationDefinition/completed-referrals")
			.setDocumentation("GET [base]/$completed-referrals?start=2026-11-01&end=2026-11-30: the referring "
					+ "organisation's referrals completed in those days (both included), each its ServiceRequest "
					+ "and Task, as a collection Bundle for a GP system to file (referrers only).");
		return statement;
	}

	private static void searchParameters(CapabilityStatementRestResourceComponent resource, String statuses) {
		resource.addSearchParam()
			.setName("status")
			.setType(Enumerations.SearchParamType.TOKEN)
			.setDocumentation(statuses);
		resource.addSearchParam()
			.setName("_lastUpdated")
			.setType(Enumerations.SearchParamType.DATE)
			.setDocumentation("gt, ge, lt, le or eq with a date-time with its offset, or a day; twice for a range");
		resource.addSearchParam()
			.setName("_count")
			.setType(Enumerations.SearchParamType.NUMBER)
			.setDocumentation("at most this many, 1 to 200, 50 unless given");
	}

}
