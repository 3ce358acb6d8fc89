package org.communityplaces.places.search;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.communityplaces.places.geo.Postcodes;
import org.communityplaces.places.place.OpeningTime;
import org.communityplaces.places.place.PlaceKind;
import org.communityplaces.places.place.Weekday;
import org.communityplaces.places.search.PlaceQuery.Near;
import org.communityplaces.places.search.PlaceQuery.OpenWindow;
import org.communityplaces.places.taxonomy.Taxonomies;
import org.communityplaces.platform.input.PlainInput;
import org.communityplaces.platform.problem.Problem;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Turns the words of a search request (a postcode, a radius, day names, term codes) into the
 * parts of a {@link PlaceQuery}, or into a 400 that names the parameter to fix. Both the
 * referrers' search and the ORUK API read their parameters through it.
 */
@Component
public class SearchTerms {

	public static final int MAX_PAGE_SIZE = 100;

	/** Deeper pages than this are a crawl, not a search: ORUK's modified_after serves that. */
	public static final int MAX_RESULT_WINDOW = 10_000;

	public static final double MAX_RADIUS_METRES = 100_000;

	public static final double DEFAULT_RADIUS_METRES = 5_000;

	/**
	 * Search text is bounded before it reaches the index, so that no request can build a query
	 * past Lucene's clause limit or an automaton too large to build: at most this many
	 * characters (so at most this many tokens), {@link #MAX_WORDS} words and
	 * {@link #MAX_WORD_LENGTH} characters in a word (a fuzzy or prefix term is one word).
	 */
	static final int MAX_TEXT_LENGTH = 100;

	static final int MAX_WORDS = 12;

	static final int MAX_WORD_LENGTH = 40;

	private static final BigDecimal OLDEST = BigDecimal.valueOf(120);

