package org.communityplaces.referrals.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * HAPI's validator on base R4 and the UK Core 2.0.2 profiles copied into the test resources
 * (see their NOTICE), offline: no terminology server, so SNOMED CT and this product's own code
 * systems cannot be checked, which the validator reports as warnings or information, not errors.
 */
final class UkCoreValidator {

	private static final FhirContext FHIR = FhirContext.forR4Cached();

	private static final FhirValidator VALIDATOR = validator();

	private UkCoreValidator() {
	}

	/** Every message the validator has about the resource, in FHIR JSON. */
	static List<SingleValidationMessage> messages(String json) {
		return VALIDATOR.validateWithResult(json).getMessages();
	}

	/** The errors and fatal errors only. */
	static List<String> errors(String json) {
		return messages(json).stream()
			.filter(message -> message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
			.map(message -> message.getLocationString() + ": " + message.getMessage())
			.toList();
	}

	private static FhirValidator validator() {
		PrePopulatedValidationSupport ukCore = new PrePopulatedValidationSupport(FHIR);
		try {
			for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:fhir/uk-core/*/*.xml")) {
				try (InputStream in = file.getInputStream()) {
					ukCore.addResource(FHIR.newXmlParser().parseResource(in));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR), ukCore,
				new SnapshotGeneratingValidationSupport(FHIR), new InMemoryTerminologyServerValidationSupport(FHIR),
				new CommonCodeSystemsTerminologyService(FHIR));
		FhirValidator validator = FHIR.newValidator();
		validator.registerValidatorModule(new FhirInstanceValidator(chain));
		return validator;
	}

}
