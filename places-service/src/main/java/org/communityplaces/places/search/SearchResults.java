package org.communityplaces.places.search;

import java.util.List;
import java.util.Map;

/**
 * One page of hits, how many matched in all, and the facet counts over all of them. Each hit
 * says which of the search's words it matched, as they were written. A place without a position
 * (online, say) has no district, latitude or longitude; {@code free} is null when nobody has said what it costs.
 */
public record SearchResults(long total, int page, int size, List<Hit> hits, Map<String, Map<String, Integer>> facets) {

	public record Hit(String id, String name, String kind, String postcodeDistrict, Double latitude, Double longitude,
			Double distanceMetres, List<String> activities, List<String> accessibility, Boolean free,
			Integer capacityAvailable, Integer capacityMaximum, List<String> matched) {
	}

}
