package org.communityplaces.referrals.district;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The residents and deprivation of each postcode district, read once at start: residents from
 * the 2011 Census figures that come with the service ({@code district/census-2011-population.csv},
 * see the NOTICE beside it), deprivation only when a deployment gives the published files
 * ({@link DeprivationSources}); a file that is not what it should be stops the start.
 */
@Component
public final class DistrictProfiles {

	private static final Logger log = LoggerFactory.getLogger(DistrictProfiles.class);

	private static final String POPULATION_FILE = "district/census-2011-population.csv";

	private final Map<String, Long> population;

	private final Map<String, Deprivation.Rank> deprivation;

	DistrictProfiles(DeprivationSources deprivation) {
		this.population = population();
		boolean given = deprivation.given();
		this.deprivation = given ? Deprivation.byDistrict(deprivation) : Map.of();
		log.info("District profiles: residents of {} postcode districts; deprivation {}", population.size(),
				given ? "of " + this.deprivation.size() + " from " + deprivation.lsoaFile()
						: "of none, as referrals.deprivation is not configured");
	}

	/** Residents and deprivation of one postcode district ("S6"), or empty when nothing is known about it. */
	public Optional<DistrictProfile> of(String district) {
		if (district == null) {
			return Optional.empty();
		}
		String key = district.strip().toUpperCase(Locale.ROOT);
		Long residents = population.get(key);
		Deprivation.Rank rank = deprivation.get(key);
		if (residents == null && rank == null) {
			return Optional.empty();
		}
		return Optional.of(new DistrictProfile(key, residents, rank == null ? null : rank.imdRank(),
				rank == null ? null : rank.imdDecile()));
	}

	private static Map<String, Long> population() {
		Map<String, Long> residents = new HashMap<>();
		ClassPathResource file = new ClassPathResource(POPULATION_FILE);
		try (BufferedReader text = new BufferedReader(
				new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
			CsvTable.read(POPULATION_FILE, text, List.of("district", "population"),
					(record, line) -> residents.put(record.get("district"), Long.valueOf(record.get("population"))));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(POPULATION_FILE + " is missing from the service", ex);
		}
		return Map.copyOf(residents);
	}

}
