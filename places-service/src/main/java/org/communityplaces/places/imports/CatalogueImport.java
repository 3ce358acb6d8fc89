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
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
 * stored in one write, or turned down with its line and reason while the good rows are kept.
 */
@Component
class CatalogueImport {

	static final List<String> CSV_COLUMNS = List.of("id", "name", "description", "kind", "organization", "activities",
			"accessibility", "address", "city", "postcode", "latitude", "longitude", "opening_times", "free",
			"cost_amount", "cost_description", "minimum_age", "maximum_age", "host_name", "host_email", "host_phone",
			"capacity_available", "capacity_maximum", "status");

	private static final Set<String> REQUIRED_COLUMNS = Set.of("name", "kind", "organization", "address", "city",
			"postcode", "host_email");

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	/** A time as a cell or a feed may write it: {@code 9:30}, {@code 09:30}, {@code 09:30:00}, {@code 09:30Z}, {@code 09:30:00+01:00}. */
	private static final Pattern TIME = Pattern.compile("([01]?[0-9]|2[0-3]):([0-5][0-9])(:00)?(Z|[+-][01][0-9]:[0-5][0-9])?");

	/** One weekly session as written in a cell: {@code MO,TU 10:00-12:00}. */
	private static final Pattern SESSION = Pattern.compile("^([A-Za-z, ]+?)\\s+(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})$");

	private final Catalogue catalogue;

	private final Validator validator;

	private final Taxonomies taxonomies;

	CatalogueImport(Catalogue catalogue, Validator validator, Taxonomies taxonomies) {
		this.catalogue = catalogue;
		this.validator = validator;
		this.taxonomies = taxonomies;
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
			String id = null;
			try {
				id = csvId(record);
				tally.add(id, details(record), line, null);
			}
			catch (RowRejected ex) {
				tally.rejected.add(new ImportReport.Rejected(line, null, id, ex.getMessage()));
			}
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
		Tally tally = new Tally();
		for (int i = 0; i < services.size(); i++) {
			JsonNode service = services.get(i);
			String id = text(service, "id");
			try {
				if (id == null || !ID.matcher(id).matches()) {
					throw new RowRejected("id: every service needs an id of letters, digits, '-' or '_'");
				}
				tally.add(placeId(id), details(service), null, i + 1);
			}
			catch (RowRejected ex) {
				tally.rejected.add(new ImportReport.Rejected(null, i + 1, id, ex.getMessage()));
			}
		}
		return tally.report();
	}

	private PlaceDetails details(CSVRecord row) {
		return new PlaceDetails(cell(row, "name"), cell(row, "description"), kind(cell(row, "kind")),
				new OrganizationDetails(cell(row, "organization"), null), list(cell(row, "activities")),
				list(cell(row, "accessibility")),
				new AddressDetails(cell(row, "address"), cell(row, "city"), cell(row, "postcode")),
				decimal("latitude", cell(row, "latitude")), decimal("longitude", cell(row, "longitude")),
				sessions(cell(row, "opening_times")),
				new CostDetails(free(cell(row, "free")), amount(cell(row, "cost_amount")),
						cell(row, "cost_description")),
				integer("minimum_age", cell(row, "minimum_age")), integer("maximum_age", cell(row, "maximum_age")),
				new HostDetails(cell(row, "host_name"), cell(row, "host_email"), cell(row, "host_phone")),
				capacity(integer("capacity_available", cell(row, "capacity_available")),
						integer("capacity_maximum", cell(row, "capacity_maximum"))),
				status(cell(row, "status")));
	}

