package org.communityplaces.referrals.intake;

import java.time.Instant;

import org.communityplaces.referrals.referral.Referral;

/**
 * A referral was sent to its place, whose host must answer by {@code respondBy}. Routing
 * contacts and the place only: never the person's details.
 */
record ReferralRequested(String referralId, String placeId, String placeName, String hostEmail, Instant respondBy) {

	static ReferralRequested of(String referralId, Referral.Place place, Referral.Deadline deadline) {
		return new ReferralRequested(referralId, place.id(), place.name(), place.hostEmail(), deadline.respondBy());
	}

}
