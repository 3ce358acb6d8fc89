package org.communityplaces.referrals.district;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a deployment keeps the published deprivation files; both or neither.
 *
 * @param lsoaFile the English Indices of Deprivation 2019 "File 7" as CSV: every LSOA's IMD
 * rank and population
 * @param postcodeLookup an ONS Postcode Directory or NSPL CSV: each postcode ({@code pcds}) and
 * its LSOA ({@code lsoa11})
 */
@ConfigurationProperties("referrals.deprivation")
record DeprivationSources(Path lsoaFile, Path postcodeLookup) {

	boolean given() {
		if ((lsoaFile == null) != (postcodeLookup == null)) {
			throw new IllegalStateException("Deprivation needs both referrals.deprivation.lsoa-file and "
					+ "referrals.deprivation.postcode-lookup, but only "
					+ (lsoaFile == null ? "postcode-lookup (" + postcodeLookup : "lsoa-file (" + lsoaFile)
					+ ") is set: set both, or neither for no deprivation.");
		}
		return lsoaFile != null;
	}

}
