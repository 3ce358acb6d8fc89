package org.communityplaces.referrals.deadline;

import java.time.Instant;

import org.communityplaces.referrals.referral.Referral;

/** The events of a host's deadline, as the contract names them: routing contacts, never the person. */
final class DeadlineEvents {

	private DeadlineEvents() {
	}

	/** Half the host's time to answer has gone. */
	record ReferralReminderDue(String referralId, String placeId, String placeName, String hostEmail,
			Instant respondBy) {

		static ReferralReminderDue of(Referral referral) {
			return new ReferralReminderDue(referral.id(), referral.place().id(), referral.place().name(),
					referral.place().hostEmail(), referral.deadline().respondBy());
		}

	}

	/** The host did not answer in time. */
	record ReferralExpired(String referralId, String placeId, String placeName, String referrerEmail,
			String hostEmail) {

		static ReferralExpired of(Referral referral) {
			return new ReferralExpired(referral.id(), referral.place().id(), referral.place().name(),
					referral.referrer().email(), referral.place().hostEmail());
		}

	}

}
