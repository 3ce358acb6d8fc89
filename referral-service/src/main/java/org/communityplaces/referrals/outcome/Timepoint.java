package org.communityplaces.referrals.outcome;

import java.util.Arrays;

import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.caller.Role;
import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.referral.ReferralProblems;
import org.communityplaces.referrals.referral.ReferralStatus;

/**
 * When the person's scores are taken, and who may record them when: the referrer's
 * organisation, once each, a baseline before the referral closes and a follow-up once the
 * person has started going.
 */
enum Timepoint {

	BASELINE("baseline", "record-baseline", "Record scores before they start"),
	FOLLOW_UP("follow-up", "record-follow-up", "Record follow-up scores");

	private final String code;

	private final String action;

	private final String label;

	/**
	 * @param code as the contract's {@code outcome-timepoint} vocabulary has it
	 * @param action its name in the list of actions on a referral
	 */
	Timepoint(String code, String action, String label) {
		this.code = code;
		this.action = action;
		this.label = label;
	}

	static Timepoint ofCode(String code) {
		return Arrays.stream(values())
			.filter(timepoint -> timepoint.code.equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Not an outcome timepoint: " + code));
	}

	String code() {
		return code;
	}

	String action() {
		return action;
	}

	String label() {
		return label;
	}

	/** The rule, as the list of actions on a referral reads it. */
	boolean availableTo(Caller caller, Referral referral) {
		return caller.is(Role.REFERRER) && whyNotNow(referral) == null;
	}

	/** The same rule, as a request reads it: 403 for anyone but a referrer, 409 when not now. */
	void recordedBy(Caller caller, Referral referral) {
		if (!caller.is(Role.REFERRER)) {
			throw ReferralProblems.notAllowed(caller, "record the outcomes of");
		}
		String whyNot = whyNotNow(referral);
		if (whyNot != null) {
			throw new ReferralProblems.Conflict(whyNot);
		}
	}

	/** @return null when the scores can be recorded now, otherwise why not */
	private String whyNotNow(Referral referral) {
		Referral.Outcomes outcomes = referral.outcomes() == null ? Referral.Outcomes.NONE : referral.outcomes();
		ReferralStatus status = referral.status();
		if (this == BASELINE) {
			if (outcomes.baseline() != null) {
				return "The baseline scores are already recorded.";
			}
			return status.closed() ? "Baseline scores are for a referral still open; this one is " + status.code() + "."
					: null;
		}
		if (outcomes.followUp() != null) {
			return "The follow-up scores are already recorded.";
		}
		if (outcomes.baseline() == null) {
			return "Record the baseline scores before the follow-up.";
		}
		return status == ReferralStatus.IN_PROGRESS || status == ReferralStatus.COMPLETED ? null
				: "Follow-up scores are for a person who has started going; this referral is " + status.code() + ".";
	}

}
