package org.communityplaces.referrals.lifecycle;

/**
 * A referral was cancelled: by its referrer, or by a withdrawal of consent, so that the host
 * hears only that it was withdrawn. The place, the coded reason and the host's work e-mail that
 * routes the alert; never the person's details nor the words given with the reason.
 */
public record ReferralCancelled(String referralId, String placeId, String placeName, String hostEmail, String reason) {
}
