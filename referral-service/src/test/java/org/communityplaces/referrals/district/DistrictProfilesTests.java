package org.communityplaces.referrals.district;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Residents come with the service; deprivation is worked out at start from the published
 * IoD2019 File 7 and a postcode lookup when a deployment names them, in the files' own shapes
 * (made-up LSOAs and postcodes here), and a file that is not what it should be stops the start.
 */
class DistrictProfilesTests {

	/** IoD2019 File 7's shape: a byte order mark, quoted headings (one with a comma), columns not read. */
	private static final String FILE_7 = "\uFEFF" + """
			"LSOA code (2011)","LSOA name (2011)","Local Authority District code (2019)","Index of Multiple Deprivation (IMD) Score","Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)","Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)","Education, Skills and Training Score","Total population: mid 2015 (excluding prisoners)"
			E01999901,Testshire 001A,E08999999,61.2,100,1,0.9,1000
			E01999902,Testshire 001B,E08999999,3.1,30000,10,0.1,3000
			E01999903,Testshire 002A,E08999999,30.5,5000,2,0.4,1500
			""";

	/**
	 * An NSPL-like lookup: postcodes with and without their space. S6 has two postcodes in the
	 * first LSOA and one of the four in the second; S10 the other three of the second and both
	 * live ones of the third. A terminated S6 postcode in the third LSOA, and a Welsh one, count
	 * for nothing.
	 */
	private static final String LOOKUP = """
			"pcd","pcds","dointr","doterm","usertype","lsoa11","msoa11"
			"S6  9XA","S6 9XA","198001","","0","E01999901","E02999901"
			"S6  9XB","S69XB","198001","","0","E01999901","E02999901"
			"S6  9XD","S6 9XD","198001","","0","E01999902","E02999901"
			"S10 9XA","S10 9XA","198001","","0","E01999902","E02999902"
			"S10 9XB","S109XB","198001","","0","E01999902","E02999902"
			"S10 9XD","s10 9xd","198001","","0","E01999902","E02999902"
			"S10 9XE","S10 9XE","198001","","0","E01999903","E02999902"
			"S10 9XF","S10 9XF","198001","","0","E01999903","E02999902"
			"S6  9XE","S6 9XE","198001","201512","0","E01999903","E02999901"
			"CF109XA","CF10 9XA","198001","","0","W01999901","W02999901"
			""";

	@TempDir
	Path folder;

	private final ApplicationContextRunner service = new ApplicationContextRunner()
		.withUserConfiguration(DistrictConfiguration.class, DistrictProfiles.class);

	@Test
	void withoutConfigurationADistrictHasItsResidentsAndNoDeprivation() {
		DistrictProfiles profiles = new DistrictProfiles(new DeprivationSources(null, null));
		assertThat(profiles.of("S6")).contains(new DistrictProfile("S6", 58_239L, null, null));
		assertThat(profiles.of(" s10 ")).contains(new DistrictProfile("S10", 48_217L, null, null));
		assertThat(profiles.of("ZZ9")).isEmpty();
		assertThat(profiles.of("unknown")).isEmpty();
		assertThat(profiles.of(null)).isEmpty();
	}

	/**
	 * S6: 1,000 people of the first LSOA (rank 100) and a quarter of the second's 3,000 (rank
	 * 30,000): (1000 × 100 + 750 × 30000) / 1750 = 12,914.3, in the fourth tenth of 32,844. S10:
	 * three quarters of the second and all 1,500 of the third (rank 5,000): (2250 × 30000 + 1500 ×
	 * 5000) / 3750 = 20,000, the seventh tenth.
	 */
	@Test
	void aDistrictsDeprivationIsThePopulationWeightedMeanRankOfItsLsoas() throws IOException {
		service.withPropertyValues("referrals.deprivation.lsoa-file=" + file("file7.csv", FILE_7),
				"referrals.deprivation.postcode-lookup=" + file("nspl.csv", LOOKUP))
			.run(context -> {
				assertThat(context).hasNotFailed();
				DistrictProfiles profiles = context.getBean(DistrictProfiles.class);
				assertThat(profiles.of("S6")).contains(new DistrictProfile("S6", 58_239L, 12_914, 4));
				assertThat(profiles.of("S10")).contains(new DistrictProfile("S10", 48_217L, 20_000, 7));
				assertThat(profiles.of("CF10")).map(DistrictProfile::imdRank).isEmpty();
				assertThat(profiles.of("S1")).contains(new DistrictProfile("S1", 9_857L, null, null));
			});
	}

	@Test
	void theDecileIsTheTenthOfTheRanksOfEnglandsLsoas() {
		assertThat(Deprivation.Rank.of(1)).isEqualTo(new Deprivation.Rank(1, 1));
		assertThat(Deprivation.Rank.of(3_284.4)).isEqualTo(new Deprivation.Rank(3_284, 1));
		assertThat(Deprivation.Rank.of(3_284.5)).isEqualTo(new Deprivation.Rank(3_285, 2));
		assertThat(Deprivation.Rank.of(16_422)).isEqualTo(new Deprivation.Rank(16_422, 5));
		assertThat(Deprivation.Rank.of(16_423)).isEqualTo(new Deprivation.Rank(16_423, 6));
		assertThat(Deprivation.Rank.of(29_560)).isEqualTo(new Deprivation.Rank(29_560, 10));
		assertThat(Deprivation.Rank.of(32_844)).isEqualTo(new Deprivation.Rank(32_844, 10));
	}

