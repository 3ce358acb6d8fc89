package org.communityplaces.referrals.deadline;

import java.time.Clock;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.referral.ReferralMetrics;
import org.communityplaces.referrals.referral.ReferralStatus;
import org.communityplaces.referrals.referral.ReferralStore;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Watches the hosts' deadlines: reminds them of requests half way to the deadline, and
 * expires those past it. Only the service itself expires a referral, and only here.
 */
@Component
class DeadlineWatch {

	private final ReferralStore referrals;

	private final ReferralMetrics metrics;

	private final Clock clock;

	DeadlineWatch(ReferralStore referrals, ReferralMetrics metrics, Clock clock) {
		this.referrals = referrals;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Safe to run on every instance at once, as each change is conditional on the version it
	 * read: a referral the host answered meanwhile, or another instance reminded or expired,
	 * is left as it is.
	 */
	@SchedulerLock(name = "response-deadlines", lockAtMostFor = "10m")
	@Scheduled(fixedDelayString = "${referrals.response.check-interval}",
			initialDelayString = "${referrals.response.check-interval}")
	void remindAndExpire() {
		Instant now = clock.instant();
		for (Referral due : referrals.find(Criteria.where("status").is(ReferralStatus.REQUESTED)
			.and("deadline.remindAt").lte(now)
			.and("deadline.remindedAt").is(null))) {
			try {
				referrals.update(due, new Update().set("deadline.remindedAt", now), now,
						DeadlineEvents.ReferralReminderDue.of(due));
			}
			catch (OptimisticLockingFailureException decidedMeanwhile) {
				// The host answered, or another instance reminded, since the query: nothing to do.
			}
		}
		for (Referral late : referrals.find(Criteria.where("status").is(ReferralStatus.REQUESTED)
			.and("deadline.respondBy").lte(now))) {
			try {
				Referral expired = referrals.update(late,
						ReferralStore.moveTo(ReferralStatus.EXPIRED, null, now, null, null), now,
						DeadlineEvents.ReferralExpired.of(late));
				metrics.transitioned(expired, null);
			}
			catch (OptimisticLockingFailureException decidedMeanwhile) {
				// The host answered at the last moment, or another instance expired it.
			}
		}
	}

}
