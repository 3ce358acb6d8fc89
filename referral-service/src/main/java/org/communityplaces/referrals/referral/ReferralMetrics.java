package org.communityplaces.referrals.referral;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * What commissioners see of referrals, in aggregate only. Labels are bounded sets (place kind,
 * postcode area, coded reason, status), never a person, referral or place id. Recorded only
 * after the change they count is stored.
 */
@Component
public class ReferralMetrics {

	private static final Duration[] DAYS = { Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(12),
			Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(3), Duration.ofDays(5), Duration.ofDays(7),
			Duration.ofDays(14), Duration.ofDays(28) };

	private final MeterRegistry meters;

	ReferralMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	/** A referral reached a new status (or, for attendance, recorded a session). */
	public void transitioned(Referral after, String reason) {
		Counter.builder("referrals.transitions")
			.description("Referrals reaching each status")
			.tag("status", after.status().code())
			.tag("place_kind", after.place().kind())
			.tag("area", after.place().area())
			.tag("reason", reason == null ? "none" : reason)
			.register(meters)
			.increment();
	}

	/** The host accepted or rejected: how long after the request. */
	public void decided(Referral after, Instant requestedAt, Instant decidedAt) {
		Timer.builder("referrals.decision.time")
			.description("From request to the host's decision")
			.tag("decision", after.status().code())
			.tag("place_kind", after.place().kind())
			.tag("area", after.place().area())
			.serviceLevelObjectives(DAYS)
			.register(meters)
			.record(Duration.between(requestedAt, decidedAt));
	}

	/** The person came for the first time: how long after the request. */
	public void firstAttended(Referral after, Instant requestedAt, Instant attendedAt) {
		Timer.builder("referrals.first.attendance.time")
			.description("From request to the person's first attendance")
			.tag("place_kind", after.place().kind())
			.tag("area", after.place().area())
			.serviceLevelObjectives(DAYS)
			.register(meters)
			.record(Duration.between(requestedAt, attendedAt));
	}

	/**
	 * A follow-up score and the baseline it pairs with. Both are recorded together, so the mean
	 * change is the difference of the two means; the direction counts say how many got better.
	 * Micrometer ignores negative amounts, which is why the change itself is not the amount.
	 */
	public void outcomeChanged(Referral referral, OutcomeMeasure measure, int baseline, int followUp) {
		score(referral, measure.code(), "baseline", baseline);
		score(referral, measure.code(), "follow-up", followUp);
		int change = measure.improvement(baseline, followUp);
		Counter.builder("referrals.outcome.changes")
			.description("Follow-ups better, unchanged or worse than their baseline")
			.tag("measure", measure.code())
			.tag("direction", change > 0 ? "improved" : change == 0 ? "unchanged" : "worse")
			.tag("place_kind", referral.place().kind())
			.tag("area", referral.place().area())
			.register(meters)
			.increment();
	}

	private void score(Referral referral, String measure, String timepoint, int value) {
		DistributionSummary.builder("referrals.outcome.score")
			.description("Paired baseline and follow-up scores")
			.tag("measure", measure)
			.tag("timepoint", timepoint)
			.tag("place_kind", referral.place().kind())
			.tag("area", referral.place().area())
			.register(meters)
			.record(value);
	}

}
