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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Postcodes to coordinates, offline. A full postcode resolves to its own position when a full
 * postcode file is configured ({@code places.postcodes.file}: the ONS Postcode Directory or OS
 * Code-Point Open, both under the Open Government Licence) and has it; otherwise, and for a
 * district alone, to the centroid of its district (outward code), which is embedded. No
 * postcode service is needed at run time.
 */
@Component
public class Postcodes {

	private static final Logger log = LoggerFactory.getLogger(Postcodes.class);

	/** A place given by coordinates alone belongs to the nearest district centroid this close. */
	private static final double NEAREST_DISTRICT_METRES = 30_000;

	private static final double EARTH_RADIUS_METRES = 6_371_008.8;

	private static final String RESOURCE = "geo/uk-postcode-districts.csv";

	/** The outward code, then optionally the inward code (a digit and two letters), once spaces are taken out. */
	private static final Pattern POSTCODE = Pattern.compile("^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})?$");

	private static final Pattern AREA = Pattern.compile("^[A-Z]+");

	private final Map<String, double[]> centroids;

	private final FullPostcodes fullPostcodes;

	/** District centroids only. */
	public Postcodes() {
		this.centroids = load();
		this.fullPostcodes = FullPostcodes.NONE;
	}

	/** @param file where the full postcode file is (a path, or {@code classpath:...}); blank for district centroids only */
	@Autowired
	public Postcodes(@Value("${places.postcodes.file:}") String file) {
		this.centroids = load();
		if (file == null || file.isBlank()) {
			this.fullPostcodes = FullPostcodes.NONE;
		}
		else {
			this.fullPostcodes = FullPostcodes.read(new FileSystemResourceLoader().getResource(file.strip()));
			log.info("Loaded {} full postcodes from {}", fullPostcodes.size(), file.strip());
		}
	}

	/**
	 * @return the postcode, its district and its position (its own if the full postcode file has
	 * it, else its district's centroid), or empty for anything that is not a known postcode
	 */
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
		double[] position = matcher.group(2) == null ? null : fullPostcodes.position(district + matcher.group(2));
		if (position == null) {
			position = centroids.get(district);
		}
		if (position == null) {
			return Optional.empty();
		}
		String formatted = matcher.group(2) == null ? district : district + " " + matcher.group(2);
		return Optional.of(new Located(formatted, district, position[0], position[1]));
	}

	/** The district whose centroid is nearest, within 30 km: for a place given by its coordinates alone. */
	public Optional<String> districtNear(double latitude, double longitude) {
		String nearest = null;
		double nearestMetres = NEAREST_DISTRICT_METRES;
		for (Map.Entry<String, double[]> district : centroids.entrySet()) {
			double metres = metresBetween(latitude, longitude, district.getValue()[0], district.getValue()[1]);
			if (metres <= nearestMetres) {
				nearest = district.getKey();
				nearestMetres = metres;
			}
		}
		return Optional.ofNullable(nearest);
	}

	private static double metresBetween(double latitude1, double longitude1, double latitude2, double longitude2) {
		double dLatitude = Math.toRadians(latitude2 - latitude1);
		double dLongitude = Math.toRadians(longitude2 - longitude1);
		double h = Math.pow(Math.sin(dLatitude / 2), 2) + Math.cos(Math.toRadians(latitude1))
				* Math.cos(Math.toRadians(latitude2)) * Math.pow(Math.sin(dLongitude / 2), 2);
		return 2 * EARTH_RADIUS_METRES * Math.asin(Math.sqrt(h));
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

	/** A postcode as written back (upper case, one space), its district and its position. */
	public record Located(String postcode, String district, double latitude, double longitude) {
	}

}
