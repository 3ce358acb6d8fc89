package org.communityplaces.referrals.place;

import org.communityplaces.referrals.referral.ReferralStore;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** When a place's host contact changes, its open referrals go to the new host. */
@Component
class OpenReferralsFollowTheHost {

	private final ReferralStore referrals;

	OpenReferralsFollowTheHost(ReferralStore referrals) {
		this.referrals = referrals;
	}

	@EventListener
	void hostChanged(PlaceHostChanged change) {
		referrals.followNewHost(change.placeId(), change.hostEmail());
	}

}
