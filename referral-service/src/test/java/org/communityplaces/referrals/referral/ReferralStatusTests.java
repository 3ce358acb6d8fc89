package org.communityplaces.referrals.referral;

import java.util.Arrays;

import org.communityplaces.contracts.Vocabularies;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The statuses a referral can be in are the contract's, for every service and the web app alike. */
class ReferralStatusTests {

	@Test
	void theStatusesAreTheContractsReferralStatusVocabulary() {
		assertThat(Arrays.stream(ReferralStatus.values()).map(ReferralStatus::code))
			.containsExactlyElementsOf(Vocabularies.load().get("referral-status").codes());
	}

}
