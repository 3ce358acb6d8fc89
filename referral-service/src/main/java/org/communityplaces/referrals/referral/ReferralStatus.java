package org.communityplaces.referrals.referral;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a referral stands, after the FHIR Task pattern for referral management (the codes are
 * FHIR's task-status codes, with {@code expired} for a request nobody answered in time), as
 * the contract's {@code referral-status} vocabulary lists them. Each feature owns the steps
 * between them that it takes.
 */
public enum ReferralStatus {

	DRAFT("draft"), REQUESTED("requested"), ACCEPTED("accepted"), REJECTED("rejected"), CANCELLED("cancelled"),
	EXPIRED("expired"), IN_PROGRESS("in-progress"), ON_HOLD("on-hold"), COMPLETED("completed"), FAILED("failed");

	private final String code;

	ReferralStatus(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static Optional<ReferralStatus> ofCode(String code) {
		return Arrays.stream(values()).filter(status -> status.code.equalsIgnoreCase(code)).findFirst();
	}

	/** Nothing more happens to a referral in this status; it can only be re-referred elsewhere. */
	public boolean closed() {
		return this == REJECTED || this == CANCELLED || this == EXPIRED || this == COMPLETED || this == FAILED;
	}

}
