package org.communityplaces.referrals.outcome;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;

import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.caller.Role;
import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.referral.ReferralProblems;
import org.communityplaces.referrals.referral.ReferralStatus;

/**
 * When the person's scores are taken, and who may record them when: the referrer's
 * organisation, once each, a baseline before the referral closes and a follow-up once the
 * person has started going. The day they were taken is a day of the referral's life.
 */
enum Timepoint {

	BASELINE("baseline", "record-baseline", "Record scores before they start"),
	FOLLOW_UP("follow-up", "record-follow-up", "Record follow-up scores");

	/**
	 * How long before the referral its baseline may have been taken: the conversation that led
	 * to the referral often comes some weeks before it is made, but scores from longer ago say
	 * nothing about the person as they start.
	 */
	static final int BASELINE_DAYS_BEFORE_REFERRAL = 90;

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

	/**
	 * @param day when the scores were taken
	 * @param today the day in the service's time zone {@code zone}
	 * @return null when scores taken on this day can be recorded, otherwise why not: never in
	 * the future, a baseline not long before the referral was made, a follow-up not before the
	 * baseline nor before the person first went
	 */
	String whyNotTakenOn(LocalDate day, Referral referral, LocalDate today, ZoneId zone) {
		if (day.isAfter(today)) {
			return "must not be in the future";
		}
		if (this == BASELINE) {
			LocalDate made = referral.timeline().createdAt().atZone(zone).toLocalDate();
			return day.isBefore(made.minusDays(BASELINE_DAYS_BEFORE_REFERRAL))
					? "must be at most " + BASELINE_DAYS_BEFORE_REFERRAL + " days before the referral was made on " + made
					: null;
		}
		LocalDate baseline = referral.outcomes().baseline().measuredOn();
		if (day.isBefore(baseline)) {
			return "must not be before the baseline scores were taken on " + baseline;
		}
		Instant firstWent = referral.timeline().firstAttendedAt();
		if (firstWent != null && day.isBefore(firstWent.atZone(zone).toLocalDate())) {
			return "must not be before they first went, on " + firstWent.atZone(zone).toLocalDate();
		}
		return null;
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
