package org.communityplaces.referrals.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The contract's vocabularies as FHIR codes: each term in this product's own code system (one
 * per vocabulary, named by its code), with its words, and first its SNOMED CT concept where the
 * vocabulary file gives one. Codes only go where systems read them; people read the words.
 */
@Component
class FhirCodes {

	static final String SNOMED = "http://snomed.info/sct";

	/** Where this product names its own code systems and identifiers. */
	static final String BASE = "https://communityplaces.org/fhir/";

	private static final String VOCABULARIES = "contracts/vocabularies.json";

	/** The referral itself, as the {@code requested} status's SNOMED CT concept names it. */
	private final Coding referral;

	private final Map<String, Map<String, JsonNode>> terms = new LinkedHashMap<>();

	FhirCodes() {
		try (InputStream in = FhirCodes.class.getClassLoader().getResourceAsStream(VOCABULARIES)) {
			if (in == null) {
				throw new IllegalStateException("Missing contract resource " + VOCABULARIES);
			}
			for (JsonNode vocabulary : JsonMapper.builder().build().readTree(in).path("vocabularies")) {
				Map<String, JsonNode> byCode = new LinkedHashMap<>();
				vocabulary.path("terms").forEach(term -> byCode.put(term.path("code").asString(), term));
				terms.put(vocabulary.path("code").asString(), byCode);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read contract resource " + VOCABULARIES, ex);
		}
		JsonNode requested = terms.get("referral-status").get("requested").path("snomed");
		referral = new Coding(SNOMED, requested.path("code").asString(), requested.path("display").asString());
	}

	static String system(String vocabulary) {
		return BASE + "CodeSystem/" + vocabulary;
	}

	/** What a referral is: a referral to a social prescribing service. */
	Coding referral() {
		return referral.copy();
	}

	/** The term as a concept: its SNOMED CT coding first where it has one, then this product's, and its words. */
	CodeableConcept concept(String vocabulary, String code) {
		JsonNode term = terms.getOrDefault(vocabulary, Map.of()).get(code);
		CodeableConcept concept = new CodeableConcept();
		if (term == null) {
			concept.addCoding().setSystem(system(vocabulary)).setCode(code);
			return concept;
		}
		JsonNode snomed = term.path("snomed");
		if (snomed.isObject()) {
			concept.addCoding(new Coding(SNOMED, snomed.path("code").asString(), snomed.path("display").asString()));
		}
		String name = term.path("name").asString();
		concept.addCoding(new Coding(system(vocabulary), code, name));
		return concept.setText(name);
	}

	/** The words for a term, or the code itself when the vocabulary does not know it. */
	String words(String vocabulary, String code) {
		JsonNode term = terms.getOrDefault(vocabulary, Map.of()).get(code);
		return term == null ? code : term.path("name").asString();
	}

	/**
	 * The vocabulary's code a concept names: by this product's coding, else by a SNOMED CT concept
	 * one of its terms has; empty when it names none of them.
	 */
	Optional<String> code(String vocabulary, CodeableConcept concept) {
		for (Coding coding : concept.getCoding()) {
			if (system(vocabulary).equals(coding.getSystem())) {
				return Optional.ofNullable(coding.getCode());
			}
		}
		for (Coding coding : concept.getCoding()) {
			if (SNOMED.equals(coding.getSystem())) {
				Optional<String> known = terms.getOrDefault(vocabulary, Map.of())
					.values()
					.stream()
					.filter(term -> term.path("snomed").path("code").asString("").equals(coding.getCode()))
					.map(term -> term.path("code").asString())
					.findFirst();
				if (known.isPresent()) {
					return known;
				}
			}
		}
		return Optional.empty();
	}

	/** Whether the concept is coded in this vocabulary's own code system. */
	boolean isIn(String vocabulary, CodeableConcept concept) {
		return concept.getCoding().stream().anyMatch(coding -> system(vocabulary).equals(coding.getSystem()));
	}

}
