package org.communityplaces.places.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The catalogue's taxonomies: place kinds, activities and accessibility. Term ids are UUIDs
 * derived from the taxonomy and term codes, so they stay the same on every instance and
 * every start, as ORUK consumers expect of {@code taxonomy_term_id}.
 */
@Component
public class Vocabulary {

	public static final String PLACE_KIND = "place-kind";

	public static final String ACTIVITY = "activity";

	public static final String ACCESSIBILITY = "accessibility";

	private static final String RESOURCE = "taxonomy/community-places.json";

	private final List<Taxonomy> taxonomies;

	private final Map<String, TaxonomyTerm> termsById = new LinkedHashMap<>();

	private final Map<String, TaxonomyTerm> termsByKey = new LinkedHashMap<>();

	public Vocabulary() {
		JsonNode root = read();
		List<Taxonomy> loaded = new ArrayList<>();
		for (JsonNode taxonomy : root.path("taxonomies")) {
			String taxonomyCode = taxonomy.path("code").asString();
			String taxonomyId = stableId("taxonomy", taxonomyCode);
			List<TaxonomyTerm> terms = new ArrayList<>();
			for (JsonNode term : taxonomy.path("terms")) {
				String code = term.path("code").asString();
				TaxonomyTerm loadedTerm = new TaxonomyTerm(stableId("term", taxonomyCode, code), code,
						term.path("name").asString(), term.path("description").asString(), taxonomyId, taxonomyCode);
				terms.add(loadedTerm);
				termsById.put(loadedTerm.id(), loadedTerm);
				termsByKey.put(taxonomyCode + "/" + code, loadedTerm);
			}
			loaded.add(new Taxonomy(taxonomyId, taxonomyCode, taxonomy.path("name").asString(),
					taxonomy.path("description").asString(), List.copyOf(terms)));
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

	/** A name-based (version 3) UUID, the same for the same parts on every machine. */
	public static String stableId(String... parts) {
		return UUID.nameUUIDFromBytes(String.join("/", parts).getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static JsonNode read() {
		try (InputStream in = Vocabulary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Missing taxonomy resource " + RESOURCE);
			}
			return JsonMapper.shared().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
