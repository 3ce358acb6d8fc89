package org.communityplaces.referrals.fhir;

import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.communityplaces.referrals.referral.ReferralStatus;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * A referral as FHIR R4 resources, made from the very view the JSON API gives the same caller
 * ({@code ReferralAccess.shown}): what that view leaves out, or holds as null, is not in the
 * resources either, so a host's ServiceRequest carries the first name and what the person agreed
 * to share, and a commissioner's no person at all. The ServiceRequest is what was asked (UK Core
 * ServiceRequest, the person as a contained UK Core Patient, the place as a contained UK Core
 * HealthcareService); the Task is how it goes, its status following the HL7 SDOH Clinical Care
 * referral state machine.
 */
@Component
class FhirResources {

	static final String UK_CORE = "https://fhir.hl7.org.uk/StructureDefinition/";

	static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";

	private static final String ODS_CODE = "https://fhir.nhs.uk/Id/ods-organization-code";

	static final String PLACE_ID = FhirCodes.BASE + "Id/place";

	private static final String REFERRAL_ID = FhirCodes.BASE + "Id/referral";

	private static final String PERSON = "person";

	private static final String PLACE = "place";

	private static final String CONSENT = "consent";

	/** The {@code erasure-reason} of a referral whose person withdrew their consent. */
	private static final String CONSENT_WITHDRAWN = "consent-withdrawn";

	private static final String DATA_ABSENT_REASON = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";

	/** The request stays active while the place has it, and is revoked when it came to nothing. */
	static final Map<ReferralStatus, ServiceRequest.ServiceRequestStatus> REQUEST_STATUS = new EnumMap<>(Map.of(
			ReferralStatus.DRAFT, ServiceRequest.ServiceRequestStatus.DRAFT, ReferralStatus.REQUESTED,
			ServiceRequest.ServiceRequestStatus.ACTIVE, ReferralStatus.ACCEPTED, ServiceRequest.ServiceRequestStatus.ACTIVE,
			ReferralStatus.IN_PROGRESS, ServiceRequest.ServiceRequestStatus.ACTIVE, ReferralStatus.ON_HOLD,
			ServiceRequest.ServiceRequestStatus.ONHOLD, ReferralStatus.COMPLETED,
			ServiceRequest.ServiceRequestStatus.COMPLETED, ReferralStatus.REJECTED,
			ServiceRequest.ServiceRequestStatus.REVOKED, ReferralStatus.CANCELLED,
			ServiceRequest.ServiceRequestStatus.REVOKED, ReferralStatus.EXPIRED,
			ServiceRequest.ServiceRequestStatus.REVOKED, ReferralStatus.FAILED,
			ServiceRequest.ServiceRequestStatus.REVOKED));

	/**
	 * The SDOH referral Task statuses are this product's own, but for a request nobody answered in
	 * time, which the Task has as cancelled, with expired as its reason.
	 */
	static final Map<ReferralStatus, Task.TaskStatus> TASK_STATUS = new EnumMap<>(Map.of(ReferralStatus.DRAFT,
			Task.TaskStatus.DRAFT, ReferralStatus.REQUESTED, Task.TaskStatus.REQUESTED, ReferralStatus.ACCEPTED,
			Task.TaskStatus.ACCEPTED, ReferralStatus.REJECTED, Task.TaskStatus.REJECTED, ReferralStatus.CANCELLED,
			Task.TaskStatus.CANCELLED, ReferralStatus.EXPIRED, Task.TaskStatus.CANCELLED, ReferralStatus.IN_PROGRESS,
			Task.TaskStatus.INPROGRESS, ReferralStatus.ON_HOLD, Task.TaskStatus.ONHOLD, ReferralStatus.COMPLETED,
			Task.TaskStatus.COMPLETED, ReferralStatus.FAILED, Task.TaskStatus.FAILED));

	/** Which vocabulary says why a referral came to be in a status. */
	private static final Map<String, String> REASON_VOCABULARY = Map.of("rejected", "reject-reason", "cancelled",
			"cancel-reason", "failed", "fail-reason", "on-hold", "hold-reason");

	private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

	private static final Map<String, String> TIMEPOINT = Map.of("baseline", "before they started", "followUp",
			"after some weeks");

	private final FhirCodes codes;

	FhirResources(FhirCodes codes) {
		this.codes = codes;
	}

