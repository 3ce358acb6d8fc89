package org.communityplaces.places.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Postcodes to coordinates, offline: a full postcode or a district resolves to the centroid of
 * its district (outward code). Close enough to rank places by distance within a town, and it
 * needs no postcode service at run time.
 */
@Component
public class Postcodes {

	private static final String RESOURCE = "geo/uk-postcode-districts.csv";

	/** The outward code, then optionally the inward code (a digit and two letters), once spaces are taken out. */
	private static final Pattern POSTCODE = Pattern.compile("^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})?$");

	private static final Pattern AREA = Pattern.compile("^[A-Z]+");

	private final Map<String, double[]> centroids;

	public Postcodes() {
		this.centroids = load();
	}

	/** @return the district and its centroid, or empty for anything that is not a known postcode */
	public Optional<Located> locate(String postcode) {
		if (postcode == null) {
			return Optional.empty();
		}
		// Spaces, or the '+' a form writes for them, are the only separators: anything else is not a postcode.
		Matcher matcher = POSTCODE.matcher(postcode.toUpperCase(Locale.ROOT).replaceAll("[ +]", ""));
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String district = matcher.group(1);
		double[] centroid = centroids.get(district);
		if (centroid == null) {
			return Optional.empty();
		}
		String formatted = matcher.group(2) == null ? district : district + " " + matcher.group(2);
		return Optional.of(new Located(formatted, district, centroid[0], centroid[1]));
	}

	/** The postcode area of a district, for example {@code S} for {@code S6}: coarse enough for metric labels. */
	public static String areaOf(String district) {
		Matcher matcher = AREA.matcher(district == null ? "" : district);
		return matcher.find() ? matcher.group() : "unknown";
	}

	/** Every district with its centroid, for generating synthetic catalogues. */
	public Map<String, double[]> districts() {
		return Map.copyOf(centroids);
	}

	private static Map<String, double[]> load() {
		Map<String, double[]> loaded = new HashMap<>();
		try (InputStream in = Postcodes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Missing postcode resource " + RESOURCE);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			reader.readLine();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String[] columns = line.split(",");
				if (columns.length == 3) {
					loaded.put(columns[0].strip(),
							new double[] { Double.parseDouble(columns[1]), Double.parseDouble(columns[2]) });
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return loaded;
	}

	/** A postcode as written back (upper case, one space), its district and the district's centroid. */
	public record Located(String postcode, String district, double latitude, double longitude) {
	}

}
