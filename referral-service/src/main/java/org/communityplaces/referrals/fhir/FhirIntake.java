package org.communityplaces.referrals.fhir;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.communityplaces.platform.caller.Caller;
import org.communityplaces.referrals.intake.ReferralIntake;
import org.communityplaces.referrals.referral.Referral;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * A referral asked for as a FHIR ServiceRequest (as {@link FhirResources} writes one: the person
 * a contained UK Core Patient, the place a HealthcareService with its id, consent a contained
 * Consent), turned into the JSON API's request and made by the same intake, so the same
 * validation, consent and idempotency rules hold. Nothing here decides whether a referral may be
 * made: a ServiceRequest that says too little is refused by the intake, naming the element.
 */
@Component
class FhirIntake {

	/** The JSON API's fields, and the elements of a ServiceRequest that carry them. */
	static final Map<String, String> ELEMENTS = Map.ofEntries(Map.entry("placeId", "ServiceRequest.performer"),
			Map.entry("person", "ServiceRequest.subject"), Map.entry("person.firstName", "Patient.name.given"),
			Map.entry("person.lastName", "Patient.name.family"), Map.entry("person.contact", "Patient.telecom"),
			Map.entry("person.postcodeDistrict", "Patient.address.postalCode"),
			Map.entry("person.ageBand", "ServiceRequest.orderDetail"), Map.entry("person.needs", "ServiceRequest.orderDetail"),
			Map.entry("person.interests", "ServiceRequest.orderDetail"),
			Map.entry("person.accessibility", "ServiceRequest.orderDetail"),
			Map.entry("person.nhsNumber", "Patient.identifier"), Map.entry("consent", "ServiceRequest.supportingInfo"),
			Map.entry("consent.given", "Consent.status"), Map.entry("consent.method", "Consent.category"),
			Map.entry("consent.lawfulBasis", "Consent.policyRule"), Map.entry("consent.recordedAt", "Consent.dateTime"),
			Map.entry("consent.sharing", "Consent.provision.code"), Map.entry("reasons", "ServiceRequest.reasonCode"),
			Map.entry("notes", "ServiceRequest.note"));

	/** The vocabularies a ServiceRequest's order details are coded in, and the person's field each fills. */
	private static final Map<String, String> ORDER_DETAILS = Map.of("need", "needs", "activity", "interests",
			"accessibility", "accessibility");

	private final ReferralIntake intake;

	private final FhirCodes codes;

	FhirIntake(ReferralIntake intake, FhirCodes codes) {
		this.intake = intake;
		this.codes = codes;
	}

	/**
	 * @param idempotencyKey the JSON API's {@code Idempotency-Key}, or null
	 * @param ifNoneExist {@code identifier=system|value}: a second request with the same one finds the
	 * referral the first made, as the same {@code Idempotency-Key} does; or null
	 */
	Referral refer(Caller caller, ServiceRequest request, Patient patient, String idempotencyKey, String ifNoneExist) {
		return intake.refer(caller, newReferral(request, patient),
				idempotencyKey != null ? idempotencyKey : keyOf(ifNoneExist));
	}

	/** The JSON API's request body for what the ServiceRequest asks. */
	private ObjectNode newReferral(ServiceRequest request, Patient patient) {
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		body.put("placeId", placeId(request));
		if (request.getStatus() == ServiceRequest.ServiceRequestStatus.DRAFT) {
			body.put("draft", true);
		}
		if (patient != null) {
			body.set("person", person(patient, request));
		}
		contained(request, request.getSupportingInfo().isEmpty() ? null : request.getSupportingInfoFirstRep(),
				Consent.class)
			.ifPresent(consent -> body.set("consent", consent(consent)));
		ArrayNode reasons = body.putArray("reasons");
		request.getReasonCode().forEach(reason -> reasons.add(code("referral-reason", reason)));
		String notes = request.getNote().stream().map(Annotation::getText).collect(Collectors.joining("\n\n"));
		if (!notes.isBlank()) {
			body.put("notes", notes);
		}
		return body;
	}

	/** The person the request is for, contained in it. */
	Optional<Patient> containedPatient(ServiceRequest request) {
		return contained(request, request.getSubject(), Patient.class);
	}

