package org.communityplaces.places.search;

import java.util.List;

import org.communityplaces.places.place.Freshness;
import org.communityplaces.places.taxonomy.Taxonomies;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Search for referrers: near a postcode or a point, words, kinds, activities, access needs,
 * when it is open, cost, room and age, with facet counts, in one query to the index. A caller
 * that shows no facet counts asks {@code facets=false} and the index does not count them.
 */
@RestController
class PlaceSearchController {

	private final PlaceIndex index;

	private final SearchTerms terms;

	private final Freshness freshness;

	PlaceSearchController(PlaceIndex index, SearchTerms terms, Freshness freshness) {
		this.index = index;
		this.terms = terms;
		this.freshness = freshness;
	}

	@GetMapping("/api/places/search")
	SearchResults search(@RequestParam(required = false) String q, @RequestParam(required = false) String postcode,
			@RequestParam(required = false) Double lat, @RequestParam(required = false) Double lon,
			@RequestParam(required = false) Double radius, @RequestParam(required = false) List<String> kind,
			@RequestParam(required = false) List<String> activity,
			@RequestParam(required = false) List<String> accessibility, @RequestParam(required = false) List<String> day,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Boolean free, @RequestParam(defaultValue = "false") boolean hasCapacity,
			@RequestParam(required = false) Integer age, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, @RequestParam(defaultValue = "true") boolean facets) {
		terms.page("page", page, "size", size);
		PlaceQuery query = PlaceQuery.builder()
			.text(SearchTerms.text("q", q))
			.near(terms.near("postcode", postcode, lat, lon, "radius", radius))
			.kinds(terms.kinds("kind", kind))
			.activities(terms.terms("activity", Taxonomies.ACTIVITY, activity))
			.accessibility(terms.terms("accessibility", Taxonomies.ACCESSIBILITY, accessibility))
			.open(terms.open("day", day, "from", from, "to", to, true))
			.free(free)
			.hasCapacity(hasCapacity)
			.age(terms.age("age", age))
			.listedOn(freshness.today())
			.page(page, size)
			.facets(facets)
			.build();
		return index.search(query).asOfToday(freshness);
	}

}
