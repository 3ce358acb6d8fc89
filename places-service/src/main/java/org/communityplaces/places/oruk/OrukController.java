package org.communityplaces.places.oruk;

import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import org.communityplaces.places.place.Catalogue;
import org.communityplaces.places.place.Freshness;
import org.communityplaces.places.place.OpeningTime;
import org.communityplaces.places.place.Place;
import org.communityplaces.places.place.Weekday;
import org.communityplaces.places.search.PlaceIndex;
import org.communityplaces.places.search.PlaceQuery;
import org.communityplaces.places.search.SearchResults;
import org.communityplaces.places.search.SearchTerms;
import org.communityplaces.places.taxonomy.Taxonomy;
import org.communityplaces.places.taxonomy.TaxonomyTerm;
import org.communityplaces.places.taxonomy.Taxonomies;
import org.communityplaces.platform.input.PlainInput;
import org.communityplaces.platform.problem.Problem;

import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Open Referral UK 3.0 read API, open to anyone: councils, directories and apps can read
 * the catalogue without an account, from any site ({@link OpenToEveryOrigin}). Lists page as
 * the ORUK {@code Page} schema says.
 */
@RestController
@RequestMapping("/oruk")
class OrukController {

	static final String PROFILE = "https://openreferraluk.org/";

	private static final String TIME = "^" + OpeningTime.TIME + "$";

	/** ORUK lists start_time and end_time as filters of their own: a time without a day means any day. */
	private static final List<String> EVERY_DAY = Arrays.stream(Weekday.values()).map(Weekday::name).toList();

	private final PlaceIndex index;

	private final Catalogue catalogue;

	private final SearchTerms terms;

	private final Taxonomies taxonomies;

	private final OrukDocuments documents;

	private final PlainInput input;

	private final Freshness freshness;

	OrukController(PlaceIndex index, Catalogue catalogue, SearchTerms terms, Taxonomies taxonomies,
			OrukDocuments documents, PlainInput input, Freshness freshness) {
		this.freshness = freshness;
		this.index = index;
		this.catalogue = catalogue;
		this.terms = terms;
		this.taxonomies = taxonomies;
		this.documents = documents;
		this.input = input;
	}

	@GetMapping({ "", "/" })
	Map<String, Object> about() {
		return Map.of("version", "3.0", "profile", PROFILE, "openapi_url",
				"https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json");
	}

