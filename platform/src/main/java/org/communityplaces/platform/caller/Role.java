package org.communityplaces.platform.caller;

/** What a signed-in person does here, which decides what they may see and do. */
public enum Role {

	/** A social worker or link worker who refers people; belongs to an organisation. */
	REFERRER,

	/** Answers referrals for the places whose host contact they are. */
	HOST,

	/** Watches uptake in aggregate; sees no personal data. */
	COMMISSIONER,

	/** Runs the service and reads the audit log; sees no personal data through the referral API. */
	ADMIN

}