	@Test
	void aPostcodeIsReadWithOrWithoutItsSpace() {
		assertThat(Deprivation.districtOf("S6 2AA")).isEqualTo("S6");
		assertThat(Deprivation.districtOf("S62AA")).isEqualTo("S6");
		assertThat(Deprivation.districtOf("sw1a1aa")).isEqualTo("SW1A");
		assertThat(Deprivation.districtOf("EC1A  1BB")).isEqualTo("EC1A");
		assertThat(Deprivation.districtOf("")).isNull();
		assertThat(Deprivation.districtOf("S6")).isNull();
	}

	@Test
	void aFileWithoutAColumnItNeedsStopsTheStartNamingTheFileAndTheColumn() throws IOException {
		Path lookup = file("nspl.csv", LOOKUP);
		Path noRank = file("no-rank.csv", FILE_7.replace("(IMD) Rank (where", "(IMD) Position (where"));
		failsToStart("referrals.deprivation.lsoa-file=" + noRank, "referrals.deprivation.postcode-lookup=" + lookup)
			.contains(noRank.toString(), "has no column \"Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)\"");

		Path file7 = file("file7.csv", FILE_7);
		Path noPostcode = file("no-pcds.csv", LOOKUP.replace("\"pcds\"", "\"postcode\""));
		failsToStart("referrals.deprivation.lsoa-file=" + file7, "referrals.deprivation.postcode-lookup=" + noPostcode)
			.contains("referrals.deprivation.postcode-lookup " + noPostcode, "has no column \"pcds\"");
		Path noLsoa = file("no-lsoa.csv", LOOKUP.replace("\"lsoa11\"", "\"lsoa21\""));
		failsToStart("referrals.deprivation.lsoa-file=" + file7, "referrals.deprivation.postcode-lookup=" + noLsoa)
			.contains(noLsoa.toString(), "has no column \"lsoa11\"");
	}

	@Test
	void aFileThatIsMissingOrNotWhatItShouldBeStopsTheStart() throws IOException {
		Path file7 = file("file7.csv", FILE_7);
		Path lookup = file("nspl.csv", LOOKUP);
		Path nowhere = folder.resolve("nowhere.csv");
		failsToStart("referrals.deprivation.lsoa-file=" + nowhere, "referrals.deprivation.postcode-lookup=" + lookup)
			.contains("referrals.deprivation.lsoa-file " + nowhere + " does not exist");
		failsToStart("referrals.deprivation.lsoa-file=" + file7)
			.contains("only lsoa-file (" + file7 + ") is set");
		failsToStart("referrals.deprivation.postcode-lookup=" + lookup)
			.contains("only postcode-lookup (" + lookup + ") is set");

		Path badRank = file("bad-rank.csv", FILE_7.replace(",30000,", ",30 000,"));
		failsToStart("referrals.deprivation.lsoa-file=" + badRank, "referrals.deprivation.postcode-lookup=" + lookup)
			.contains(badRank + " line 3: \"Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)\" is \"30 000\"");
		Path rankTooHigh = file("rank-too-high.csv", FILE_7.replace(",30000,", ",40000,"));
		failsToStart("referrals.deprivation.lsoa-file=" + rankTooHigh, "referrals.deprivation.postcode-lookup=" + lookup)
			.contains(rankTooHigh + " line 3", "not a rank from 1 to 32844");
		Path shortRow = file("short-row.csv", FILE_7.replace("E01999903,Testshire 002A,E08999999,", "E01999903,"));
		failsToStart("referrals.deprivation.lsoa-file=" + shortRow, "referrals.deprivation.postcode-lookup=" + lookup)
			.contains(shortRow + " line 4 has 6 values under 8 headings");

		Path welshOnly = file("welsh.csv", LOOKUP.lines().filter(line -> !line.contains("E0199")).reduce("",
				(lines, line) -> lines + line + "\n"));
		failsToStart("referrals.deprivation.lsoa-file=" + file7, "referrals.deprivation.postcode-lookup=" + welshOnly)
			.contains(welshOnly + " has no live postcode in an LSOA of referrals.deprivation.lsoa-file " + file7);

		Path latin1 = folder.resolve("latin1.csv");
		Files.write(latin1, FILE_7.substring(1).replace("Testshire 001A", "Caf\u00e9 001A").getBytes(StandardCharsets.ISO_8859_1));
		failsToStart("referrals.deprivation.lsoa-file=" + latin1, "referrals.deprivation.postcode-lookup=" + lookup)
			.contains(latin1 + " is not UTF-8 text");
	}

	private AbstractStringAssert<?> failsToStart(String... properties) {
		StringBuilder why = new StringBuilder();
		service.withPropertyValues(properties).run(context -> {
			assertThat(context).hasFailed();
			for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
				why.append(cause.getMessage()).append('\n');
			}
		});
		return assertThat(why.toString());
	}

	private Path file(String name, String text) throws IOException {
		return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
	}

}