	/** @param lastUpdated when the referral last changed, as its meta says */
	ServiceRequest serviceRequest(JsonNode view, Instant lastUpdated) {
		String id = text(view, "id");
		ServiceRequest request = new ServiceRequest();
		request.setId(id);
		meta(request, view, lastUpdated, "UKCore-ServiceRequest");
		request.addIdentifier(new Identifier().setSystem(REFERRAL_ID).setValue(id));
		request.setStatus(REQUEST_STATUS.get(status(view)));
		request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
		request.setCode(new CodeableConcept(codes.referral()).setText("Referral to a community place"));
		JsonNode person = view.path("person");
		if (person.isObject()) {
			request.addContained(patient(person));
			request.setSubject(new Reference("#" + PERSON));
		}
		else {
			request.setSubject(masked());
		}
		request.setAuthoredOnElement(dateTime(view.hasNonNull("createdAt") ? text(view, "createdAt")
				: text(view, "requestedAt")));
		request.setRequester(requester(view));
		request.addContained(place(view.path("place")));
		request.addPerformer(new Reference("#" + PLACE));
		view.path("reasons").forEach(reason -> request.addReasonCode(codes.concept("referral-reason", reason.asString())));
		if (person.hasNonNull("ageBand")) {
			request.addOrderDetail(codes.concept("age-band", text(person, "ageBand")));
		}
		orderDetails(request, person.path("needs"), "need");
		orderDetails(request, person.path("interests"), "activity");
		orderDetails(request, person.path("accessibility"), "accessibility");
		if (view.hasNonNull("notes")) {
			request.addNote().setText(text(view, "notes"));
		}
		JsonNode consent = view.path("consent");
		if (consent.isObject() && person.isObject()) {
			request.addContained(consent(consent, CONSENT_WITHDRAWN.equals(text(view.path("erasure"), "reason"))));
			request.addSupportingInfo(new Reference("#" + CONSENT));
		}
		return request;
	}

	Task task(JsonNode view, Instant lastUpdated) {
		String id = text(view, "id");
		ReferralStatus status = status(view);
		Task task = new Task();
		task.setId(id);
		meta(task, view, lastUpdated, null);
		task.addIdentifier(new Identifier().setSystem(REFERRAL_ID).setValue(id));
		task.setStatus(TASK_STATUS.get(status));
		CodeableConcept reason = statusReason(view, status);
		if (reason != null) {
			task.setStatusReason(reason);
		}
		task.setIntent(Task.TaskIntent.ORDER);
		task.setCode(new CodeableConcept(new Coding("http://hl7.org/fhir/CodeSystem/task-code", "fulfill",
				"Fulfill the focal request")));
		task.setFocus(new Reference("ServiceRequest/" + id));
		task.setAuthoredOnElement(dateTime(view.hasNonNull("createdAt") ? text(view, "createdAt")
				: text(view, "requestedAt")));
		task.setLastModified(Date.from(lastUpdated));
		task.setRequester(requester(view));
		task.addContained(place(view.path("place")));
		task.setOwner(new Reference("#" + PLACE));
		if (view.hasNonNull("respondBy")) {
			task.getRestriction().setPeriod(new Period().setEndElement(dateTime(text(view, "respondBy"))));
		}
		if (view.hasNonNull("firstAttendedAt") || view.hasNonNull("closedAt")) {
			Period execution = new Period();
			if (view.hasNonNull("firstAttendedAt")) {
				execution.setStartElement(dateTime(text(view, "firstAttendedAt")));
			}
			if (view.hasNonNull("closedAt")) {
				execution.setEndElement(dateTime(text(view, "closedAt")));
			}
			task.setExecutionPeriod(execution);
		}
		view.path("attendance").forEach(visit -> task.addOutput()
			.setType(new CodeableConcept().setText(visit.path("attended").asBoolean() ? "Came along" : "Did not come"))
			.setValue(new DateType(text(visit, "on"))));
		JsonNode outcomes = view.path("outcomes");
		for (String timepoint : List.of("baseline", "followUp")) {
			JsonNode scores = outcomes.path(timepoint);
			if (scores.isObject()) {
				outputs(task, scores, TIMEPOINT.get(timepoint));
			}
		}
		return task;
	}

	/** Each score as an output, named by its measure and when it was taken. */
	private void outputs(Task task, JsonNode scores, String when) {
		if (scores.hasNonNull("uclaLoneliness")) {
			score(task, "ucla-loneliness", null, when, scores.path("uclaLoneliness").asInt());
		}
		JsonNode ons4 = scores.path("ons4");
		if (ons4.isObject()) {
			score(task, "ons4", "life satisfaction", when, ons4.path("lifeSatisfaction").asInt());
			score(task, "ons4", "worthwhile", when, ons4.path("worthwhile").asInt());
			score(task, "ons4", "happiness", when, ons4.path("happiness").asInt());
			score(task, "ons4", "anxiety", when, ons4.path("anxiety").asInt());
		}
		JsonNode lsns6 = scores.path("lsns6");
		if (lsns6.isObject()) {
			score(task, "lsns6-social-network", null, when, lsns6.path("total").asInt());
		}
	}

	private void score(Task task, String measure, String question, String when, int value) {
		CodeableConcept type = codes.concept("outcome-measure", measure);
		type.setText(type.getText() + (question == null ? "" : ", " + question) + ", " + when);
		task.addOutput().setType(type).setValue(new IntegerType(value));
	}

	/** Why the referral is where it is, from its last step's coded reason, as the view shows it. */
	private CodeableConcept statusReason(JsonNode view, ReferralStatus status) {
		if (status == ReferralStatus.EXPIRED) {
			return codes.concept("referral-status", "expired").setText("The place did not answer in time");
		}
		String vocabulary = REASON_VOCABULARY.get(status.code());
		JsonNode history = view.path("history");
		if (vocabulary == null || history.isEmpty()) {
			return null;
		}
		JsonNode last = history.get(history.size() - 1);
		if (!last.hasNonNull("reason")) {
			return null;
		}
		CodeableConcept reason = codes.concept(vocabulary, text(last, "reason"));
		return last.hasNonNull("text") ? reason.setText(reason.getText() + ": " + text(last, "text")) : reason;
	}

