package org.communityplaces.places.geo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.springframework.core.io.Resource;

/**
 * Every full postcode of a postcode file with its position, kept compact for the 2.7 million
 * of a whole ONS Postcode Directory: each postcode packed into an int, sorted, beside float
 * latitudes and longitudes (12 bytes a postcode, about 0.4 m of precision). Reads the ONSPD
 * CSV (header with {@code pcds}, {@code lat}, {@code long}, {@code doterm}; terminated postcodes
 * and those without a position left out) and OS Code-Point Open CSV (no header: postcode,
 * quality, eastings, northings, ...; quality 90, no position, left out).
 */
final class FullPostcodes {

	static final FullPostcodes NONE = new FullPostcodes(new int[0], new float[0], new float[0]);

	/** An outward code, then an inward code (a digit and two letters), spaces taken out. */
	private static final Pattern FULL = Pattern.compile("^([A-Z]{1,2})([0-9])([A-Z0-9]?)([0-9])([A-Z])([A-Z])$");

	private static final String NO_POSITION_QUALITY = "90";

	private final int[] codes;

	private final float[] latitudes;

	private final float[] longitudes;

	private FullPostcodes(int[] codes, float[] latitudes, float[] longitudes) {
		this.codes = codes;
		this.latitudes = latitudes;
		this.longitudes = longitudes;
	}

	int size() {
		return codes.length;
	}

	/** @return {latitude, longitude}, or null for a postcode the file does not have */
	double[] position(String postcodeWithoutSpaces) {
		OptionalInt code = pack(postcodeWithoutSpaces);
		if (code.isEmpty()) {
			return null;
		}
		int at = Arrays.binarySearch(codes, code.getAsInt());
		return at < 0 ? null : new double[] { latitudes[at], longitudes[at] };
	}

	static FullPostcodes read(Resource file) {
		Loading loading = new Loading();
		try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8);
				CSVParser parser = CSVFormat.DEFAULT.builder().setTrim(true).get().parse(reader)) {
			Iterator<CSVRecord> records = parser.iterator();
			if (!records.hasNext()) {
				throw new IllegalStateException("The postcode file " + file.getDescription() + " is empty");
			}
			CSVRecord first = records.next();
			Map<String, Integer> header = onspdHeader(first);
			if (header == null) {
				loading.codePoint(first);
				records.forEachRemaining(loading::codePoint);
			}
			else {
				records.forEachRemaining(record -> loading.onspd(record, header));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The postcode file " + file.getDescription() + " is not readable", ex);
		}
		return loading.done();
	}

	/** The ONSPD columns by name, or null for a file without that header (Code-Point Open has none). */
	private static Map<String, Integer> onspdHeader(CSVRecord first) {
		Map<String, Integer> columns = new java.util.HashMap<>();
		for (int i = 0; i < first.size(); i++) {
			columns.put(first.get(i).toLowerCase(Locale.ROOT), i);
		}
		if (!columns.containsKey("pcds")) {
			return null;
		}
		for (String needed : new String[] { "lat", "long" }) {
			if (!columns.containsKey(needed)) {
				throw new IllegalStateException("The ONSPD postcode file has no '" + needed + "' column");
			}
		}
		return columns;
	}

	/**
	 * The postcode as a number below 2^31: area letters (26 x 27), district digit (10), the
	 * district's optional last character (37), inward digit (10) and letters (26 x 26).
	 */
	static OptionalInt pack(String postcodeWithoutSpaces) {
		Matcher matcher = FULL.matcher(postcodeWithoutSpaces);
		if (!matcher.matches()) {
			return OptionalInt.empty();
		}
		String area = matcher.group(1);
		int code = area.charAt(0) - 'A';
		code = code * 27 + (area.length() == 2 ? area.charAt(1) - 'A' + 1 : 0);
		code = code * 10 + (matcher.group(2).charAt(0) - '0');
		String last = matcher.group(3);
		code = code * 37 + (last.isEmpty() ? 0
				: Character.isDigit(last.charAt(0)) ? last.charAt(0) - '0' + 1 : last.charAt(0) - 'A' + 11);
		code = code * 10 + (matcher.group(4).charAt(0) - '0');
		code = code * 26 + (matcher.group(5).charAt(0) - 'A');
		return OptionalInt.of(code * 26 + (matcher.group(6).charAt(0) - 'A'));
	}

	/** Rows as they are read, then sorted by postcode once. */
	private static final class Loading {

		private int[] codes = new int[1 << 16];

		private float[] latitudes = new float[1 << 16];

		private float[] longitudes = new float[1 << 16];

		private int size;

		void onspd(CSVRecord row, Map<String, Integer> columns) {
			Integer terminated = columns.get("doterm");
			if (terminated != null && terminated < row.size() && !row.get(terminated).isEmpty()) {
				return;
			}
			Double latitude = number(row, columns.get("lat"));
			Double longitude = number(row, columns.get("long"));
			// ONSPD writes 99.999999 for a postcode it has no position for
			if (latitude != null && longitude != null && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180) {
				add(row.get(columns.get("pcds")), latitude, longitude);
			}
		}

		void codePoint(CSVRecord row) {
			if (row.size() < 4 || NO_POSITION_QUALITY.equals(row.get(1))) {
				return;
			}
			Double easting = number(row, 2);
			Double northing = number(row, 3);
			if (easting != null && northing != null && (easting > 0 || northing > 0)) {
				double[] position = NationalGrid.toWgs84(easting, northing);
				add(row.get(0), position[0], position[1]);
			}
		}

		private void add(String postcode, double latitude, double longitude) {
			OptionalInt code = pack(postcode.toUpperCase(Locale.ROOT).replace(" ", ""));
			if (code.isEmpty()) {
				return;
			}
			if (size == codes.length) {
				codes = Arrays.copyOf(codes, size * 2);
				latitudes = Arrays.copyOf(latitudes, size * 2);
				longitudes = Arrays.copyOf(longitudes, size * 2);
			}
			codes[size] = code.getAsInt();
			latitudes[size] = (float) latitude;
			longitudes[size] = (float) longitude;
			size++;
		}

		private static Double number(CSVRecord row, Integer column) {
			if (column == null || column >= row.size()) {
				return null;
			}
			try {
				return Double.valueOf(row.get(column));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

		/** Sorted by postcode through one array of (code, row) pairs; a postcode listed twice is kept once. */
		FullPostcodes done() {
			long[] order = new long[size];
			for (int i = 0; i < size; i++) {
				order[i] = ((long) codes[i] << 32) | i;
			}
			Arrays.sort(order);
			int[] sortedCodes = new int[size];
			float[] sortedLatitudes = new float[size];
			float[] sortedLongitudes = new float[size];
			int kept = 0;
			for (long entry : order) {
				int code = (int) (entry >>> 32);
				if (kept > 0 && sortedCodes[kept - 1] == code) {
					continue;
				}
				int row = (int) entry;
				sortedCodes[kept] = code;
				sortedLatitudes[kept] = latitudes[row];
				sortedLongitudes[kept] = longitudes[row];
				kept++;
			}
			return new FullPostcodes(Arrays.copyOf(sortedCodes, kept), Arrays.copyOf(sortedLatitudes, kept),
					Arrays.copyOf(sortedLongitudes, kept));
		}

	}

}
