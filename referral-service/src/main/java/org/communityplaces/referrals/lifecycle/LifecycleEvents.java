package org.communityplaces.referrals.lifecycle;

import java.util.Optional;

import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.referral.ReferralStatus;

/**
 * The events of decisions on a referral, as the contract names them: the place, the coded
 * reason and the professional contacts that route an alert; never the person's details or
 * the words given with a reason.
 */
final class LifecycleEvents {

	private LifecycleEvents() {
	}

	/**
	 * The event a decision on the referral causes, if any: a hold is the carers' own business,
	 * and a draft never reached the place, so cancelling it tells nobody.
	 */
	static Optional<Record> of(LifecycleAction action, Referral referral, String reason) {
		if (action == LifecycleAction.CANCEL && referral.status() == ReferralStatus.DRAFT) {
			return Optional.empty();
		}
		Referral.Place place = referral.place();
		String referrerEmail = referral.referrer().email();
		return Optional.ofNullable(switch (action) {
			case ACCEPT -> new ReferralAccepted(referral.id(), place.id(), place.name(), referrerEmail);
			case REJECT -> new ReferralRejected(referral.id(), place.id(), place.name(), referrerEmail, reason);
			case CANCEL -> new ReferralCancelled(referral.id(), place.id(), place.name(), place.hostEmail(), reason);
			case COMPLETE -> new ReferralCompleted(referral.id(), place.id(), place.name(), referrerEmail,
					place.hostEmail());
			case FAIL -> new ReferralFailed(referral.id(), place.id(), place.name(), referrerEmail, place.hostEmail(),
					reason);
			case HOLD, RESUME -> null;
		});
	}

	record ReferralAccepted(String referralId, String placeId, String placeName, String referrerEmail) {
	}

	record ReferralRejected(String referralId, String placeId, String placeName, String referrerEmail,
			String reason) {
	}

	record ReferralCompleted(String referralId, String placeId, String placeName, String referrerEmail,
			String hostEmail) {
	}

	record ReferralFailed(String referralId, String placeId, String placeName, String referrerEmail, String hostEmail,
			String reason) {
	}

}