	private Patient patient(JsonNode person) {
		Patient patient = new Patient();
		patient.setId(PERSON);
		patient.getMeta().addProfile(UK_CORE + "UKCore-Patient");
		if (person.hasNonNull("nhsNumber")) {
			patient.addIdentifier().setSystem(NHS_NUMBER).setValue(text(person, "nhsNumber"));
		}
		HumanName name = patient.addName().addGiven(text(person, "firstName"));
		if (person.hasNonNull("lastName")) {
			name.setFamily(text(person, "lastName"));
		}
		JsonNode contact = person.path("contact");
		if (contact.isObject() && contact.hasNonNull("value")) {
			String value = text(contact, "value");
			switch (text(contact, "method")) {
				case "phone" -> patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(value);
				case "text" -> patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.SMS).setValue(value);
				case "email" -> patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(value);
				case "post" -> patient.addAddress().setType(Address.AddressType.POSTAL).setText(value);
				default -> {
				}
			}
		}
		if (person.hasNonNull("postcodeDistrict")) {
			patient.addAddress().setUse(Address.AddressUse.HOME)
				.setPostalCode(text(person, "postcodeDistrict"));
		}
		return patient;
	}

	/** @param withdrawn whether the person withdrew it, which ended it */
	private Consent consent(JsonNode consent, boolean withdrawn) {
		Consent resource = new Consent();
		resource.setId(CONSENT);
		resource.setStatus(withdrawn ? Consent.ConsentState.INACTIVE : Consent.ConsentState.ACTIVE);
		resource.setScope(new CodeableConcept(
				new Coding("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", "Privacy Consent")));
		resource.addCategory(new CodeableConcept(new Coding("http://loinc.org", "59284-0", null)));
		resource.addCategory(codes.concept("consent-method", text(consent, "method")));
		resource.setPatient(new Reference("#" + PERSON));
		if (consent.hasNonNull("recordedAt")) {
			resource.setDateTimeElement(dateTime(text(consent, "recordedAt")));
		}
		resource.setPolicyRule(codes.concept("lawful-basis", text(consent, "lawfulBasis")));
		Consent.ProvisionComponent provision = resource.getProvision().setType(Consent.ConsentProvisionType.PERMIT);
		consent.path("sharing").forEach(shared -> provision.addCode(codes.concept("shared-with-host", shared.asString())));
		return resource;
	}

	private HealthcareService place(JsonNode place) {
		HealthcareService service = new HealthcareService();
		service.setId(PLACE);
		service.getMeta().addProfile(UK_CORE + "UKCore-HealthcareService");
		service.addIdentifier().setSystem(PLACE_ID).setValue(text(place, "id"));
		service.setName(text(place, "name"));
		if (place.hasNonNull("kind")) {
			service.addType(codes.concept("place-kind", text(place, "kind")));
		}
		return service;
	}

	/** The referring organisation, by its ODS code where the view gives it, and its name. */
	private static Reference requester(JsonNode view) {
		JsonNode referrer = view.path("referrer");
		String code = referrer.isObject() ? text(referrer, "organisation") : text(view, "referringOrganisationCode");
		String name = referrer.isObject() ? text(referrer, "organisationName") : text(view, "referringOrganisation");
		Reference organisation = new Reference().setType("Organization");
		if (code != null) {
			organisation.setIdentifier(new Identifier().setSystem(ODS_CODE).setValue(code));
		}
		return organisation.setDisplay(name);
	}

	/** The person is not shown to this caller: the subject is there, but withheld. */
	private static Reference masked() {
		Reference withheld = new Reference().setDisplay("Not shown");
		withheld.addExtension(DATA_ABSENT_REASON, new CodeType("masked"));
		return withheld;
	}

	private void orderDetails(ServiceRequest request, JsonNode chosen, String vocabulary) {
		chosen.forEach(code -> request.addOrderDetail(codes.concept(vocabulary, code.asString())));
	}

	private static void meta(DomainResource resource, JsonNode view, Instant lastUpdated, String profile) {
		if (profile != null) {
			resource.getMeta().addProfile(UK_CORE + profile);
		}
		if (view.hasNonNull("version")) {
			resource.getMeta().setVersionId(text(view, "version"));
		}
		resource.getMeta().setLastUpdated(Date.from(lastUpdated));
	}

	private static ReferralStatus status(JsonNode view) {
		return ReferralStatus.ofCode(text(view, "status")).orElseThrow();
	}

	private static DateTimeType dateTime(String instant) {
		return instant == null ? null
				: new DateTimeType(Date.from(Instant.parse(instant)), TemporalPrecisionEnum.MILLI, UTC);
	}

	static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isNull() || value.isMissingNode() ? null : value.asString();
	}

}
