package org.communityplaces.referrals.erasure;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.communityplaces.platform.audit.AuditLog;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.referrals.lifecycle.ReferralCancelled;
import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.referral.ReferralMetrics;
import org.communityplaces.referrals.referral.ReferralStatus;
import org.communityplaces.referrals.referral.ReferralStore;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The one place a referral's personal data is erased, whoever asks. What stays is what uptake,
 * the metrics and the audit trail count, and none of it names or describes the person: the
 * status, its history of coded steps with who took them and when, the timeline and deadline,
 * the place, the referring organisation and its referrer, the sessions the place recorded,
 * the earlier and later attempts, how consent was given and on what basis (for the audit of
 * the erasure itself), what the person agreed to share and which way they chose to hear, and
 * their postcode district, which uptake counts by. Everything else of the person goes: their
 * names, contact, NHS number, age band, needs, interests and access needs, why they were
 * referred, notes, the words of the steps and of the messages with their writers' names, the
 * ways to reach them and where and when they were expected, and their scores. Messages for
 * them still waiting to be relayed are dropped. Each erasure is audited and announced, so
 * that notification-service forgets what it holds about them.
 */
@Component
class PersonalDataErasure {

	static final String RETENTION_PERIOD_ENDED = "retention-period-ended";

	static final String CONSENT_WITHDRAWN = "consent-withdrawn";

	/** The contract's type of the outbox entries that hold where to reach the person. */
	private static final String MESSAGE_FOR_THE_PERSON = "PersonToBeTold";

	private final ReferralStore referrals;

	private final ReferralMetrics metrics;

	private final AuditLog audit;

	private final Clock clock;

	PersonalDataErasure(ReferralStore referrals, ReferralMetrics metrics, AuditLog audit, Clock clock) {
		this.referrals = referrals;
		this.metrics = metrics;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Erases the person's details from the referral as it was read. An open referral cannot go
	 * on without them, so it is cancelled in the same write, and its host told it was withdrawn.
	 *
	 * @param reason an {@code erasure-reason} code, which is also the reason of that cancellation
	 * @param caller who asked, or null for the service on its own schedule
	 * @throws org.springframework.dao.OptimisticLockingFailureException when it changed since it was read
	 */
	Referral erase(Referral referral, String reason, Caller caller) {
		Instant now = clock.instant();
		Referral current = withoutMessagesForThePerson(referral, now);
		Update changes = erased(current, now, reason);
		List<Record> events = new ArrayList<>();
		List<Referral.StatusChange> history = new ArrayList<>(withoutWords(current.history()));
		boolean cancels = !current.status().closed();
		if (cancels) {
			history.add(Referral.StatusChange.by(caller, ReferralStatus.CANCELLED, now, reason, null));
			changes.set("status", ReferralStatus.CANCELLED).set("timeline.closedAt", now);
			if (current.status() != ReferralStatus.DRAFT) {
				Referral.Place place = current.place();
				events.add(new ReferralCancelled(current.id(), place.id(), place.name(),
						place.hostEmail(), reason));
			}
		}
		changes.set("history", history);
		events.add(new ErasureEvents.ReferralPersonalDataErased(current.id(), current.place().id(), reason));
		Referral after = referrals.update(current, changes, now, events.toArray(Record[]::new));
		if (cancels) {
			metrics.transitioned(after, reason);
		}
		String purpose = "erase personal data (" + reason + ")";
		if (caller == null) {
			audit.changedOnSchedule("referral", after.id(), purpose);
		}
		else {
			audit.changed(caller, "referral", after.id(), purpose);
		}
		return after;
	}

	/**
	 * A message for the person waiting in the outbox holds where to reach them: it goes before
	 * anything else, in a write of its own, as one update cannot both take from the outbox and add to it.
	 */
	private Referral withoutMessagesForThePerson(Referral referral, Instant now) {
		boolean holdsOne = referral.outbox() != null
				&& referral.outbox().stream().anyMatch(entry -> MESSAGE_FOR_THE_PERSON.equals(entry.type()));
		if (!holdsOne) {
			return referral;
		}
		return referrals.update(referral,
				new Update().pull("outbox", Query.query(Criteria.where("type").is(MESSAGE_FOR_THE_PERSON)).getQueryObject()),
				now);
	}

	private static Update erased(Referral referral, Instant now, String reason) {
		Referral.Person person = referral.person();
		Referral.Consent consent = referral.consent();
		Referral.Telling telling = referral.telling();
		return new Update()
			.set("person",
					new Referral.Person(null, null, null, person == null ? null : person.postcodeDistrict(), null,
							List.of(), List.of(), List.of(), null))
			.set("consent",
					consent == null ? null
							: new Referral.Consent(null, consent.recordedAt(), consent.method(), consent.lawfulBasis(),
									consent.sharing()))
			.unset("notes")
			.set("reasons", List.of())
			.unset("outcomes")
			.set("messages",
					referral.messages()
						.stream()
						.map(message -> new Referral.Message(message.byUserId(), message.byRole(), null, null,
								message.at()))
						.toList())
			.set("telling",
					new Referral.Telling(telling.by(), null, null, null, null, telling.whereAndWhenAskedAt(),
							telling.remindAt(), telling.reminderAskedAt()))
			.unset("idempotency.requestHash")
			.set("erasure", new Referral.Erasure(now, reason));
	}

	private static List<Referral.StatusChange> withoutWords(List<Referral.StatusChange> history) {
		return (history == null ? List.<Referral.StatusChange>of() : history).stream()
			.map(step -> new Referral.StatusChange(step.status(), step.at(), step.byUserId(), step.byRole(),
					step.reason(), null))
			.toList();
	}

}
