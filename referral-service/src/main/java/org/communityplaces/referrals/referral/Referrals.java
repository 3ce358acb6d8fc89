package org.communityplaces.referrals.referral;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import tools.jackson.databind.json.JsonMapper;

import org.bson.types.ObjectId;
import org.communityplaces.platform.outbox.OutboxEntry;
import org.communityplaces.platform.outbox.OutboxWritten;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.referrals.place.PlaceHostChanged;
import org.communityplaces.referrals.place.PlaceSummary;
import org.communityplaces.referrals.referral.ReferralRequests.ConsentDetails;
import org.communityplaces.referrals.referral.ReferralRequests.Decision;
import org.communityplaces.referrals.referral.ReferralRequests.NewReferral;
import org.communityplaces.referrals.referral.ReferralRequests.OutcomeRecord;
import org.communityplaces.referrals.referral.ReferralRequests.PersonDetails;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The referral lifecycle. Every change is one conditional single-document write that stores
 * the new state and the event it causes together, and succeeds only if nobody changed the
 * referral since it was read: of two concurrent decisions exactly one wins. Metrics and the
 * relay hear of a change only once it is stored.
 */
@Component
class Referrals {

	private static final String COLLECTION = "referrals";

	private final MongoTemplate mongo;

	private final ReferralEvents events;

	private final ReferralCodes codes;

	private final ResponseDeadline deadline;

	private final ReferralMetrics metrics;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	private final JsonMapper json;

	Referrals(MongoTemplate mongo, ReferralEvents events, ReferralCodes codes, ResponseDeadline deadline,
			ReferralMetrics metrics, Clock clock, ApplicationEventPublisher publisher, JsonMapper json) {
		this.mongo = mongo;
		this.events = events;
		this.codes = codes;
		this.deadline = deadline;
		this.metrics = metrics;
		this.clock = clock;
		this.publisher = publisher;
		this.json = json;
	}

	/**
	 * Makes a referral, or with {@code idempotencyKey} one already made with that key: a retried
	 * request never makes a second referral.
	 */
	Referral create(Caller caller, NewReferral request, PlaceSummary place, String idempotencyKey) {
		Referral.Person person = person(request.person());
		List<String> reasons = codes.check("reason", "reasons", request.reasons());
		String id = new ObjectId().toHexString();
		String key = idempotencyKey == null ? "auto:" + id : caller.id() + ":" + idempotencyKey;
		String requestHash = hash(json.writeValueAsString(request));
		Instant now = clock.instant();
		Referral referral = newReferral(id, Boolean.TRUE.equals(request.draft()) ? ReferralStatus.DRAFT : ReferralStatus.REQUESTED, caller,
				person, consent(caller, request.consent(), now), blankToNull(request.notes()), reasons, place, List.of(),
				key, requestHash, now);
		try {
			referral = mongo.insert(referral);
		}
		catch (DuplicateKeyException keyUsedBefore) {
			Referral earlier = mongo.findOne(Query.query(Criteria.where("idempotencyKey").is(key)), Referral.class);
			if (earlier == null || !earlier.requestHash().equals(requestHash)) {
				throw new ReferralProblems.IdempotencyKeyReused();
			}
			return earlier;
		}
		if (referral.status() == ReferralStatus.REQUESTED) {
			metrics.transitioned(referral, null);
		}
		return announced(referral);
	}

	/**
	 * Refers the person of a referral that came to nothing to another place. The earlier
	 * referral points to the new one, which keeps the chain of earlier attempts.
	 */
	Referral reRefer(Caller caller, Referral previous, PlaceSummary place) {
		if (!previous.status().closed() || previous.status() == ReferralStatus.COMPLETED) {
			throw new ReferralProblems.Conflict("Only a referral that was declined, expired, cancelled or failed can be "
					+ "referred again; this one is " + previous.status().code() + ".");
		}
		if (previous.nextAttempt() != null) {
			throw new ReferralProblems.Conflict("This referral was already referred again, as " + previous.nextAttempt() + ".");
		}
		String id = new ObjectId().toHexString();
		Query notYetReReferred = Query.query(Criteria.where("_id").is(previous.id())
			.and("version").is(previous.version())
			.and("nextAttempt").is(null));
		if (mongo.updateFirst(notYetReReferred, new Update().set("nextAttempt", id).inc("version", 1), COLLECTION)
			.getModifiedCount() == 0) {
			throw new OptimisticLockingFailureException("Referral changed since it was read");
		}
		List<String> attempts = new ArrayList<>(previous.previousAttempts());
		attempts.add(previous.id());
		Referral referral = newReferral(id, ReferralStatus.REQUESTED, caller, previous.person(), previous.consent(),
				previous.notes(), previous.reasons(), place, attempts, "auto:" + id, null, clock.instant());
		referral = mongo.insert(referral);
		metrics.transitioned(referral, null);
		return announced(referral);
	}

