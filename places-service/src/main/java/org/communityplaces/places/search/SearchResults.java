package org.communityplaces.places.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.communityplaces.places.place.Freshness;

/**
 * One page of hits, how many matched in all, and the facet counts over all of them. Each hit
 * says which of the search's words it matched, as they were written. A place without a position
 * (online, say) has no district, latitude or longitude; {@code free} is null when nobody has said what it costs.
 * Each hit says the day its listing was last checked, whether that was too long ago, and while
 * the place is closed, the day it opens again. {@code facets} is null, and left out of the JSON,
 * when the search did not ask for them.
 */
public record SearchResults(long total, int page, int size, List<Hit> hits,
		@JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Map<String, Integer>> facets) {

	/** These results as they stand today. */
	SearchResults asOfToday(Freshness freshness) {
		return new SearchResults(total, page, size, hits.stream().map(hit -> hit.asOfToday(freshness)).toList(), facets);
	}

	public record Hit(String id, String name, String kind, String postcodeDistrict, Double latitude, Double longitude,
			Double distanceMetres, List<String> activities, List<String> accessibility, Boolean free,
			Integer capacityAvailable, Integer capacityMaximum, List<String> matched, LocalDate lastChecked,
			LocalDate closedUntil, boolean notCheckedLately) {

		Hit asOfToday(Freshness freshness) {
			return new Hit(id, name, kind, postcodeDistrict, latitude, longitude, distanceMetres, activities,
					accessibility, free, capacityAvailable, capacityMaximum, matched, lastChecked,
					freshness.closedUntil(closedUntil), freshness.stale(lastChecked));
		}

	}

}
