package org.communityplaces.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every coded vocabulary of the product (place kinds, activities, accessibility, referral
 * reasons, needs, age bands, contact and consent methods, lawful bases, statuses and decision
 * reasons), defined once in {@code contracts/vocabularies.json}. Services validate against it
 * and offer its terms to forms; event schemas that enumerate the same codes are checked
 * against it by the contract's tests.
 */
public final class Vocabularies {

	private static final String RESOURCE = "contracts/vocabularies.json";

	private final Map<String, Vocabulary> byCode;

	private Vocabularies(Map<String, Vocabulary> byCode) {
		this.byCode = byCode;
	}

	public static Vocabularies load() {
		try (InputStream in = Vocabularies.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Missing contract resource " + RESOURCE);
			}
			Map<String, Vocabulary> vocabularies = new LinkedHashMap<>();
			for (JsonNode node : new ObjectMapper().readTree(in).path("vocabularies")) {
				List<Term> terms = new ArrayList<>();
				node.path("terms")
					.forEach(term -> terms.add(new Term(term.path("code").asText(), term.path("name").asText(),
							term.hasNonNull("description") ? term.path("description").asText() : null)));
				List<String> events = new ArrayList<>();
				node.path("usedInEvents").forEach(pointer -> events.add(pointer.asText()));
				Vocabulary vocabulary = new Vocabulary(node.path("code").asText(), node.path("name").asText(),
						node.path("description").asText(), List.copyOf(terms), List.copyOf(events));
				vocabularies.put(vocabulary.code(), vocabulary);
			}
			return new Vocabularies(Collections.unmodifiableMap(vocabularies));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read contract resource " + RESOURCE, ex);
		}
	}

	/** Every vocabulary, in the file's order. */
	public List<Vocabulary> all() {
		return List.copyOf(byCode.values());
	}

	/** The vocabulary with this code, such as {@code reject-reason}; an unknown code is a programming error. */
	public Vocabulary get(String code) {
		Vocabulary vocabulary = byCode.get(code);
		if (vocabulary == null) {
			throw new IllegalArgumentException("The contract has no vocabulary " + code);
		}
		return vocabulary;
	}

	/**
	 * One vocabulary.
	 * @param usedInEvents the event schema enums that must list exactly these codes, as
	 * {@code EventType#/json/pointer}
	 */
	public record Vocabulary(String code, String name, String description, List<Term> terms,
			List<String> usedInEvents) {

		public List<String> codes() {
			return terms.stream().map(Term::code).toList();
		}

		public boolean has(String termCode) {
			return term(termCode).isPresent();
		}

		public Optional<Term> term(String termCode) {
			return terms.stream().filter(term -> term.code().equals(termCode)).findFirst();
		}

		/** The term's plain-English name; the code itself when it is not a term. */
		public String label(String termCode) {
			return term(termCode).map(Term::name).orElse(termCode);
		}

	}

	/** A code, its plain-English name, and what it means where that needs saying. */
	public record Term(String code, String name, String description) {
	}

}