	private String placeId(ServiceRequest request) {
		if (request.getPerformer().isEmpty()) {
			return null;
		}
		Reference performer = request.getPerformerFirstRep();
		List<Identifier> identifiers = contained(request, performer, HealthcareService.class)
			.map(HealthcareService::getIdentifier)
			.orElse(performer.hasIdentifier() ? List.of(performer.getIdentifier()) : List.of());
		return identifiers.stream()
			.filter(identifier -> FhirResources.PLACE_ID.equals(identifier.getSystem()))
			.map(Identifier::getValue)
			.findFirst()
			.orElse(null);
	}

	private ObjectNode person(Patient patient, ServiceRequest request) {
		ObjectNode person = JsonNodeFactory.instance.objectNode();
		if (patient.hasName()) {
			person.put("firstName", patient.getNameFirstRep().getGiven().isEmpty() ? null
					: patient.getNameFirstRep().getGiven().get(0).getValue());
			person.put("lastName", patient.getNameFirstRep().getFamily());
		}
		ObjectNode contact = person.putObject("contact");
		contact.put("method", "via-referrer");
		patient.getTelecom().stream().findFirst().ifPresent(telecom -> contact
			.put("method", telecom.getSystem() == ContactPoint.ContactPointSystem.SMS ? "text"
					: telecom.getSystem() == null ? null : telecom.getSystem().toCode())
			.put("value", telecom.getValue()));
		for (Address address : patient.getAddress()) {
			if (address.hasText() && !contact.has("value")) {
				contact.put("method", "post").put("value", address.getText());
			}
			else if (address.hasPostalCode()) {
				person.put("postcodeDistrict", address.getPostalCode());
			}
		}
		patient.getIdentifier()
			.stream()
			.filter(identifier -> FhirResources.NHS_NUMBER.equals(identifier.getSystem()))
			.findFirst()
			.ifPresent(identifier -> person.put("nhsNumber", identifier.getValue()));
		for (CodeableConcept detail : request.getOrderDetail()) {
			if (codes.isIn("age-band", detail)) {
				person.put("ageBand", code("age-band", detail));
			}
			ORDER_DETAILS.forEach((vocabulary, field) -> {
				if (codes.isIn(vocabulary, detail)) {
					(person.has(field) ? (ArrayNode) person.get(field) : person.putArray(field))
						.add(code(vocabulary, detail));
				}
			});
		}
		return person;
	}

	private ObjectNode consent(Consent consent) {
		ObjectNode details = JsonNodeFactory.instance.objectNode();
		details.put("given", consent.getStatus() == Consent.ConsentState.ACTIVE);
		consent.getCategory()
			.stream()
			.filter(category -> codes.isIn("consent-method", category))
			.findFirst()
			.ifPresent(category -> details.put("method", code("consent-method", category)));
		if (consent.hasPolicyRule()) {
			details.put("lawfulBasis", code("lawful-basis", consent.getPolicyRule()));
		}
		if (consent.hasDateTime()) {
			details.put("recordedAt", consent.getDateTime().toInstant().toString());
		}
		ArrayNode sharing = details.putArray("sharing");
		consent.getProvision().getCode().forEach(shared -> sharing.add(code("shared-with-host", shared)));
		return details;
	}

	/** The vocabulary's code, or what was sent as it is, for the intake to refuse in its words. */
	private String code(String vocabulary, CodeableConcept concept) {
		return codes.code(vocabulary, concept)
			.orElse(concept.getCoding().isEmpty() ? concept.getText() : concept.getCodingFirstRep().getCode());
	}

	/** A resource contained in the request that the reference points to ({@code #id}). */
	private static <T extends Resource> Optional<T> contained(ServiceRequest request, Reference reference,
			Class<T> type) {
		if (reference == null || !reference.hasReference() || !reference.getReference().startsWith("#")) {
			return Optional.empty();
		}
		String id = reference.getReference().substring(1);
		return request.getContained()
			.stream()
			.filter(type::isInstance)
			.filter(resource -> id.equals(resource.getIdElement().getIdPart().replaceFirst("^#", "")))
			.map(type::cast)
			.findFirst();
	}

	/** The same conditional create finds the same referral: its criteria, hashed, are its idempotency key. */
	private static String keyOf(String ifNoneExist) {
		if (ifNoneExist == null) {
			return null;
		}
		if (!ifNoneExist.matches("identifier=[^|\\s]+\\|[^\\s]+")) {
			throw new FhirProblems.InvalidParameter("If-None-Exist",
					"must be identifier=system|value, the request's business identifier");
		}
		try {
			return "if-none-exist:" + HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(ifNoneExist.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}

}
