package org.communityplaces.places.imports;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.Validator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.communityplaces.places.geo.Postcodes;
import org.communityplaces.places.place.Attendance;
import org.communityplaces.places.place.Catalogue;
import org.communityplaces.places.place.OpeningTime;
import org.communityplaces.places.place.PlaceDetails;
import org.communityplaces.places.place.PlaceDetails.AddressDetails;
import org.communityplaces.places.place.PlaceDetails.CapacityDetails;
import org.communityplaces.places.place.PlaceDetails.CostDetails;
import org.communityplaces.places.place.PlaceDetails.HostDetails;
import org.communityplaces.places.place.PlaceDetails.OrganizationDetails;
import org.communityplaces.places.place.PlaceKind;
import org.communityplaces.places.place.PlaceStatus;
import org.communityplaces.places.place.Weekday;
import org.communityplaces.places.taxonomy.TaxonomyTerm;
import org.communityplaces.places.taxonomy.Taxonomies;
import org.communityplaces.platform.problem.Problem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Loads places in bulk from a CSV file or an Open Referral (HSDS/ORUK 3.0) JSON feed, as
 * upserts by id: running the same file twice changes nothing. Each row is checked in full and
 * stored in one write, or turned down while the good rows are kept. Real directories have gaps:
 * a service with no street address comes in with what it has (a postcode, coordinates, or
 * "online" or "various places"), a session that cannot be right is left out, and a row with no
 * cost information stays "cost unknown"; each such row is reported with a warning. Everything
 * said about a row is in one line of the report, named by the file's own id.
 */
@Component
class CatalogueImport {

	static final List<String> CSV_COLUMNS = List.of("id", "name", "description", "kind", "organization", "activities",
			"accessibility", "address", "city", "postcode", "latitude", "longitude", "opening_times", "free",
			"cost_amount", "cost_description", "minimum_age", "maximum_age", "host_name", "host_email", "host_phone",
			"capacity_available", "capacity_maximum", "status");

	private static final Set<String> REQUIRED_COLUMNS = Set.of("name", "kind", "organization", "address", "city",
			"postcode", "host_email");

	/** A file's own id: printable, no spaces (old directories' ids have '/', ':' or '.'). */
	private static final Pattern ID = Pattern.compile("[!-~]{1,100}");

	/** A time as a cell or a feed may write it: {@code 9:30}, {@code 09:30}, {@code 09:30:00}, {@code 09:30Z}, {@code 09:30:00+01:00}. */
	private static final Pattern TIME = Pattern.compile("([01]?[0-9]|2[0-3]):([0-5][0-9])(:00)?(Z|[+-][01][0-9]:[0-5][0-9])?");

	/** One weekly session as written in a cell: {@code MO,TU 10:00-12:00}. */
	private static final Pattern SESSION = Pattern.compile("^([A-Za-z, ]+?)\\s+(\\S+)\\s*-\\s*(\\S+)$");

	/** What directories write in the address of a service that meets online. */
	private static final Pattern ONLINE = Pattern.compile("(?i)(online|virtual|remote|by (zoom|video|phone))( only| sessions?)?");

	/** What directories write in the address of a service that meets somewhere different each time. */
	private static final Pattern VARIOUS = Pattern.compile("(?i)(various|varies|different|multiple|several)( places| locations| venues| sites)?( across .*)?");

	private final Catalogue catalogue;

	private final Validator validator;

	private final Taxonomies taxonomies;

	private final Postcodes postcodes;

	CatalogueImport(Catalogue catalogue, Validator validator, Taxonomies taxonomies, Postcodes postcodes) {
		this.catalogue = catalogue;
		this.validator = validator;
		this.taxonomies = taxonomies;
		this.postcodes = postcodes;
	}

