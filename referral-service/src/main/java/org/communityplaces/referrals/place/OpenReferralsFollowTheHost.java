package org.communityplaces.referrals.place;

import org.communityplaces.referrals.referral.ReferralStore;

import org.springframework.stereotype.Component;

/**
 * Open referrals go to the host their place's snapshot names. Asked after every change of a
 * place, not only when the snapshot's host changes, so a move that failed after the snapshot
 * was kept is made when the event is processed again.
 */
@Component
class OpenReferralsFollowTheHost {

	private final PlaceSnapshots snapshots;

	private final ReferralStore referrals;

	OpenReferralsFollowTheHost(PlaceSnapshots snapshots, ReferralStore referrals) {
		this.snapshots = snapshots;
		this.referrals = referrals;
	}

	void catchUp(String placeId) {
		snapshots.find(placeId).ifPresent(place -> referrals.followNewHost(placeId, place.hostEmail()));
	}

}
