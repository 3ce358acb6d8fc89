package org.communityplaces.referrals.outcome;

import java.util.Arrays;

import org.communityplaces.contracts.Vocabularies;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Scores are taken at the contract's timepoints, no more and no fewer. */
class TimepointTests {

	@Test
	void theTimepointsAreTheContractsOutcomeTimepointVocabulary() {
		assertThat(Arrays.stream(Timepoint.values()).map(Timepoint::code))
			.containsExactlyElementsOf(Vocabularies.load().get("outcome-timepoint").codes());
	}

}
