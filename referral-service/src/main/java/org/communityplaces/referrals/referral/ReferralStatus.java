package org.communityplaces.referrals.referral;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a referral stands, after the FHIR Task pattern for referral management (the codes are
 * FHIR's task-status codes, with {@code expired} for a request nobody answered in time).
 */
enum ReferralStatus {

	DRAFT("draft"), REQUESTED("requested"), ACCEPTED("accepted"), REJECTED("rejected"), CANCELLED("cancelled"),
	EXPIRED("expired"), IN_PROGRESS("in-progress"), ON_HOLD("on-hold"), COMPLETED("completed"), FAILED("failed");

	private final String code;

	ReferralStatus(String code) {
		this.code = code;
	}

	String code() {
		return code;
	}

	static Optional<ReferralStatus> ofCode(String code) {
		return Arrays.stream(values()).filter(status -> status.code.equalsIgnoreCase(code)).findFirst();
	}

	/**
	 * The state machine: where this action takes a referral in this status.
	 * @param heldFrom the status before it was put on hold, which {@link Action#RESUME} goes back to
	 * @return empty when the action is not possible now
	 */
	Optional<ReferralStatus> after(Action action, ReferralStatus heldFrom) {
		ReferralStatus next = switch (action) {
			case SUBMIT -> this == DRAFT ? REQUESTED : null;
			case ACCEPT -> this == REQUESTED ? ACCEPTED : null;
			case REJECT -> this == REQUESTED ? REJECTED : null;
			case EXPIRE -> this == REQUESTED ? EXPIRED : null;
			case CANCEL -> switch (this) {
				case DRAFT, REQUESTED, ACCEPTED, IN_PROGRESS, ON_HOLD -> CANCELLED;
				default -> null;
			};
			case ATTEND -> this == ACCEPTED || this == IN_PROGRESS ? IN_PROGRESS : null;
			case MISS -> switch (this) {
				case ACCEPTED -> FAILED;
				case IN_PROGRESS -> IN_PROGRESS;
				default -> null;
			};
			case COMPLETE -> this == IN_PROGRESS ? COMPLETED : null;
			case FAIL -> this == ACCEPTED || this == IN_PROGRESS ? FAILED : null;
			case HOLD -> this == ACCEPTED || this == IN_PROGRESS ? ON_HOLD : null;
			case RESUME -> this == ON_HOLD ? heldFrom : null;
		};
		return Optional.ofNullable(next);
	}

	/** Nothing more happens to a referral in this status; it can only be re-referred elsewhere. */
	boolean closed() {
		return this == REJECTED || this == CANCELLED || this == EXPIRED || this == COMPLETED || this == FAILED;
	}

}
