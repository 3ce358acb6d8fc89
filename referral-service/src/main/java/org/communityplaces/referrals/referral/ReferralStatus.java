package org.communityplaces.referrals.referral;

import java.util.Set;

/** Where a referral stands, after the FHIR Task pattern for referral management. */
enum ReferralStatus {

	REQUESTED, ACCEPTED;

	boolean canBecome(ReferralStatus next) {
		return switch (this) {
			case REQUESTED -> Set.of(ACCEPTED).contains(next);
			case ACCEPTED -> false;
		};
	}

}