	Referral find(String id) {
		Referral referral = mongo.findById(id, Referral.class);
		if (referral == null) {
			throw new ReferralProblems.NotFound();
		}
		return referral;
	}

	List<Referral> find(Criteria criteria, Sort sort, int page, int size) {
		return mongo.find(Query.query(criteria).with(sort).skip((long) page * size).limit(size), Referral.class);
	}

	/** Moves the referral on: submit, accept, reject, cancel, complete, fail, hold or resume. */
	Referral act(Caller caller, Referral referral, Action action, Decision decision) {
		String reason = reasonFor(action, decision);
		ReferralStatus next = next(referral, action);
		Instant now = clock.instant();
		Update changes = new Update().set("status", next)
			.push("history", new Referral.StatusChange(next.code(), now, caller == null ? null : caller.id(),
					caller == null ? "system" : caller.role().name().toLowerCase(Locale.ROOT), reason,
					blankToNull(decision.text())));
		OutboxEntry event = switch (action) {
			case SUBMIT -> {
				Instant respondBy = deadline.respondBy(now);
				changes.set("requestedAt", now).set("respondBy", respondBy).set("remindAt", deadline.remindAt(now, respondBy));
				yield events.requested(referral, now, respondBy);
			}
			case ACCEPT -> {
				changes.set("decidedAt", now);
				yield events.accepted(referral, now);
			}
			case REJECT -> {
				changes.set("decidedAt", now);
				yield events.rejected(referral, now, reason);
			}
			case CANCEL -> referral.status() == ReferralStatus.DRAFT ? null : events.cancelled(referral, now, reason);
			case EXPIRE -> events.expired(referral, now);
			case COMPLETE -> events.completed(referral, now);
			case FAIL -> events.failed(referral, now, reason);
			case HOLD -> {
				changes.set("heldFrom", referral.status());
				yield null;
			}
			case RESUME -> {
				changes.unset("heldFrom");
				yield null;
			}
			case ATTEND, MISS -> throw new IllegalArgumentException("Attendance is recorded with its session date");
		};
		if (next.closed()) {
			changes.set("closedAt", now);
		}
		Referral after = write(referral, changes, event);
		metrics.transitioned(after, reason);
		if (action == Action.ACCEPT || action == Action.REJECT) {
			metrics.decided(after, referral.requestedAt(), now);
		}
		return after;
	}

	/** The person came, or did not come, to a session on this day. */
	Referral recordAttendance(Caller caller, Referral referral, LocalDate on, boolean attended) {
		Action action = attended ? Action.ATTEND : Action.MISS;
		ReferralStatus next = next(referral, action);
		if (referral.requestedAt() != null && on.isBefore(referral.requestedAt().atZone(deadline.timeZone()).toLocalDate())) {
			throw new ReferralProblems.InvalidField("on", "must not be before the referral was made");
		}
		Instant now = clock.instant();
		boolean first = attended && referral.firstAttendedAt() == null;
		Update changes = new Update().set("status", next)
			.push("attendance", new Referral.Attendance(on, attended, now, caller.role().name().toLowerCase(Locale.ROOT)));
		if (next != referral.status()) {
			changes.push("history", new Referral.StatusChange(next.code(), now, caller.id(),
					caller.role().name().toLowerCase(Locale.ROOT), attended ? null : "did-not-attend", null));
		}
		Instant attendedAt = on.atStartOfDay(deadline.timeZone()).toInstant();
		if (first) {
			changes.set("firstAttendedAt", attendedAt);
		}
		if (next.closed()) {
			changes.set("closedAt", now);
		}
		Referral after = write(referral, changes, events.attendanceRecorded(referral, now, on, attended, next));
		if (next != referral.status()) {
			metrics.transitioned(after, attended ? null : "did-not-attend");
		}
		if (first) {
			metrics.firstAttended(after, referral.requestedAt(),
					attendedAt.isBefore(referral.requestedAt()) ? referral.requestedAt() : attendedAt);
		}
		return after;
	}

