package org.communityplaces.referrals.telling;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.communityplaces.referrals.deadline.ResponseDeadline;
import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.referral.ReferralStatus;
import org.communityplaces.referrals.referral.ReferralStore;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Telling the person, the way they chose: "where and when" once a place accepts, and a reminder
 * the day before their first visit when the host gave its day.
 * <p>
 * Why its own event on its own topic: referral events reach hosts' alerts and webhooks and
 * commissioners' figures, and must never carry the person, while notification-service has no
 * way to ask referral-service at send time on nobody's behalf. So {@code PersonToBeTold}
 * carries only what one message needs to {@code person-messages}, which notification-service
 * alone reads. Each message is claimed in the referral by a write conditional on its version,
 * together with the event (one single-document write, no transaction), so however often the
 * watch runs, on however many instances, each message is asked for once.
 */
@Component
public class PersonMessages {

	private static final List<ReferralStatus> EXPECTED = List.of(ReferralStatus.ACCEPTED);

	private final ReferralStore referrals;

	private final PlaceListings listings;

	private final Clock clock;

	private final ZoneId zone;

	private final LocalTime reminderTime;

	PersonMessages(ReferralStore referrals, PlaceListings listings, Clock clock,
			ResponseDeadline days, @Value("${referrals.telling.reminder-time}") LocalTime reminderTime) {
		this.referrals = referrals;
		this.listings = listings;
		this.clock = clock;
		this.zone = days.timeZone();
		this.reminderTime = reminderTime;
	}

	/** Today where the service counts days: a first visit may be today or later. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	/** Where and when, as the place's listing says it and the host gave the day; read as the host accepts. */
	public Referral.Visit visit(Referral referral, LocalDate firstVisitOn) {
		try {
			return WhereAndWhen.visit(listings.of(referral.place().id()).orElse(null), firstVisitOn);
		}
		catch (RuntimeException unreadable) {
			// A listing this cannot put into words (a time that is not one) must not stop the host's accept
			return WhereAndWhen.visit(null, firstVisitOn);
		}
	}

	/**
	 * Once a place accepted: asks for where and when to be sent, if the person wants to hear. A
	 * change meanwhile leaves it to the watch.
	 * @return the referral as stored now, so the host's answer carries its current version
	 */
	public Referral accepted(Referral accepted) {
		if (accepted.telling().sendsAnything()) {
			try {
				return askWhereAndWhen(accepted, clock.instant());
			}
			catch (OptimisticLockingFailureException changedMeanwhile) {
				// Someone changed the referral since the accept: the watch asks on its next run.
				return referrals.find(accepted.id());
			}
		}
		return accepted;
	}

	/**
	 * Asks for what is due and was not asked for: where and when to a person whose place
	 * accepted (if that was missed), and the reminder the day before a first visit. Safe to run
	 * twice and on every instance at once: each is claimed with the version it read.
	 */
	@SchedulerLock(name = "person-messages-due", lockAtMostFor = "10m")
	@Scheduled(fixedDelayString = "${referrals.telling.check-interval}",
			initialDelayString = "${referrals.telling.check-interval}")
	void tellAndRemind() {
		Instant now = clock.instant();
		for (Referral untold : referrals.find(Criteria.where("status").in(EXPECTED)
			.and("telling.by").in("text", "email", "letter")
			.and("telling.whereAndWhenAskedAt").is(null))) {
			try {
				askWhereAndWhen(untold, now);
			}
			catch (OptimisticLockingFailureException changedMeanwhile) {
				// Another instance asked, or the referral moved on: the next run sees it as it is.
			}
		}
		for (Referral due : referrals.find(Criteria.where("status").in(EXPECTED)
			.and("telling.remindAt").lte(now)
			.and("telling.reminderAskedAt").is(null))) {
			try {
				remind(due, now);
			}
			catch (OptimisticLockingFailureException changedMeanwhile) {
				// Another instance reminded, or the referral moved on.
			}
		}
	}

	private Referral askWhereAndWhen(Referral referral, Instant now) {
		Instant remindAt = remindAt(referral.telling().visit(), now);
		Update claim = new Update().set("telling.whereAndWhenAskedAt", now);
		if (remindAt != null) {
			claim.set("telling.remindAt", remindAt);
		}
		return ask(referral, claim, PersonToBeTold.whereAndWhen(referral), now);
	}

	/** A reminder for a visit already begun (the service was down the day before) is not sent. */
	private void remind(Referral referral, Instant now) {
		LocalDate visitDay = referral.telling().visit().firstVisitOn();
		if (!now.isBefore(visitDay.atStartOfDay(zone).toInstant())) {
			referrals.update(referral, new Update().unset("telling.remindAt"), now);
			return;
		}
		ask(referral, new Update().set("telling.reminderAskedAt", now), PersonToBeTold.reminder(referral), now);
	}

	/**
	 * The reminder at the configured time of the day before the visit; none when the host gave
	 * no day or that moment has passed (where and when, sent now, says it).
	 */
	private Instant remindAt(Referral.Visit visit, Instant now) {
		if (visit == null || visit.firstVisitOn() == null) {
			return null;
		}
		Instant at = visit.firstVisitOn().minusDays(1).atTime(reminderTime).atZone(zone).toInstant();
		return at.isAfter(now) ? at : null;
	}

	/** The claim and the message in one write conditional on the version read. */
	private Referral ask(Referral referral, Update claim, PersonToBeTold message, Instant now) {
		return referrals.update(referral, claim, now, message);
	}

}
