package org.communityplaces.referrals.message;

/**
 * The referrer or the host ({@code authorRole}) wrote a message on a referral, for the other
 * side's alert: who to tell, never what was written nor by whom by name.
 */
record ReferralMessageWritten(String referralId, String placeId, String placeName, String referrerEmail,
		String hostEmail, String authorRole) {
}