	/** Words are parted by spaces and commas, as a search for several interests is written. */
	private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s,]+");

	private final Postcodes postcodes;

	private final Taxonomies taxonomies;

	SearchTerms(Postcodes postcodes, Taxonomies taxonomies) {
		this.postcodes = postcodes;
		this.taxonomies = taxonomies;
	}

	/** @return where to search around, or null when neither a postcode nor coordinates were given */
	public Near near(String postcodeParameter, String postcode, Double latitude, Double longitude,
			String radiusParameter, Double radiusMetres) {
		if (radiusMetres != null && !(radiusMetres > 0 && radiusMetres <= MAX_RADIUS_METRES)) {
			throw invalid(radiusParameter, "must be more than 0 and at most " + (int) MAX_RADIUS_METRES + " metres");
		}
		double radius = radiusMetres == null ? DEFAULT_RADIUS_METRES : radiusMetres;
		if (postcode != null && !postcode.isBlank()) {
			if (latitude != null || longitude != null) {
				throw invalid(postcodeParameter, "give a postcode or latitude and longitude, not both");
			}
			Postcodes.Located located = postcodes.locate(postcode)
				.orElseThrow(() -> invalid(postcodeParameter, "is not a known UK postcode or postcode district"));
			return new Near(located.latitude(), located.longitude(), radius);
		}
		if (latitude == null && longitude == null) {
			if (radiusMetres != null) {
				throw invalid(radiusParameter, "needs a postcode or latitude and longitude to measure from");
			}
			return null;
		}
		if (latitude == null || longitude == null) {
			throw invalid(latitude == null ? "lat" : "lon", "latitude and longitude go together: give both");
		}
		if (latitude < -90 || latitude > 90 || latitude.isNaN()) {
			throw invalid("lat", "must be between -90 and 90");
		}
		if (longitude < -180 || longitude > 180 || longitude.isNaN()) {
			throw invalid("lon", "must be between -180 and 180");
		}
		return new Near(latitude, longitude, radius);
	}

	/** @return the words to search for, stripped, or null when there are none */
	public static String text(String parameter, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String stripped = text.strip();
		if (stripped.length() > MAX_TEXT_LENGTH) {
			throw invalid(parameter, "must be at most " + MAX_TEXT_LENGTH + " characters");
		}
		if (PlainInput.hasControlCharacter(stripped)) {
			throw invalid(parameter, "must not contain control characters");
		}
		List<String> words = Arrays.stream(WORD_SEPARATORS.split(stripped)).filter(word -> !word.isEmpty()).toList();
		if (words.size() > MAX_WORDS) {
			throw invalid(parameter, "must be at most " + MAX_WORDS + " words");
		}
		for (String word : words) {
			if (word.length() > MAX_WORD_LENGTH) {
				throw invalid(parameter, "must not have a word longer than " + MAX_WORD_LENGTH + " characters");
			}
		}
		return stripped;
	}

	/** @return the window, or null when no day was asked for */
	public OpenWindow open(String dayParameter, List<String> days, String fromParameter, String from,
			String toParameter, String to, boolean overlaps) {
		if (days == null || days.isEmpty()) {
			if (from != null || to != null) {
				throw invalid(dayParameter, "is needed with a start or end time");
			}
			return null;
		}
		List<Weekday> weekdays = new ArrayList<>();
		for (String day : split(days)) {
			weekdays.add(weekday(day).orElseThrow(() -> invalid(dayParameter,
					"'" + day + "' is not a day: use MO, TU, WE, TH, FR, SA, SU or a day's name")));
		}
		int fromMinute = from == null ? 0 : minuteOfDay(fromParameter, from);
		int toMinute = to == null ? 24 * 60 : minuteOfDay(toParameter, to);
		if (toMinute <= fromMinute) {
			throw invalid(toParameter, "must be after " + fromParameter);
		}
		return new OpenWindow(List.copyOf(new LinkedHashSet<>(weekdays)), fromMinute, toMinute, overlaps);
	}

	public Set<PlaceKind> kinds(String parameter, List<String> kinds) {
		Set<PlaceKind> parsed = new LinkedHashSet<>();
		for (String kind : split(kinds)) {
			parsed.add(PlaceKind.ofCode(kind).orElseThrow(
					() -> invalid(parameter, "'" + kind + "' is not a place kind: use " + PlaceKind.alternatives())));
		}
		return parsed;
	}

	public Set<String> terms(String parameter, String taxonomy, List<String> codes) {
		Set<String> parsed = new LinkedHashSet<>();
		for (String code : split(codes)) {
			if (!taxonomies.hasTerm(taxonomy, code)) {
				throw invalid(parameter, "'" + code + "' is not a term of the " + taxonomy
						+ " taxonomy (see /taxonomy_terms)");
			}
			parsed.add(code);
		}
		return parsed;
	}

	public void page(String pageParameter, int page, String sizeParameter, int size) {
		if (page < 1) {
			throw invalid(pageParameter, "must be 1 or more");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw invalid(sizeParameter, "must be between 1 and " + MAX_PAGE_SIZE);
		}
		if ((long) page * size > MAX_RESULT_WINDOW) {
			throw invalid(pageParameter, "goes past the first " + MAX_RESULT_WINDOW + " results; narrow the search");
		}
	}

	public Integer age(String parameter, Integer age) {
		return age == null ? null : age(parameter, BigDecimal.valueOf(age), RoundingMode.UNNECESSARY);
	}

	/**
	 * An age written as a number, in decimal digits with an optional fraction (as ORUK types
	 * it), taken as the whole years it allows: rounded up for a lowest age (17.5 is 18), down
	 * for a highest (17.5 is 17).
	 */
	public Integer age(String parameter, String value, RoundingMode wholeYears) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!PlainInput.isDecimalNumber(value)) {
			throw invalid(parameter, "must be an age in years such as 18");
		}
		return age(parameter, new BigDecimal(value), wholeYears);
	}

	private static Integer age(String parameter, BigDecimal years, RoundingMode wholeYears) {
		if (years.signum() < 0 || years.compareTo(OLDEST) > 0) {
			throw invalid(parameter, "must be between 0 and " + OLDEST);
		}
		return years.setScale(0, wholeYears).intValueExact();
	}

	public static Problem invalid(String parameter, String message) {
		return new Problem(HttpStatus.BAD_REQUEST, "Invalid search", parameter + " " + message + ".", parameter,
				message);
	}

	private static List<String> split(List<String> values) {
		List<String> split = new ArrayList<>();
		if (values != null) {
			values.forEach(value -> {
				for (String part : value.split(",")) {
					if (!part.isBlank()) {
						split.add(part.strip());
					}
				}
			});
		}
		return split;
	}

	private static Optional<Weekday> weekday(String day) {
		String upper = day.toUpperCase(Locale.ROOT);
		for (Weekday weekday : Weekday.values()) {
			if (weekday.name().equals(upper) || weekday.dayOfWeek().name().equals(upper)) {
				return Optional.of(weekday);
			}
		}
		return Optional.empty();
	}

	private static int minuteOfDay(String parameter, String time) {
		if (!time.matches(OpeningTime.TIME)) {
			throw invalid(parameter, "must be a time as HH:mm");
		}
		LocalTime parsed = LocalTime.parse(time);
		return parsed.getHour() * 60 + parsed.getMinute();
	}

}
