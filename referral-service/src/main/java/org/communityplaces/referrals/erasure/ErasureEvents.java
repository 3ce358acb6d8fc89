package org.communityplaces.referrals.erasure;

/**
 * The events of an erasure, as the contract names them: ids and codes, never the person, and
 * nothing that says why to anyone but notification-service, which forgets what it holds.
 */
final class ErasureEvents {

	private ErasureEvents() {
	}

	/** @param reason an {@code erasure-reason} code */
	record ReferralPersonalDataErased(String referralId, String placeId, String reason) {
	}

}
