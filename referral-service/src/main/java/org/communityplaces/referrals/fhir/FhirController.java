package org.communityplaces.referrals.fhir;

import java.net.URI;
import java.time.LocalDate;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.referrals.fhir.FhirReferrals.Kind;
import org.communityplaces.referrals.referral.Referral;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The FHIR R4 API, in FHIR's JSON. It is described by its CapabilityStatement at
 * {@code /fhir/metadata}, not in the OpenAPI document: FHIR callers read that, and are answered
 * with OperationOutcomes where the OpenAPI's operations answer problem+json.
 */
@Hidden
@RestController
@RequestMapping(path = "/fhir", produces = { "application/fhir+json", "application/json" })
class FhirController {

	private static final String FHIR_JSON = "application/fhir+json";

	private static final String IDEMPOTENCY_KEY = "must be up to 100 printable ASCII characters without spaces";

	private static final String ID = "[A-Za-z0-9\\-.]{1,64}";

	private final FhirReferrals referrals;

	private final FhirIntake intake;

	private final FhirCapabilities capabilities;

	private final FhirSearchParameters search;

	FhirController(FhirReferrals referrals, FhirIntake intake, FhirCapabilities capabilities,
			FhirSearchParameters search) {
		this.referrals = referrals;
		this.intake = intake;
		this.capabilities = capabilities;
		this.search = search;
	}

	@GetMapping("/metadata")
	ResponseEntity<String> metadata() {
		return fhir(capabilities.statement(base()));
	}

	@GetMapping("/ServiceRequest/{id:" + ID + "}")
	ResponseEntity<String> serviceRequest(Caller caller, @PathVariable String id) {
		return versioned(referrals.read(caller, Kind.SERVICE_REQUEST, id));
	}

	@GetMapping("/Task/{id:" + ID + "}")
	ResponseEntity<String> task(Caller caller, @PathVariable String id) {
		return versioned(referrals.read(caller, Kind.TASK, id));
	}

	@GetMapping("/ServiceRequest")
	ResponseEntity<String> searchServiceRequests(Caller caller, @RequestParam MultiValueMap<String, String> parameters) {
		return fhir(referrals.search(caller, search.read(Kind.SERVICE_REQUEST, parameters), self(), base()));
	}

	@GetMapping("/Task")
	ResponseEntity<String> searchTasks(Caller caller, @RequestParam MultiValueMap<String, String> parameters) {
		return fhir(referrals.search(caller, search.read(Kind.TASK, parameters), self(), base()));
	}

	@GetMapping("/$completed-referrals")
	ResponseEntity<String> completed(Caller caller, @RequestParam LocalDate start, @RequestParam LocalDate end) {
		return fhir(referrals.completed(caller, start, end, base()));
	}

	@PostMapping(path = "/ServiceRequest", consumes = { FHIR_JSON, "application/json" })
	ResponseEntity<String> create(Caller caller, @RequestBody String body,
			@RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 100,
					message = IDEMPOTENCY_KEY) @Pattern(regexp = "[\\x21-\\x7E]+", message = IDEMPOTENCY_KEY) String idempotencyKey,
			@RequestHeader(name = "If-None-Exist", required = false) @Size(max = 300,
					message = "must be at most 300 characters") String ifNoneExist) {
		ServiceRequest request = parse(body, ServiceRequest.class, "a ServiceRequest");
		return created(caller, intake.refer(caller, request, intake.containedPatient(request).orElse(null),
				idempotencyKey, ifNoneExist));
	}

	/** A transaction of the person and the request for them, made as the request with the person in it. */
	@PostMapping(consumes = { FHIR_JSON, "application/json" })
	ResponseEntity<String> transaction(Caller caller, @RequestBody String body,
			@RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 100,
					message = IDEMPOTENCY_KEY) @Pattern(regexp = "[\\x21-\\x7E]+", message = IDEMPOTENCY_KEY) String idempotencyKey) {
		FhirTransaction transaction = FhirTransaction.of(parse(body, Bundle.class, "a transaction Bundle"));
		Referral referral = intake.refer(caller, transaction.serviceRequest(), transaction.patient(), idempotencyKey,
				transaction.ifNoneExist());
		Resource made = referrals.shown(caller, referral, "make referral");
		return ResponseEntity.ok().contentType(FhirProblems.FHIR_JSON).body(encode(transaction.response(made)));
	}

	private ResponseEntity<String> created(Caller caller, Referral referral) {
		Resource made = referrals.shown(caller, referral, "make referral");
		return ResponseEntity.created(URI.create("/fhir/ServiceRequest/" + referral.id()))
			.eTag("W/\"" + referral.version() + "\"")
			.contentType(FhirProblems.FHIR_JSON)
			.body(encode(made));
	}

	private static <T extends IBaseResource> T parse(String body, Class<T> type, String expected) {
		IParser parser = FhirContext.forR4Cached().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
		IBaseResource resource = parser.parseResource(body);
		if (!type.isInstance(resource)) {
			throw new FhirProblems.WrongResource(expected);
		}
		return type.cast(resource);
	}

	private static ResponseEntity<String> versioned(Resource resource) {
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
		if (resource.getMeta().hasVersionId()) {
			answer.eTag("W/\"" + resource.getMeta().getVersionId() + "\"");
		}
		return answer.contentType(FhirProblems.FHIR_JSON).body(encode(resource));
	}

	private static ResponseEntity<String> fhir(IBaseResource resource) {
		return ResponseEntity.ok().contentType(FhirProblems.FHIR_JSON).body(encode(resource));
	}

	private static String encode(IBaseResource resource) {
		return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(resource);
	}

	private static String base() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/fhir").toUriString();
	}

	private static String self() {
		return ServletUriComponentsBuilder.fromCurrentRequest().toUriString();
	}

}
