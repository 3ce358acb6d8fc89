package org.communityplaces.referrals.attendance;

import java.time.LocalDate;

/**
 * The person came, or did not come, to a session on {@code sessionDate}, leaving the referral
 * in {@code referralStatus}. For the referrer's alert: nobody's details.
 */
record AttendanceRecorded(String referralId, String placeId, String placeName, String referrerEmail,
		LocalDate sessionDate, boolean attended, String referralStatus) {
}
