package org.communityplaces.places.taxonomy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.communityplaces.contracts.Vocabularies;

import org.springframework.stereotype.Component;

/**
 * The catalogue's taxonomies (place kinds, activities and accessibility) as HSDS taxonomies:
 * the contract's vocabularies of those codes, with ids. Term ids are UUIDs derived from the
 * taxonomy and term codes, so they stay the same on every instance and every start, as ORUK
 * consumers expect of {@code taxonomy_term_id}. Every term's name, a place kind's included, is
 * made here from the vocabulary.
 */
@Component
public class Taxonomies {

	public static final String PLACE_KIND = "place-kind";

	public static final String ACTIVITY = "activity";

	public static final String ACCESSIBILITY = "accessibility";

	private final List<Taxonomy> taxonomies;

	private final Map<String, TaxonomyTerm> termsById = new LinkedHashMap<>();

	private final Map<String, TaxonomyTerm> termsByKey = new LinkedHashMap<>();

	public Taxonomies() {
		Vocabularies vocabularies = Vocabularies.load();
		List<Taxonomy> loaded = new ArrayList<>();
		for (String taxonomyCode : List.of(PLACE_KIND, ACTIVITY, ACCESSIBILITY)) {
			Vocabularies.Vocabulary vocabulary = vocabularies.get(taxonomyCode);
			String taxonomyId = stableId("taxonomy", taxonomyCode);
			List<TaxonomyTerm> terms = new ArrayList<>();
			for (Vocabularies.Term term : vocabulary.terms()) {
				TaxonomyTerm loadedTerm = new TaxonomyTerm(stableId("term", taxonomyCode, term.code()), term.code(),
						term.name(), term.description(), taxonomyId, taxonomyCode);
				terms.add(loadedTerm);
				termsById.put(loadedTerm.id(), loadedTerm);
				termsByKey.put(taxonomyCode + "/" + term.code(), loadedTerm);
			}
			loaded.add(new Taxonomy(taxonomyId, taxonomyCode, vocabulary.name(), vocabulary.description(),
					List.copyOf(terms)));
		}
		this.taxonomies = List.copyOf(loaded);
	}

	public List<Taxonomy> taxonomies() {
		return taxonomies;
	}

	public Optional<Taxonomy> taxonomy(String id) {
		return taxonomies.stream().filter(taxonomy -> taxonomy.id().equals(id)).findFirst();
	}

	public List<TaxonomyTerm> terms() {
		return List.copyOf(termsById.values());
	}

	public Optional<TaxonomyTerm> termById(String id) {
		return Optional.ofNullable(termsById.get(id));
	}

	public Optional<TaxonomyTerm> term(String taxonomyCode, String code) {
		return Optional.ofNullable(termsByKey.get(taxonomyCode + "/" + code));
	}

	public boolean hasTerm(String taxonomyCode, String code) {
		return termsByKey.containsKey(taxonomyCode + "/" + code);
	}

	/** The name people read for a term, such as "Community group" for the place kind {@code community-group}. */
	public String name(String taxonomyCode, String code) {
		return term(taxonomyCode, code).map(TaxonomyTerm::name).orElse(code);
	}

	/** Codes as a sentence offers them: {@code pub, shop or community-group}. */
	public static String alternatives(List<String> codes) {
		int last = codes.size() - 1;
		return last < 1 ? String.join("", codes) : String.join(", ", codes.subList(0, last)) + " or " + codes.get(last);
	}

	/** A name-based (version 3) UUID, the same for the same parts on every machine. */
	public static String stableId(String... parts) {
		return UUID.nameUUIDFromBytes(String.join("/", parts).getBytes(StandardCharsets.UTF_8)).toString();
	}

}