	private PlaceDetails details(JsonNode service) {
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
				case Taxonomies.PLACE_KIND -> kind = kind(term.code());
				case Taxonomies.ACTIVITY -> activities.add(term.code());
				case Taxonomies.ACCESSIBILITY -> accessibility.add(term.code());
				default -> {
				}
			}
		}
		if (kind == null) {
			throw new RowRejected("attributes: no place-kind taxonomy term (" + PlaceKind.alternatives() + ")");
		}
		List<OpeningTime> sessions = new ArrayList<>();
		for (JsonNode schedule : service.path("schedules")) {
			String field = "schedules[" + sessions.size() + "].";
			sessions.add(new OpeningTime(weekdays(text(schedule, "byday")),
					time(field + "opens_at", text(schedule, "opens_at")),
					time(field + "closes_at", text(schedule, "closes_at")), text(schedule, "description")));
		}
		JsonNode cost = service.path("cost_options").path(0);
		BigDecimal amount = cost.path("amount").isNumber() ? cost.path("amount").decimalValue() : null;
		JsonNode contact = service.path("contacts").path(0);
		String email = text(service, "email") != null ? text(service, "email") : text(contact, "email");
		JsonNode capacity = service.path("capacities").path(0);
		return new PlaceDetails(text(service, "name"), text(service, "description"), kind,
				new OrganizationDetails(text(service.path("organization"), "name"),
						text(service.path("organization"), "description")),
				activities, accessibility,
				new AddressDetails(text(address, "address_1"), text(address, "city"), text(address, "postal_code")),
				location.path("latitude").isNumber() ? location.path("latitude").doubleValue() : null,
				location.path("longitude").isNumber() ? location.path("longitude").doubleValue() : null, sessions,
				new CostDetails(amount == null || amount.signum() == 0, amount, text(cost, "option")),
				wholeNumber("minimum_age", service.path("minimum_age")),
				wholeNumber("maximum_age", service.path("maximum_age")),
				new HostDetails(text(contact, "name"), email, null),
				capacity(wholeNumber("capacities[0].available", capacity.path("available")),
						wholeNumber("capacities[0].maximum", capacity.path("maximum"))),
				status(text(service, "status")));
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

	private static String csvId(CSVRecord row) {
		String id = cell(row, "id");
		if (id == null) {
			String name = cell(row, "name");
			String postcode = cell(row, "postcode");
			if (name == null || postcode == null) {
				throw new RowRejected("name and postcode: needed to identify a row that has no id");
			}
			return Taxonomies.stableId("import", name.toLowerCase(Locale.ROOT),
					postcode.toUpperCase(Locale.ROOT).replace(" ", ""));
		}
		if (!ID.matcher(id).matches()) {
			throw new RowRejected("id: must be 1 to 64 letters, digits, '-' or '_'");
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

	private static PlaceKind kind(String code) {
		if (code == null) {
			throw new RowRejected("kind: is required (" + PlaceKind.alternatives() + ")");
		}
		return PlaceKind.ofCode(code)
			.orElseThrow(() -> new RowRejected(
					"kind: '" + code + "' is not a place kind (" + PlaceKind.alternatives() + ")"));
	}

	private static PlaceStatus status(String value) {
		if (value == null) {
			return PlaceStatus.ACTIVE;
		}
		return PlaceStatus.ofHsds(value)
			.orElseThrow(() -> new RowRejected("status: '" + value + "' is not " + PlaceStatus.alternatives()));
	}

	private static List<OpeningTime> sessions(String cell) {
		List<OpeningTime> sessions = new ArrayList<>();
		for (String part : cell == null ? new String[0] : cell.split(";")) {
			if (part.isBlank()) {
				continue;
			}
			Matcher matcher = SESSION.matcher(part.strip());
			if (!matcher.matches()) {
				throw new RowRejected("opening_times: '" + part.strip()
						+ "' is not a session such as 'MO,TU 10:00-12:00'");
			}
			sessions.add(new OpeningTime(weekdays(matcher.group(1)), time("opening_times", matcher.group(2)),
					time("opening_times", matcher.group(3)), null));
		}
		return sessions;
	}

	private static List<Weekday> weekdays(String days) {
		if (days == null) {
			throw new RowRejected("opening_times: a session has no days");
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
				throw new RowRejected("opening_times: '" + day.strip() + "' is not a day (MO, TU, WE, TH, FR, SA, SU)");
			}
		}
		return weekdays;
	}

	/**
	 * HSDS asks for HH:MM with a zone, and its own example has seconds: a zone and whole-minute
	 * seconds are taken off, since the catalogue keeps UK local HH:mm; any other time is turned down.
	 */
	private static String time(String field, String value) {
		if (value == null) {
			return null;
		}
		Matcher matcher = TIME.matcher(value);
		if (!matcher.matches()) {
			throw new RowRejected(field + ": '" + value + "' is not a time such as 10:00");
		}
		return String.format("%02d:%s", Integer.parseInt(matcher.group(1)), matcher.group(2));
	}

	/** Blank is not stated, which counts as free, as a place is unless it says what it costs. */
	private static boolean free(String value) {
		if (value == null) {
			return true;
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true", "yes", "y", "1" -> true;
			case "false", "no", "n", "0" -> false;
			default -> throw new RowRejected("free: '" + value + "' is not yes or no (true/false, yes/no, y/n, 1/0)");
		};
	}

	private static Integer wholeNumber(String field, JsonNode value) {
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			throw new RowRejected(field + ": '" + value + "' is not a whole number");
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

	private static Double decimal(String column, String value) {
		try {
			return value == null ? null : Double.valueOf(value);
		}
		catch (NumberFormatException ex) {
			throw new RowRejected(column + ": '" + value + "' is not a number");
		}
	}

	private static BigDecimal amount(String value) {
		try {
			return value == null ? null : new BigDecimal(value.replace("£", ""));
		}
		catch (NumberFormatException ex) {
			throw new RowRejected("cost_amount: '" + value + "' is not an amount");
		}
	}

	private static Integer integer(String column, String value) {
		try {
			return value == null ? null : Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			throw new RowRejected(column + ": '" + value + "' is not a whole number");
		}
	}

	/** Counts what the rows did; a row is checked in full before its one write. */
	private final class Tally {

		private int created;

		private int updated;

		private int unchanged;

		private final List<ImportReport.Rejected> rejected = new ArrayList<>();

		void add(String id, PlaceDetails details, Integer line, Integer item) {
			Set<ConstraintViolation<PlaceDetails>> violations = validator.validate(details);
			if (!violations.isEmpty()) {
				throw new RowRejected(violations.stream()
					.sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
					.map(violation -> violation.getPropertyPath() + ": " + violation.getMessage())
					.collect(Collectors.joining("; ")));
			}
			try {
				switch (catalogue.upsert(id, details).outcome()) {
					case CREATED -> created++;
					case UPDATED -> updated++;
					case UNCHANGED -> unchanged++;
				}
			}
			catch (Problem ex) {
				throw new RowRejected(ex.getBody().getDetail());
			}
		}

		ImportReport report() {
			return new ImportReport(created, updated, unchanged, List.copyOf(rejected));
		}

	}

	private static final class RowRejected extends RuntimeException {

		RowRejected(String reason) {
			super(reason, null, false, false);
		}

	}

}
