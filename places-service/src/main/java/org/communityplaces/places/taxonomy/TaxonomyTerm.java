package org.communityplaces.places.taxonomy;

/** One term of a taxonomy, as HSDS's {@code taxonomy_term}; {@code code} is what the APIs accept. */
public record TaxonomyTerm(String id, String code, String name, String description, String taxonomyId,
		String taxonomyCode) {
}
