package org.communityplaces.referrals.fhir;

import java.util.List;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * A transaction Bundle that makes a referral: one Patient and one ServiceRequest whose subject is
 * that Patient's fullUrl, both POSTed. The person is kept with the referral, as a referral made
 * with the ServiceRequest alone keeps them, so the answer locates the ServiceRequest only.
 *
 * @param ifNoneExist the ServiceRequest entry's conditional create, or null
 * @param requestFirst whether the ServiceRequest's entry came before the Patient's
 */
record FhirTransaction(Patient patient, ServiceRequest serviceRequest, String ifNoneExist, boolean requestFirst) {

	private static final String SHAPE = "a transaction Bundle of one Patient and one ServiceRequest whose subject "
			+ "is the Patient's fullUrl, both with request.method POST";

	static FhirTransaction of(Bundle bundle) {
		List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
		if (bundle.getType() != Bundle.BundleType.TRANSACTION || entries.size() != 2 || entries.stream()
			.anyMatch(entry -> entry.getRequest().getMethod() != Bundle.HTTPVerb.POST)) {
			throw new FhirProblems.WrongResource(SHAPE);
		}
		Bundle.BundleEntryComponent person = entries.stream()
			.filter(entry -> entry.getResource() instanceof Patient)
			.findFirst()
			.orElseThrow(() -> new FhirProblems.WrongResource(SHAPE));
		Bundle.BundleEntryComponent request = entries.stream()
			.filter(entry -> entry.getResource() instanceof ServiceRequest)
			.findFirst()
			.orElseThrow(() -> new FhirProblems.WrongResource(SHAPE));
		ServiceRequest serviceRequest = (ServiceRequest) request.getResource();
		if (!person.hasFullUrl() || !person.getFullUrl().equals(serviceRequest.getSubject().getReference())) {
			throw new FhirProblems.WrongResource(SHAPE);
		}
		return new FhirTransaction((Patient) person.getResource(), serviceRequest,
				request.getRequest().hasIfNoneExist() ? request.getRequest().getIfNoneExist() : null,
				entries.indexOf(request) == 0);
	}

	/** The transaction's answer, entry for entry: both made, the ServiceRequest as it is now. */
	Bundle response(Resource made) {
		Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
		Bundle.BundleEntryComponent person = new Bundle.BundleEntryComponent();
		person.getResponse().setStatus("201 Created");
		Bundle.BundleEntryComponent request = new Bundle.BundleEntryComponent().setResource(made);
		request.getResponse()
			.setStatus("201 Created")
			.setLocation("ServiceRequest/" + made.getIdPart() + "/_history/" + made.getMeta().getVersionId());
		response.addEntry(requestFirst ? request : person);
		response.addEntry(requestFirst ? person : request);
		return response;
	}

}
