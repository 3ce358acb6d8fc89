package org.communityplaces.places.taxonomy;

import java.util.List;

/** A vocabulary of terms, as HSDS's {@code taxonomy}. */
public record Taxonomy(String id, String code, String name, String description, List<TaxonomyTerm> terms) {
}
