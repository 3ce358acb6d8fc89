package org.communityplaces.referrals.attendance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.communityplaces.platform.caller.Caller;
import org.communityplaces.referrals.deadline.ResponseDeadline;
import org.communityplaces.referrals.referral.AvailableAction;
import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.referral.ReferralActions;
import org.communityplaces.referrals.referral.ReferralMetrics;
import org.communityplaces.referrals.referral.ReferralProblems;
import org.communityplaces.referrals.referral.ReferralStatus;
import org.communityplaces.referrals.referral.ReferralStore;

import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Attendance at the place's sessions, and what it says about the referral. */
@Component
@Order(2)
class Attendance implements ReferralActions {

	private final ReferralStore referrals;

	private final ReferralMetrics metrics;

	private final ZoneId timeZone;

	private final Clock clock;

	Attendance(ReferralStore referrals, ReferralMetrics metrics, ResponseDeadline deadline, Clock clock) {
		this.referrals = referrals;
		this.metrics = metrics;
		this.timeZone = deadline.timeZone();
		this.clock = clock;
	}

	/** The person came, or did not come, to a session on this day. */
	Referral record(Caller caller, Referral referral, LocalDate on, Session session) {
		ReferralStatus next = session.recordedBy(caller, referral);
		Instant requestedAt = referral.timeline().requestedAt();
		if (requestedAt != null && on.isBefore(requestedAt.atZone(timeZone).toLocalDate())) {
			throw new ReferralProblems.InvalidField("on", "must not be before the referral was made");
		}
		Instant now = clock.instant();
		boolean moved = next != referral.status();
		String reason = session.attended() ? null : "did-not-attend";
		Update changes = moved ? ReferralStore.moveTo(next, caller, now, reason, null) : new Update();
		changes.push("attendance", new Referral.Attendance(on, session.attended(), now, Referral.roleOf(caller)));
		boolean first = session.attended() && referral.timeline().firstAttendedAt() == null;
		Instant attendedAt = on.atStartOfDay(timeZone).toInstant();
		if (first) {
			changes.set("timeline.firstAttendedAt", attendedAt);
		}
		Referral after = referrals.update(referral, changes, now,
				new AttendanceRecorded(referral.id(), referral.place().id(), referral.place().name(),
						referral.referrer().email(), on, session.attended(), next.code()));
		if (moved) {
			metrics.transitioned(after, reason);
		}
		if (first) {
			metrics.firstAttended(after, requestedAt, attendedAt.isBefore(requestedAt) ? requestedAt : attendedAt);
		}
		return after;
	}

	@Override
	public List<AvailableAction> available(Caller caller, Referral referral) {
		List<AvailableAction> available = new ArrayList<>();
		for (Session session : Session.values()) {
			if (session.availableTo(caller, referral)) {
				available.add(AvailableAction.attendance(referral, session.code(), session.label(), session.attended()));
			}
		}
		return available;
	}

}
