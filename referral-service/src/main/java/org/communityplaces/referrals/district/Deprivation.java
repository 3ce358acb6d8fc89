package org.communityplaces.referrals.district;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;

/**
 * Each postcode district's deprivation, from the English Indices of Deprivation 2019, which
 * are published per LSOA (a neighbourhood of about 1,500 people), and a lookup of the LSOA
 * each postcode is in.
 *
 * <p>
 * A district's IMD rank is the mean rank of the LSOAs its people live in, each weighted by how
 * many of the district's people live in it. The files do not say how many people live at a
 * postcode, so an LSOA's people are taken to be spread evenly over its postcodes: of an LSOA
 * with population P and n live postcodes, of which k are in the district, P × k / n people are
 * counted in the district. The district's rank is the sum of (P × k / n) × rank over its LSOAs
 * divided by the sum of P × k / n, rounded to a whole rank; its decile is the tenth of the
 * 32,844 ranks that rank falls in. Postcodes the lookup marks terminated ({@code doterm}), and
 * postcodes in no LSOA of the index (Wales, Scotland, Northern Ireland, non-geographic ones),
 * are left out.
 */
final class Deprivation {

	/** England's LSOAs in the 2019 indices, ranked 1 (most deprived) to this. */
	private static final int ENGLISH_LSOAS = 32_844;

	private static final String LSOA = "LSOA code (2011)";

	private static final String RANK = "Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)";

	private static final String POPULATION = "Total population: mid 2015 (excluding prisoners)";

	private static final String POSTCODE = "pcds";

	private static final String POSTCODE_LSOA = "lsoa11";

	private static final String TERMINATED = "doterm";

	private static final Pattern POSTCODE_SHAPE = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}");

	private Deprivation() {
	}

	/** IMD rank and decile by postcode district. */
	record Rank(int imdRank, int imdDecile) {

		static Rank of(double meanRank) {
			int rank = (int) Math.round(meanRank);
			return new Rank(rank, (int) ((10L * rank + ENGLISH_LSOAS - 1) / ENGLISH_LSOAS));
		}

	}

	static Map<String, Rank> byDistrict(DeprivationSources sources) {
		Map<String, Lsoa> lsoas = lsoas("referrals.deprivation.lsoa-file " + sources.lsoaFile(), sources.lsoaFile());
		Map<String, Map<String, Integer>> postcodesByDistrict = new HashMap<>();
		Map<String, Integer> postcodesByLsoa = new HashMap<>();
		String name = "referrals.deprivation.postcode-lookup " + sources.postcodeLookup();
		read(name, sources.postcodeLookup(), List.of(POSTCODE, POSTCODE_LSOA), (record, line) -> {
			String district = districtOf(record.get(POSTCODE));
			String lsoa = record.get(POSTCODE_LSOA);
			if (district == null || !lsoas.containsKey(lsoa) || terminated(record)) {
				return;
			}
			postcodesByDistrict.computeIfAbsent(district, key -> new HashMap<>()).merge(lsoa, 1, Integer::sum);
			postcodesByLsoa.merge(lsoa, 1, Integer::sum);
		});
		if (postcodesByDistrict.isEmpty()) {
			throw new IllegalStateException(name + " has no live postcode in an LSOA of referrals.deprivation.lsoa-file "
					+ sources.lsoaFile() + ": are they the postcode lookup and the IoD2019 File 7 for the same LSOAs (2011)?");
		}
		Map<String, Rank> ranks = new HashMap<>();
		postcodesByDistrict.forEach((district, postcodes) -> {
			double people = 0;
			double rankedPeople = 0;
			for (Map.Entry<String, Integer> inLsoa : postcodes.entrySet()) {
				Lsoa lsoa = lsoas.get(inLsoa.getKey());
				double share = lsoa.population() * (double) inLsoa.getValue() / postcodesByLsoa.get(inLsoa.getKey());
				people += share;
				rankedPeople += share * lsoa.rank();
			}
			if (people > 0) {
				ranks.put(district, Rank.of(rankedPeople / people));
			}
		});
		return Map.copyOf(ranks);
	}

	/** The outward code of a postcode written with or without its space, or null for what is not a postcode. */
	static String districtOf(String postcode) {
		String compact = postcode.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
		return POSTCODE_SHAPE.matcher(compact).matches() ? compact.substring(0, compact.length() - 3) : null;
	}

	private static boolean terminated(CSVRecord record) {
		return record.isMapped(TERMINATED) && !record.get(TERMINATED).isEmpty();
	}

	private record Lsoa(int rank, long population) {
	}

	private static Map<String, Lsoa> lsoas(String name, Path file) {
		Map<String, Lsoa> lsoas = new HashMap<>();
		read(name, file, List.of(LSOA, RANK, POPULATION), (record, line) -> {
			int rank = whole(name, line, RANK, record.get(RANK));
			if (rank < 1 || rank > ENGLISH_LSOAS) {
				throw new IllegalStateException(name + " line " + line + ": \"" + RANK + "\" is " + rank
						+ ", not a rank from 1 to " + ENGLISH_LSOAS);
			}
			int population = whole(name, line, POPULATION, record.get(POPULATION));
			if (population < 0) {
				throw new IllegalStateException(name + " line " + line + ": \"" + POPULATION + "\" is " + population
						+ ", not a number of people");
			}
			lsoas.put(record.get(LSOA), new Lsoa(rank, population));
		});
		return lsoas;
	}

	private static int whole(String name, long line, String column, String value) {
		try {
			return Integer.parseInt(value.replace(",", ""));
		}
		catch (NumberFormatException ex) {
			throw new IllegalStateException(name + " line " + line + ": \"" + column + "\" is \"" + value
					+ "\", not a whole number", ex);
		}
	}

	private static void read(String name, Path file, List<String> columns, CsvTable.RowReader row) {
		try (BufferedReader text = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			CsvTable.read(name, text, columns, row);
		}
		catch (NoSuchFileException ex) {
			throw new IllegalStateException(name + " does not exist", ex);
		}
		catch (IOException ex) {
			throw new IllegalStateException(name + " cannot be read: " + ex, ex);
		}
	}

}
