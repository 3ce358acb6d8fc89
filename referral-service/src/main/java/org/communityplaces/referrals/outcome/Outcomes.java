package org.communityplaces.referrals.outcome;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.communityplaces.platform.caller.Caller;
import org.communityplaces.referrals.deadline.ResponseDeadline;
import org.communityplaces.referrals.outcome.OutcomeController.OutcomeRecord;
import org.communityplaces.referrals.referral.AvailableAction;
import org.communityplaces.referrals.referral.OutcomeMeasure;
import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.referral.ReferralActions;
import org.communityplaces.referrals.referral.ReferralMetrics;
import org.communityplaces.referrals.referral.ReferralProblems;
import org.communityplaces.referrals.referral.ReferralStore;
import org.communityplaces.referrals.vocabulary.ReferralCodes;

import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A baseline, then later a follow-up, of the person's loneliness, wellbeing and social network
 * scores. The scores stay inside the service: the event names the measures, and commissioners
 * get only how they changed, in aggregate.
 */
@Component
@Order(4)
class Outcomes implements ReferralActions {

	private final ReferralStore referrals;

	private final ReferralCodes codes;

	private final ReferralMetrics metrics;

	private final ZoneId timeZone;

	private final Clock clock;

	Outcomes(ReferralStore referrals, ReferralCodes codes, ReferralMetrics metrics, ResponseDeadline deadline,
			Clock clock) {
		this.referrals = referrals;
		this.codes = codes;
		this.metrics = metrics;
		this.timeZone = deadline.timeZone();
		this.clock = clock;
	}

	Referral record(Caller caller, Referral referral, OutcomeRecord record) {
		Timepoint timepoint = Timepoint.ofCode(codes.check("outcome-timepoint", "timepoint", record.timepoint()));
		timepoint.recordedBy(caller, referral);
		if (record.uclaLoneliness() == null && record.ons4() == null && record.lsns6() == null) {
			throw new ReferralProblems.InvalidField("uclaLoneliness",
					"give the UCLA loneliness score, the ONS4 scores, the LSNS-6 social network answers, or any of them together");
		}
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, timeZone);
		LocalDate measuredOn = record.measuredOn() == null ? today : record.measuredOn();
		String whyNot = timepoint.whyNotTakenOn(measuredOn, referral, today, timeZone);
		if (whyNot != null) {
			throw new ReferralProblems.InvalidField("measuredOn", whyNot);
		}
		Referral.Scores scores = new Referral.Scores(measuredOn, now, record.uclaLoneliness(),
				record.ons4() == null ? null
						: new Referral.Ons4(record.ons4().lifeSatisfaction(), record.ons4().worthwhile(),
								record.ons4().happiness(), record.ons4().anxiety()),
				record.lsns6() == null ? null
						: Referral.Lsns6.of(record.lsns6().relativesSeenMonthly(), record.lsns6().relativesToTalkTo(),
								record.lsns6().relativesToCallOnForHelp(), record.lsns6().friendsSeenMonthly(),
								record.lsns6().friendsToTalkTo(), record.lsns6().friendsToCallOnForHelp()));
		List<String> measures = new ArrayList<>();
		if (scores.uclaLoneliness() != null) {
			measures.add("ucla-loneliness");
		}
		if (scores.ons4() != null) {
			measures.add("ons4");
		}
		if (scores.lsns6() != null) {
			measures.add("lsns6-social-network");
		}
		boolean baseline = timepoint == Timepoint.BASELINE;
		Referral after = referrals.update(referral,
				new Update().set(baseline ? "outcomes.baseline" : "outcomes.followUp", scores), now,
				new OutcomeRecorded(referral.id(), referral.place().id(), referral.place().name(), timepoint.code(),
						List.copyOf(measures)));
		if (!baseline) {
			countChange(after, referral.outcomes().baseline(), scores);
		}
		return after;
	}

	@Override
	public List<AvailableAction> available(Caller caller, Referral referral) {
		List<AvailableAction> available = new ArrayList<>();
		for (Timepoint timepoint : Timepoint.values()) {
			if (timepoint.availableTo(caller, referral)) {
				available.add(AvailableAction.outcome(referral, timepoint.action(), timepoint.label(), timepoint.code()));
			}
		}
		return available;
	}

	private void countChange(Referral referral, Referral.Scores baseline, Referral.Scores followUp) {
		for (OutcomeMeasure measure : OutcomeMeasure.values()) {
			Integer before = measure.of(baseline);
			Integer after = measure.of(followUp);
			if (before != null && after != null) {
				metrics.outcomeChanged(referral, measure, before, after);
			}
		}
	}

}