	/** A baseline, then later a follow-up, of the person's loneliness and wellbeing scores. */
	Referral recordOutcome(Referral referral, OutcomeRecord record) {
		if (record.uclaLoneliness() == null && record.ons4() == null) {
			throw new ReferralProblems.InvalidField("uclaLoneliness", "give the UCLA loneliness score, the ONS4 scores or both");
		}
		boolean baseline = record.timepoint().equals("baseline");
		Referral.Outcomes outcomes = referral.outcomes() == null ? new Referral.Outcomes(null, null) : referral.outcomes();
		if (baseline ? outcomes.baseline() != null : outcomes.followUp() != null) {
			throw new ReferralProblems.Conflict("The " + record.timepoint() + " scores are already recorded.");
		}
		if (!baseline && outcomes.baseline() == null) {
			throw new ReferralProblems.Conflict("Record the baseline scores before the follow-up.");
		}
		if (!baseline && referral.status() != ReferralStatus.IN_PROGRESS && referral.status() != ReferralStatus.COMPLETED) {
			throw new ReferralProblems.Conflict("Follow-up scores are for a person who has started going; this referral is "
					+ referral.status().code() + ".");
		}
		Instant now = clock.instant();
		Referral.Scores scores = new Referral.Scores(record.measuredOn() == null ? LocalDate.now(clock.withZone(deadline.timeZone()))
				: record.measuredOn(), now, record.uclaLoneliness(), record.ons4() == null ? null
						: new Referral.Ons4(record.ons4().lifeSatisfaction(), record.ons4().worthwhile(),
								record.ons4().happiness(), record.ons4().anxiety()));
		List<String> measures = new ArrayList<>();
		if (scores.uclaLoneliness() != null) {
			measures.add("ucla-loneliness");
		}
		if (scores.ons4() != null) {
			measures.add("ons4");
		}
		Referral after = write(referral, new Update().set(baseline ? "outcomes.baseline" : "outcomes.followUp", scores),
				events.outcomeRecorded(referral, now, record.timepoint(), measures));
		if (!baseline) {
			recordChange(after, outcomes.baseline(), scores);
		}
		return after;
	}

	/**
	 * Reminds the hosts of requests half way to their deadline, and expires those past it. Safe
	 * to run on every instance at once, as each change is conditional on the version it read.
	 */
	@Scheduled(fixedDelayString = "${referrals.response.check-interval}",
			initialDelayString = "${referrals.response.check-interval}")
	void remindAndExpire() {
		Instant now = clock.instant();
		for (Referral due : mongo.find(Query.query(Criteria.where("status").is(ReferralStatus.REQUESTED)
			.and("remindAt").lte(now)
			.and("remindedAt").is(null)), Referral.class)) {
			try {
				write(due, new Update().set("remindedAt", now), events.reminderDue(due, now));
			}
			catch (OptimisticLockingFailureException decidedMeanwhile) {
				// The host answered, or another instance reminded, since the query: nothing to do.
			}
		}
		for (Referral late : mongo.find(Query.query(Criteria.where("status").is(ReferralStatus.REQUESTED)
			.and("respondBy").lte(now)), Referral.class)) {
			try {
				act(null, late, Action.EXPIRE, Decision.NONE);
			}
			catch (OptimisticLockingFailureException decidedMeanwhile) {
				// The host answered at the last moment, or another instance expired it.
			}
		}
	}

	/**
	 * Referrals still open at a place follow it to its new host; closed ones keep their history.
	 * Typed, so that {@code place.id} maps to where it is stored, and the version moves on.
	 */
	@EventListener
	void hostChanged(PlaceHostChanged change) {
		mongo.updateMulti(Query.query(Criteria.where("place.id").is(change.placeId()).and("closedAt").is(null)),
				new Update().set("place.hostEmail", change.hostEmail().toLowerCase(Locale.ROOT)), Referral.class);
	}

	private ReferralStatus next(Referral referral, Action action) {
		return referral.status()
			.after(action, referral.heldFrom())
			.orElseThrow(() -> new ReferralProblems.IllegalTransition(referral.status(), action));
	}