	/** Parameters as the ORUK spec names them: page, per_page, search, taxonomy_term_id, taxonomy_id, postcode, ... */
	@GetMapping("/services")
	@Parameters({ @Parameter(name = "page", in = ParameterIn.QUERY, schema = @Schema(type = "integer", minimum = "1")),
			@Parameter(name = "per_page", in = ParameterIn.QUERY,
					schema = @Schema(type = "integer", minimum = "1", maximum = "100")),
			@Parameter(name = "search", in = ParameterIn.QUERY, schema = @Schema(type = "string", maxLength = 100)),
			@Parameter(name = "taxonomy_term_id", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
			@Parameter(name = "taxonomy_id", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
			@Parameter(name = "postcode", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
			@Parameter(name = "proximity", in = ParameterIn.QUERY, description = "metres from the postcode",
					schema = @Schema(type = "number", maximum = "100000")),
			@Parameter(name = "minimum_age", in = ParameterIn.QUERY,
					schema = @Schema(type = "number", minimum = "0", maximum = "120")),
			@Parameter(name = "maximum_age", in = ParameterIn.QUERY,
					schema = @Schema(type = "number", minimum = "0", maximum = "120")),
			@Parameter(name = "day", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
			@Parameter(name = "start_time", in = ParameterIn.QUERY, schema = @Schema(type = "string", pattern = TIME)),
			@Parameter(name = "end_time", in = ParameterIn.QUERY, schema = @Schema(type = "string", pattern = TIME)),
			@Parameter(name = "modified_after", in = ParameterIn.QUERY,
					schema = @Schema(type = "string", format = "date-time")) })
	Map<String, Object> services(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
		SearchResults results = search(parameters);
		return page(results, inOrder(results, documents::serviceSummary));
	}

	@GetMapping("/services/{id}")
	Map<String, Object> service(@PathVariable String id) {
		return documents.service(listed(catalogue.get(id)));
	}

	@GetMapping("/service_at_locations")
	@Parameters({ @Parameter(name = "page", in = ParameterIn.QUERY, schema = @Schema(type = "integer", minimum = "1")),
			@Parameter(name = "per_page", in = ParameterIn.QUERY,
					schema = @Schema(type = "integer", minimum = "1", maximum = "100")),
			@Parameter(name = "search", in = ParameterIn.QUERY, schema = @Schema(type = "string", maxLength = 100)),
			@Parameter(name = "taxonomy_term_id", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
			@Parameter(name = "taxonomy_id", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
			@Parameter(name = "postcode", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
			@Parameter(name = "proximity", in = ParameterIn.QUERY, description = "metres from the postcode",
					schema = @Schema(type = "number", maximum = "100000")),
			@Parameter(name = "minimum_age", in = ParameterIn.QUERY,
					schema = @Schema(type = "number", minimum = "0", maximum = "120")),
			@Parameter(name = "maximum_age", in = ParameterIn.QUERY,
					schema = @Schema(type = "number", minimum = "0", maximum = "120")),
			@Parameter(name = "day", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
			@Parameter(name = "start_time", in = ParameterIn.QUERY, schema = @Schema(type = "string", pattern = TIME)),
			@Parameter(name = "end_time", in = ParameterIn.QUERY, schema = @Schema(type = "string", pattern = TIME)),
			@Parameter(name = "modified_after", in = ParameterIn.QUERY,
					schema = @Schema(type = "string", format = "date-time")) })
	Map<String, Object> serviceAtLocations(
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
		SearchResults results = search(parameters);
		return page(results, inOrder(results, documents::serviceAtLocationSummary));
	}

	@GetMapping("/service_at_locations/{id}")
	Map<String, Object> serviceAtLocation(@PathVariable String id) {
		return index.placeIdOfServiceAtLocation(id)
			.flatMap(catalogue::find)
			.filter(place -> freshness.listed(place.upkeep()))
			.map(documents::serviceAtLocation)
			.orElseThrow(() -> notFound("service at location"));
	}

	@GetMapping("/taxonomies")
	Map<String, Object> taxonomies(@RequestParam(defaultValue = "1") int page,
			@RequestParam(name = "per_page", defaultValue = "50") int perPage) {
		return listPage(taxonomies.taxonomies().stream().map(documents::taxonomy).toList(), page, perPage);
	}

	@GetMapping("/taxonomies/{id}")
	Map<String, Object> taxonomy(@PathVariable String id) {
		Taxonomy taxonomy = taxonomies.taxonomy(id).orElseThrow(() -> notFound("taxonomy"));
		Map<String, Object> document = documents.taxonomy(taxonomy);
		document.put("taxonomy_terms", taxonomy.terms().stream().map(documents::term).toList());
		return document;
	}

	@GetMapping("/taxonomy_terms")
	Map<String, Object> taxonomyTerms(@RequestParam(defaultValue = "1") int page,
			@RequestParam(name = "per_page", defaultValue = "50") int perPage,
			@RequestParam(name = "taxonomy_id", required = false) String taxonomyId) {
		List<TaxonomyTerm> all = taxonomies.terms();
		if (taxonomyId != null) {
			Taxonomy taxonomy = taxonomies.taxonomy(taxonomyId)
				.orElseThrow(() -> SearchTerms.invalid("taxonomy_id", "is not a taxonomy of this catalogue"));
			all = taxonomy.terms();
		}
		return listPage(all.stream().map(documents::term).toList(), page, perPage);
	}

	@GetMapping("/taxonomy_terms/{id}")
	Map<String, Object> taxonomyTerm(@PathVariable String id) {
		return documents.term(taxonomies.termById(id).orElseThrow(() -> notFound("taxonomy term")));
	}

	private SearchResults search(MultiValueMap<String, String> parameters) {
		int page = number(parameters, "page", 1);
		int perPage = number(parameters, "per_page", 50);
		List<String> taxonomyTermIds = parameters.get("taxonomy_term_id");
		String taxonomyId = parameters.getFirst("taxonomy_id");
		String postcode = parameters.getFirst("postcode");
		Double proximity = metres(parameters, "proximity");
		terms.page("page", page, "per_page", perPage);
		Set<String> termIds = new LinkedHashSet<>();
		if (taxonomyTermIds != null) {
			for (String termId : taxonomyTermIds) {
				taxonomies.termById(termId)
					.orElseThrow(() -> SearchTerms.invalid("taxonomy_term_id",
							"'" + termId + "' is not a term of this catalogue (see /taxonomy_terms)"));
				termIds.add(termId);
			}
		}
		if (taxonomyId != null) {
			Taxonomy taxonomy = taxonomies.taxonomy(taxonomyId)
				.orElseThrow(() -> SearchTerms.invalid("taxonomy_id", "is not a taxonomy of this catalogue"));
			taxonomy.terms().forEach(term -> termIds.add(term.id()));
		}
		if (proximity != null && (postcode == null || postcode.isBlank())) {
			throw SearchTerms.invalid("proximity", "needs a postcode to measure from");
		}
		String startTime = parameters.getFirst("start_time");
		String endTime = parameters.getFirst("end_time");
		List<String> days = parameters.get("day");
		if ((days == null || days.isEmpty()) && (startTime != null || endTime != null)) {
			days = EVERY_DAY;
		}
		PlaceQuery query = PlaceQuery.builder()
			.text(SearchTerms.text("search", parameters.getFirst("search")))
			.near(terms.near("postcode", postcode, null, null, "proximity", proximity))
			.termIds(termIds)
			.open(terms.open("day", days, "start_time", startTime, "end_time", endTime, false))
			.minimumAgeAtLeast(terms.age("minimum_age", parameters.getFirst("minimum_age"), RoundingMode.CEILING))
			.maximumAgeAtMost(terms.age("maximum_age", parameters.getFirst("maximum_age"), RoundingMode.FLOOR))
			.modifiedAfter(instant(parameters.getFirst("modified_after")))
			.anyStatus()
			.listedOn(freshness.today())
			.page(page, perPage)
			.build();
		return index.search(query);
	}

	/** A place whose listing starts on a later day is not published yet. */
	private Place listed(Place place) {
		if (!freshness.listed(place.upkeep())) {
			throw notFound("service");
		}
		return place;
	}

	private <T> List<T> inOrder(SearchResults results, Function<Place, T> document) {
		Map<String, Place> places = catalogue.findAll(results.hits().stream().map(SearchResults.Hit::id).toList())
			.stream()
			.collect(Collectors.toMap(Place::id, Function.identity()));
		return results.hits().stream().map(hit -> places.get(hit.id())).filter(Objects::nonNull)
			.map(document).toList();
	}

	private static Map<String, Object> page(SearchResults results, List<?> contents) {
		return page(results.total(), results.page(), results.size(), contents);
	}

	private Map<String, Object> listPage(List<?> all, int page, int perPage) {
		terms.page("page", page, "per_page", perPage);
		int from = (int) Math.min((long) (page - 1) * perPage, all.size());
		return page(all.size(), page, perPage, all.subList(from, Math.min(from + perPage, all.size())));
	}

	private static Map<String, Object> page(long total, int page, int perPage, List<?> contents) {
		long totalPages = Math.max(1, (total + perPage - 1) / perPage);
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("total_items", total);
		document.put("total_pages", totalPages);
		document.put("page_number", page);
		document.put("size", contents.size());
		document.put("first_page", page == 1);
		document.put("last_page", page >= totalPages);
		document.put("empty", contents.isEmpty());
		document.put("contents", contents);
		return document;
	}

	private static int number(MultiValueMap<String, String> parameters, String name, int otherwise) {
		Integer value = optionalNumber(parameters, name);
		return value == null ? otherwise : value;
	}

	/** A whole number written in decimal digits: no fraction, exponent, hexadecimal or trailing character. */
	private static Integer optionalNumber(MultiValueMap<String, String> parameters, String name) {
		String value = parameters.getFirst(name);
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!PlainInput.isDecimalInteger(value)) {
			throw SearchTerms.invalid(name, "must be a whole number");
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException tooLarge) {
			throw SearchTerms.invalid(name, "must be a whole number of at most " + Integer.MAX_VALUE);
		}
	}

	/** A distance in metres, in decimal digits with an optional fraction. */
	private static Double metres(MultiValueMap<String, String> parameters, String name) {
		String value = parameters.getFirst(name);
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!PlainInput.isDecimalNumber(value)) {
			throw SearchTerms.invalid(name, "must be a distance in metres such as 1500");
		}
		return Double.valueOf(value);
	}

	private Instant instant(String modifiedAfter) {
		if (modifiedAfter == null) {
			return null;
		}
		Instant instant;
		try {
			instant = Instant.parse(modifiedAfter);
		}
		catch (DateTimeParseException ex) {
			try {
				instant = LocalDate.parse(modifiedAfter).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			catch (DateTimeParseException notADate) {
				throw SearchTerms.invalid("modified_after", "must be a date-time such as 2026-11-01T00:00:00Z, or a date");
			}
		}
		if (!input.isWithinYears(instant)) {
			throw SearchTerms.invalid("modified_after", input.yearsReason());
		}
		return instant;
	}

	private static Problem notFound(String what) {
		return new Problem(HttpStatus.NOT_FOUND, "Not found", "There is no such " + what + ".");
	}

}