	/** The whole file is read before the first row is stored, so a file that turns out unreadable changes nothing. */
	ImportReport csv(Reader csv) {
		Map<Integer, CSVRecord> rows = new LinkedHashMap<>();
		try (CSVParser parser = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.get()
			.parse(csv)) {
			if (parser.getHeaderNames().isEmpty()) {
				throw unreadable("CSV", "it is empty");
			}
			if (!String.join("", parser.getHeaderNames()).matches("\\P{Cc}*")) {
				throw unreadable("CSV", "its first line has control characters, so it is not a header of column names");
			}
			List<String> missing = REQUIRED_COLUMNS.stream()
				.filter(column -> !parser.getHeaderMap().containsKey(column))
				.sorted()
				.toList();
			if (!missing.isEmpty()) {
				throw new Problem(HttpStatus.BAD_REQUEST, "Invalid import", "The CSV header lacks the column(s) "
						+ String.join(", ", missing) + ". Expected columns: " + String.join(",", CSV_COLUMNS) + ".");
			}
			for (CSVRecord record : parser) {
				rows.put((int) parser.getCurrentLineNumber(), record);
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException ex) {
			throw unreadable("CSV", reason(ex));
		}
		if (rows.isEmpty()) {
			throw new Problem(HttpStatus.BAD_REQUEST, "Invalid import", "The CSV file has a header but no rows to import.");
		}
		Tally tally = new Tally();
		rows.forEach((line, record) -> {
			RowProblems problems = new RowProblems(line, null, cell(record, "id"));
			String id = csvId(record, problems);
			tally.add(id, details(record, problems), problems);
		});
		return tally.report();
	}

	/** An array of services, or an ORUK page whose {@code contents} are services. */
	ImportReport feed(Reader json) {
		JsonNode root;
		try {
			root = JsonMapper.shared().readTree(json);
		}
		catch (JacksonException | UncheckedIOException ex) {
			throw unreadable("JSON", reason(ex));
		}
		if (root == null || root.isMissingNode()) {
			throw unreadable("JSON", "it is empty");
		}
		JsonNode services = root.isObject() ? root.path("contents") : root;
		if (!services.isArray()) {
			throw new Problem(HttpStatus.BAD_REQUEST, "Invalid import",
					"The feed must be an array of services or an ORUK page with a contents array.");
		}
		if (services.isEmpty()) {
			throw new Problem(HttpStatus.BAD_REQUEST, "Invalid import", "The feed has no services to import.");
		}
		List<JsonNode> each = new ArrayList<>();
		services.forEach(each::add);
		return services(each);
	}

	/** Services as an ORUK feed gives them, each a row of the report by its place in the list. */
	ImportReport services(List<JsonNode> services) {
		Tally tally = new Tally();
		for (int i = 0; i < services.size(); i++) {
			JsonNode service = services.get(i);
			JsonNode idNode = service.path("id");
			String id = idNode.isIntegralNumber() ? idNode.asString() : text(service, "id");
			RowProblems problems = new RowProblems(null, i + 1, id);
			if (id == null || !ID.matcher(id).matches()) {
				problems.refuse("id: every service needs an id of up to 100 characters, without spaces");
			}
			tally.add(id == null ? null : placeId(id), details(service, problems), problems);
		}
		return tally.report();
	}

	private PlaceDetails details(CSVRecord row, RowProblems problems) {
		Double latitude = decimal("latitude", cell(row, "latitude"), problems);
		Double longitude = decimal("longitude", cell(row, "longitude"), problems);
		return new PlaceDetails(cell(row, "name"), cell(row, "description"), kind(cell(row, "kind"), problems),
				new OrganizationDetails(cell(row, "organization"), null),
				terms(Taxonomies.ACTIVITY, "activities", list(cell(row, "activities")), problems),
				terms(Taxonomies.ACCESSIBILITY, "accessibility", list(cell(row, "accessibility")), problems),
				address(cell(row, "address"), cell(row, "city"), cell(row, "postcode"),
						latitude != null && longitude != null, false, problems),
				latitude, longitude, sessions(cell(row, "opening_times"), problems),
				cost(cell(row, "free"), amount(cell(row, "cost_amount"), problems), cell(row, "cost_description"),
						problems),
				integer("minimum_age", cell(row, "minimum_age"), problems),
				integer("maximum_age", cell(row, "maximum_age"), problems),
				new HostDetails(cell(row, "host_name"), cell(row, "host_email"), cell(row, "host_phone")),
				capacity(integer("capacity_available", cell(row, "capacity_available"), problems),
						integer("capacity_maximum", cell(row, "capacity_maximum"), problems)),
				status(cell(row, "status"), problems));
	}

	private PlaceDetails details(JsonNode service, RowProblems problems) {
		JsonNode location = service.path("service_at_locations").path(0).path("location");
		JsonNode address = location.path("addresses").path(0);
		List<String> activities = new ArrayList<>();
		List<String> accessibility = new ArrayList<>();
		PlaceKind kind = null;
		for (JsonNode attribute : service.path("attributes")) {
			TaxonomyTerm term = term(attribute.path("taxonomy_term"));
			if (term == null) {
				continue;
			}
			switch (term.taxonomyCode()) {
				case Taxonomies.PLACE_KIND -> kind = kind(term.code(), problems);
				case Taxonomies.ACTIVITY -> activities.add(term.code());
				case Taxonomies.ACCESSIBILITY -> accessibility.add(term.code());
				default -> {
				}
			}
		}
		if (kind == null && !problems.refused("kind")) {
			problems.refuse("attributes: no place-kind taxonomy term (" + PlaceKind.alternatives() + ")");
		}
		List<OpeningTime> sessions = new ArrayList<>();
		JsonNode schedules = service.path("schedules");
		for (int i = 0; i < schedules.size(); i++) {
			JsonNode schedule = schedules.get(i);
			String opens = text(schedule, "opens_at");
			String closes = text(schedule, "closes_at");
			String written = "schedules[" + i + "] ('" + text(schedule, "byday") + " " + opens + "-" + closes + "')";
			session(written, text(schedule, "byday"), opens, closes, text(schedule, "description"), problems)
				.ifPresent(sessions::add);
		}
		Double latitude = location.path("latitude").isNumber() ? location.path("latitude").doubleValue() : null;
		Double longitude = location.path("longitude").isNumber() ? location.path("longitude").doubleValue() : null;
		JsonNode cost = service.path("cost_options").path(0);
		BigDecimal amount = cost.path("amount").isNumber() ? cost.path("amount").decimalValue() : null;
		JsonNode contact = service.path("contacts").path(0);
		String email = text(service, "email") != null ? text(service, "email") : text(contact, "email");
		JsonNode capacity = service.path("capacities").path(0);
		return new PlaceDetails(text(service, "name"), text(service, "description"), kind,
				new OrganizationDetails(text(service.path("organization"), "name"),
						text(service.path("organization"), "description")),
				activities, accessibility,
				address(text(address, "address_1"), text(address, "city"), text(address, "postal_code"),
						latitude != null && longitude != null, "virtual".equals(text(location, "location_type")),
						problems),
				latitude, longitude, sessions, cost(null, amount, text(cost, "option"), problems),
				wholeNumber("minimum_age", service.path("minimum_age"), problems),
				wholeNumber("maximum_age", service.path("maximum_age"), problems),
				new HostDetails(text(contact, "name"), email, null),
				capacity(wholeNumber("capacities[0].available", capacity.path("available"), problems),
						wholeNumber("capacities[0].maximum", capacity.path("maximum"), problems)),
				status(text(service, "status"), problems));
	}

	/**
	 * As much of the address as the row has. A place met in person needs a postcode or
	 * coordinates to be found by distance; one that meets online or in various places is found by
	 * its words, and by its postcode too if it has one.
	 */
	private AddressDetails address(String line1, String city, String postcode, boolean hasCoordinates,
			boolean virtual, RowProblems problems) {
		Attendance attendance = virtual || says(ONLINE, line1, city) ? Attendance.ONLINE
				: says(VARIOUS, line1, city) ? Attendance.VARIOUS_PLACES : Attendance.IN_PERSON;
		if (attendance != Attendance.IN_PERSON) {
			line1 = says(ONLINE, line1) || says(VARIOUS, line1) ? null : line1;
			city = says(ONLINE, city) || says(VARIOUS, city) ? null : city;
			String how = attendance == Attendance.ONLINE ? "online" : "in various places";
			problems.warn("address: meets " + how + ", so it is listed as " + how
					+ (postcode == null && !hasCoordinates ? ", found by its words and not by distance" : ""));
		}
		else if (postcode != null && postcodes.locate(postcode).isEmpty()) {
			problems.refuse("postcode: '" + postcode + "' is not a known UK postcode or postcode district");
		}
		else if (line1 == null && postcode != null) {
			problems.warn("address: no street address, so it is placed by its postcode " + postcode);
		}
		else if (line1 == null && hasCoordinates) {
			problems.warn("address: no street address or postcode, so it is placed by its coordinates");
		}
		else if (postcode == null && !hasCoordinates) {
			problems.refuse("address: no postcode or coordinates to find it by, and not said to meet online or in"
					+ " various places");
		}
		if (attendance == Attendance.IN_PERSON && city == null && (line1 != null || postcode != null)) {
			problems.warn("city: not given");
		}
		return new AddressDetails(line1, city, postcode, attendance);
	}

	private static boolean says(Pattern pattern, String... cells) {
		for (String cell : cells) {
			if (cell != null && pattern.matcher(cell).matches()) {
				return true;
			}
		}
		return false;
	}

	private TaxonomyTerm term(JsonNode term) {
		TaxonomyTerm byId = taxonomies.termById(text(term, "id")).orElse(null);
		if (byId != null) {
			return byId;
		}
		String taxonomy = text(term, "taxonomy");
		String code = text(term, "term");
		return taxonomy == null || code == null ? null : taxonomies.term(taxonomy, code).orElse(null);
	}

	private List<String> terms(String taxonomy, String field, List<String> codes, RowProblems problems) {
		for (int i = 0; i < codes.size(); i++) {
			if (!taxonomies.hasTerm(taxonomy, codes.get(i))) {
				problems.refuse(field + "[" + i + "]: '" + codes.get(i) + "' is not a term of the " + taxonomy
						+ " taxonomy (see /taxonomy_terms)");
			}
		}
		return codes;
	}

	/** The place's id for the row's own id, or for its name and postcode when it has none. */
	private static String csvId(CSVRecord row, RowProblems problems) {
		String id = cell(row, "id");
		if (id == null) {
			String name = cell(row, "name");
			String postcode = cell(row, "postcode");
			if (name == null || postcode == null) {
				problems.refuse("id: a row without an id needs a name and a postcode to be known by");
				return null;
			}
			return Taxonomies.stableId("import", name.toLowerCase(Locale.ROOT),
					postcode.toUpperCase(Locale.ROOT).replace(" ", ""));
		}
		if (!ID.matcher(id).matches()) {
			problems.refuse("id: must be up to 100 characters, without spaces");
			return null;
		}
		return placeId(id);
	}

	/**
	 * Open Referral ids are UUIDs: a UUID in the file is kept, any other id (a spreadsheet's row
	 * reference, say) becomes a UUID derived from it, the same on every import of that file.
	 */
	static String placeId(String idInFile) {
		try {
			UUID uuid = UUID.fromString(idInFile);
			if (uuid.toString().equalsIgnoreCase(idInFile)) {
				return uuid.toString();
			}
		}
		catch (IllegalArgumentException notAUuid) {
			// derived below
		}
		return Taxonomies.stableId("import", idInFile);
	}

	private static String cell(CSVRecord row, String column) {
		if (!row.isMapped(column) || !row.isSet(column)) {
			return null;
		}
		String value = row.get(column);
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() && !value.asString().isBlank() ? value.asString().strip() : null;
	}

	private static List<String> list(String cell) {
		if (cell == null) {
			return List.of();
		}
		return Pattern.compile("[;,]").splitAsStream(cell).map(String::strip).filter(part -> !part.isEmpty()).toList();
	}

	private static PlaceKind kind(String code, RowProblems problems) {
		if (code == null) {
			problems.refuse("kind: is required (" + PlaceKind.alternatives() + ")");
			return null;
		}
		return parsed(PlaceKind.ofCode(code).orElse(null),
				"kind: '" + code + "' is not a place kind (" + PlaceKind.alternatives() + ")", problems);
	}

	private static PlaceStatus status(String value, RowProblems problems) {
		if (value == null) {
			return PlaceStatus.ACTIVE;
		}
		return parsed(PlaceStatus.ofHsds(value).orElse(null),
				"status: '" + value + "' is not " + PlaceStatus.alternatives(), problems);
	}

	private static <T> T parsed(T value, String refusal, RowProblems problems) {
		if (value == null) {
			problems.refuse(refusal);
		}
		return value;
	}

	/** The sessions of a cell such as {@code MO,TU 10:00-12:00; SA 09:00-11:00}, without those that cannot be right. */
	private static List<OpeningTime> sessions(String cell, RowProblems problems) {
		List<OpeningTime> sessions = new ArrayList<>();
		for (String part : cell == null ? new String[0] : cell.split(";")) {
			if (part.isBlank()) {
				continue;
			}
			String written = "opening_times: '" + part.strip() + "'";
			Matcher matcher = SESSION.matcher(part.strip());
			if (!matcher.matches()) {
				problems.warn(written + " left out: it is not a session such as 'MO,TU 10:00-12:00'");
				continue;
			}
			session(written, matcher.group(1), matcher.group(2), matcher.group(3), null, problems)
				.ifPresent(sessions::add);
		}
		return sessions;
	}

	/**
	 * A weekly session, or a warning and nothing when it cannot be right: no days, no time, a
	 * time that is not one, {@code 00:00-00:00} (a directory's way of saying it does not know) or
	 * a closing time before the opening.
	 */
	private static Optional<OpeningTime> session(String written, String days, String opens,
			String closes, String description, RowProblems problems) {
		String wrong = null;
		List<Weekday> weekdays = weekdays(days);
		String opening = time(opens);
		String closing = time(closes);
		if (weekdays == null) {
			wrong = days == null ? "it names no days" : "'" + days + "' is not days such as MO,TU (MO to SU)";
		}
		else if (opens == null || closes == null) {
			wrong = "it has no opening or closing time";
		}
		else if (opening == null || closing == null) {
			wrong = "'" + (opening == null ? opens : closes) + "' is not a time such as 10:00";
		}
		else if (opening.equals("00:00") && closing.equals("00:00")) {
			wrong = "00:00 to 00:00 gives no hours";
		}
		else if (closing.compareTo(opening) <= 0) {
			wrong = "its closing time is not after its opening time";
		}
		if (wrong != null) {
			problems.warn(written + " left out: " + wrong);
			return Optional.empty();
		}
		return Optional.of(new OpeningTime(weekdays, opening, closing, description));
	}

	/** @return the days, or null when there are none or one is not a day */
	private static List<Weekday> weekdays(String days) {
		if (days == null) {
			return null;
		}
		List<Weekday> weekdays = new ArrayList<>();
		for (String day : days.split("[, ]+")) {
			if (day.isBlank()) {
				continue;
			}
			try {
				weekdays.add(Weekday.valueOf(day.strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return weekdays.isEmpty() ? null : weekdays;
	}

	/**
	 * HSDS asks for HH:MM with a zone, and its own example has seconds: a zone and whole-minute
	 * seconds are taken off, since the catalogue keeps UK local HH:mm.
	 * @return the time as HH:mm, or null for what is not a time
	 */
	private static String time(String value) {
		Matcher matcher = value == null ? null : TIME.matcher(value);
		if (matcher == null || !matcher.matches()) {
			return null;
		}
		return String.format("%02d:%s", Integer.parseInt(matcher.group(1)), matcher.group(2));
	}

	/**
	 * What the place costs as far as the row says: nothing said is "cost unknown" (null), never
	 * free. Without a yes or no for free, an amount of 0 or a description of "free" says free.
	 */
	private static CostDetails cost(String free, BigDecimal amount, String description, RowProblems problems) {
		if (free == null && amount == null && description == null) {
			return null;
		}
		if (free == null) {
			return new CostDetails(amount != null ? amount.signum() == 0 : "free".equalsIgnoreCase(description),
					amount, description);
		}
		return switch (free.toLowerCase(Locale.ROOT)) {
			case "true", "yes", "y", "1" -> new CostDetails(true, amount, description);
			case "false", "no", "n", "0" -> new CostDetails(false, amount, description);
			default -> {
				problems.refuse("free: '" + free + "' is not yes or no (true/false, yes/no, y/n, 1/0)");
				yield null;
			}
		};
	}

	private static Integer wholeNumber(String field, JsonNode value, RowProblems problems) {
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			problems.refuse(field + ": '" + value + "' is not a whole number");
			return null;
		}
		return value.intValue();
	}

	private static Problem unreadable(String format, String reason) {
		return new Problem(HttpStatus.BAD_REQUEST, "Invalid import", "The file is not readable " + format + ": "
				+ reason + ".");
	}

	private static String reason(Exception ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof CharacterCodingException) {
				return "it is not UTF-8 text";
			}
		}
		return ex instanceof JacksonException ? "it is not valid JSON" : String.valueOf(ex.getMessage());
	}

	private static CapacityDetails capacity(Integer available, Integer maximum) {
		return available == null && maximum == null ? null
				: new CapacityDetails(available, maximum == null ? available : maximum);
	}

	private static Double decimal(String column, String value, RowProblems problems) {
		return number(value, Double::valueOf, column + ": '" + value + "' is not a number", problems);
	}

	private static BigDecimal amount(String value, RowProblems problems) {
		return number(value == null ? null : value.replace("£", ""), BigDecimal::new,
				"cost_amount: '" + value + "' is not an amount", problems);
	}

	private static Integer integer(String column, String value, RowProblems problems) {
		return number(value, Integer::valueOf, column + ": '" + value + "' is not a whole number", problems);
	}

	private static <T> T number(String value, Function<String, T> parse, String refusal, RowProblems problems) {
		try {
			return value == null ? null : parse.apply(value);
		}
		catch (NumberFormatException ex) {
			problems.refuse(refusal);
			return null;
		}
	}

	/** Counts what the rows did; a row is checked in full before its one write. */
	private final class Tally {

		private int created;

		private int updated;

		private int unchanged;

		private final List<ImportReport.Rejected> rejected = new ArrayList<>();

		private final List<ImportReport.Warned> warned = new ArrayList<>();

		/** Stores the row unless something in it is refused; either way, says everything about it once. */
		void add(String id, PlaceDetails details, RowProblems problems) {
			validator.validate(details)
				.stream()
				.sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
				.forEach(violation -> problems.refuseUnlessSaid(violation.getPropertyPath().toString(),
						violation.getMessage()));
			if (problems.refusals.isEmpty()) {
				try {
					switch (catalogue.upsert(id, details).outcome()) {
						case CREATED -> created++;
						case UPDATED -> updated++;
						case UNCHANGED -> unchanged++;
					}
				}
				catch (Problem ex) {
					problems.refuse(ex.getBody().getDetail());
				}
			}
			if (!problems.refusals.isEmpty()) {
				rejected.add(new ImportReport.Rejected(problems.line, problems.item, problems.id, problems.all()));
			}
			else if (!problems.warnings.isEmpty()) {
				warned.add(new ImportReport.Warned(problems.line, problems.item, problems.id,
						String.join("; ", problems.warnings)));
			}
		}

		ImportReport report() {
			return new ImportReport(created, updated, unchanged, List.copyOf(rejected), List.copyOf(warned));
		}

	}

	/** Everything wrong with one row, by its place in the file and the file's own id for it. */
	private static final class RowProblems {

		/** A generous cap, so that an id of a megabyte is not echoed back. */
		private static final int LONGEST_ID = 100;

		private final Integer line;

		private final Integer item;

		private final String id;

		private final List<String> refusals = new ArrayList<>();

		private final List<String> warnings = new ArrayList<>();

		RowProblems(Integer line, Integer item, String idInFile) {
			this.line = line;
			this.item = item;
			this.id = idInFile == null || idInFile.length() <= LONGEST_ID ? idInFile
					: idInFile.substring(0, LONGEST_ID) + "…";
		}

		void refuse(String problem) {
			refusals.add(problem);
		}

		void warn(String problem) {
			warnings.add(problem);
		}

		boolean refused(String field) {
			return refusals.stream().anyMatch(refusal -> refusal.startsWith(field));
		}

		/**
		 * A field check's refusal, unless the row's reading already said what is wrong there (a
		 * kind that is not one is also missing) or, for where the place is, said it as the address.
		 */
		void refuseUnlessSaid(String path, String message) {
			String field = path.split("[.\\[]")[0];
			if (refused(field) || (field.equals("findable") && refused("address"))) {
				return;
			}
			refuse(path + ": " + message);
		}

		/** Refusals first, then warnings, so the line starts with why the row was turned down. */
		String all() {
			List<String> everything = new ArrayList<>(refusals);
			everything.addAll(warnings);
			return String.join("; ", everything);
		}

	}

}