	private static String reasonFor(Action action, Decision decision) {
		if (action.reasons().isEmpty()) {
			if (decision.reason() != null) {
				throw new ReferralProblems.InvalidField("reason", "this takes no reason");
			}
			return null;
		}
		if (decision.reason() == null || !action.reasons().contains(decision.reason())) {
			throw new ReferralProblems.InvalidField("reason",
					"must be one of " + String.join(", ", new TreeSet<>(action.reasons())));
		}
		if (decision.reason().equals("other") && blankToNull(decision.text()) == null) {
			throw new ReferralProblems.InvalidField("text", "say what the other reason is");
		}
		return decision.reason();
	}

	private Referral write(Referral referral, Update changes, OutboxEntry event) {
		Query unchangedSinceRead = Query.query(Criteria.where("_id").is(referral.id()).and("version").is(referral.version()));
		changes.inc("version", 1);
		if (event != null) {
			changes.push("outbox", event);
		}
		Referral stored = mongo.findAndModify(unchangedSinceRead, changes, FindAndModifyOptions.options().returnNew(true),
				Referral.class, COLLECTION);
		if (stored == null) {
			throw new OptimisticLockingFailureException("Referral changed since it was read");
		}
		return event == null ? stored : announced(stored);
	}

	private void recordChange(Referral referral, Referral.Scores baseline, Referral.Scores followUp) {
		for (OutcomeMeasure measure : OutcomeMeasure.values()) {
			Integer before = measure.of(baseline);
			Integer after = measure.of(followUp);
			if (before != null && after != null) {
				metrics.outcomeChanged(referral, measure, before, after);
			}
		}
	}

	private Referral newReferral(String id, ReferralStatus status, Caller caller, Referral.Person person,
			Referral.Consent consent, String notes, List<String> reasons, PlaceSummary place,
			List<String> previousAttempts, String idempotencyKey, String requestHash, Instant now) {
		boolean requested = status == ReferralStatus.REQUESTED;
		Instant respondBy = requested ? deadline.respondBy(now) : null;
		Referral referral = new Referral(id, null, status, null,
				new Referral.Referrer(caller.id(), caller.name(), caller.email(), caller.organisation(),
						caller.organisationName()),
				person, consent, notes, reasons,
				new Referral.Place(place.id(), place.name(), place.kind(), place.area(),
						place.hostEmail().toLowerCase(Locale.ROOT)),
				now, requested ? now : null, respondBy, requested ? deadline.remindAt(now, respondBy) : null, null, null,
				null, null, List.of(new Referral.StatusChange(status.code(), now, caller.id(),
						caller.role().name().toLowerCase(Locale.ROOT), null, null)),
				List.of(), null, List.copyOf(previousAttempts), null, idempotencyKey, requestHash, List.of());
		return requested ? referral.withOutbox(List.of(events.requested(referral, now, respondBy))) : referral;
	}

	private Referral.Person person(PersonDetails details) {
		if (!details.contact().method().equals("via-referrer") && blankToNull(details.contact().value()) == null) {
			throw new ReferralProblems.InvalidField("person.contact.value", "must be given unless contact is via the referrer");
		}
		String nhsNumber = null;
		if (blankToNull(details.nhsNumber()) != null) {
			nhsNumber = NhsNumber.parse(details.nhsNumber())
				.orElseThrow(() -> new ReferralProblems.InvalidField("person.nhsNumber",
						"not a valid NHS number: 10 digits whose last digit checks the others"));
		}
		return new Referral.Person(details.firstName().strip(), blankToNull(details.lastName()),
				new Referral.Contact(details.contact().method(), blankToNull(details.contact().value())),
				details.postcodeDistrict() == null ? null : details.postcodeDistrict().toUpperCase(Locale.ROOT),
				details.ageBand(), codes.check("need", "person.needs", details.needs()),
				codes.check("interest", "person.interests", details.interests()),
				codes.check("accessibility", "person.accessibility", details.accessibility()), nhsNumber);
	}

	private static Referral.Consent consent(Caller caller, ConsentDetails details, Instant now) {
		String recordedBy = blankToNull(details.recordedBy());
		return new Referral.Consent(recordedBy == null ? caller.name() : recordedBy,
				details.recordedAt() == null ? now : details.recordedAt(), details.method(), details.lawfulBasis());
	}

	/** Tells the outbox relay there is something to send, now that it is stored. */
	private Referral announced(Referral referral) {
		publisher.publishEvent(new OutboxWritten(referral.id()));
		return referral;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static String hash(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}

}
