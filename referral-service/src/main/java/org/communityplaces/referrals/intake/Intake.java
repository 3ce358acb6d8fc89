package org.communityplaces.referrals.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.bson.types.ObjectId;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.outbox.OutboxEntry;
import org.communityplaces.referrals.deadline.ResponseDeadline;
import org.communityplaces.referrals.intake.ReferralRequests.ConsentDetails;
import org.communityplaces.referrals.intake.ReferralRequests.NewReferral;
import org.communityplaces.referrals.intake.ReferralRequests.PersonDetails;
import org.communityplaces.referrals.place.PlaceDirectory;
import org.communityplaces.referrals.place.PlaceSummary;
import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.referral.ReferralMetrics;
import org.communityplaces.referrals.referral.ReferralStatus;
import org.communityplaces.referrals.referral.ReferralStore;
import org.communityplaces.referrals.vocabulary.ReferralCodes;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Making referrals: a new one (sent, or kept as a draft until submitted), and a new attempt
 * at another place for one that came to nothing. A retried request never makes a second
 * referral. Sending a referral to its place starts the host's deadline.
 */
@Component
class Intake {

	private final ReferralStore referrals;

	private final IntakeRules rules;

	private final PlaceDirectory places;

	private final ReferralCodes codes;

	private final ResponseDeadline deadline;

	private final ReferralMetrics metrics;

	private final Clock clock;

	private final JsonMapper json;

	Intake(ReferralStore referrals, IntakeRules rules, PlaceDirectory places, ReferralCodes codes,
			ResponseDeadline deadline, ReferralMetrics metrics, Clock clock, JsonMapper json) {
		this.referrals = referrals;
		this.rules = rules;
		this.places = places;
		this.codes = codes;
		this.deadline = deadline;
		this.metrics = metrics;
		this.clock = clock;
		this.json = json;
	}

	/**
	 * Makes a referral, or with {@code idempotencyKey} returns the one already made with that
	 * key for the same request: found before anything else is asked, so a retry after a timeout
	 * gets it even when the places catalogue (perhaps what was slow) cannot answer now.
	 */
	Referral refer(Caller caller, NewReferral request, String idempotencyKey) {
		rules.mayRefer(caller);
		String requestHash = hash(json.writeValueAsString(request));
		String callersKey = idempotencyKey == null ? null : caller.id() + ":" + idempotencyKey;
		if (callersKey != null) {
			Optional<Referral> madeBefore = referrals.findByIdempotencyKey(callersKey);
			if (madeBefore.isPresent()) {
				return sameRequest(madeBefore.get(), requestHash);
			}
		}
		Content content = new Content(person(request.person()), consent(caller, request.consent()),
				blankToNull(request.notes()), codes.check("referral-reason", "reasons", request.reasons()),
				telling(request.hearBy()));
		Referral.Place place = placeToReferTo(request.placeId());
		String id = new ObjectId().toHexString();
		String key = callersKey == null ? "auto:" + id : callersKey;
		try {
			return newReferral(id, caller, Boolean.TRUE.equals(request.draft()), content, place, Referral.Attempts.FIRST,
					new Referral.Idempotency(key, requestHash));
		}
		catch (DuplicateKeyException madeAtTheSameTime) {
			return referrals.findByIdempotencyKey(key)
				.map(earlier -> sameRequest(earlier, requestHash))
				.orElseThrow(IntakeProblems.IdempotencyKeyReused::new);
		}
	}

	/** The referral a key made before, if this is the request that made it. */
	private static Referral sameRequest(Referral madeBefore, String requestHash) {
		if (!requestHash.equals(madeBefore.idempotency().requestHash())) {
			throw new IntakeProblems.IdempotencyKeyReused();
		}
		return madeBefore;
	}

	/** Sends a draft to its place. */
	Referral submit(Caller caller, Referral draft) {
		rules.maySubmit(caller, draft);
		Instant now = clock.instant();
		Referral.Deadline due = deadline.from(now);
		Referral submitted = referrals.update(draft,
				ReferralStore.moveTo(ReferralStatus.REQUESTED, caller, now, null, null)
					.set("timeline.requestedAt", now)
					.set("deadline", due),
				now, ReferralRequested.of(draft.id(), draft.place(), due));
		metrics.transitioned(submitted, null);
		return submitted;
	}

	/**
	 * Refers the person of a referral that came to nothing to another place. The earlier
	 * referral points to the new one, which keeps the chain of earlier attempts.
	 */
	Referral reRefer(Caller caller, Referral previous, String placeId) {
		rules.mayReRefer(caller, previous);
		Referral.Place place = placeToReferTo(placeId);
		String id = new ObjectId().toHexString();
		referrals.update(previous, new Update().set("attempts.next", id),
				clock.instant());
		List<String> earlier = new ArrayList<>(previous.attempts().previous());
		earlier.add(previous.id());
		return newReferral(id, caller, false,
				new Content(previous.person(), previous.consent(), previous.notes(), previous.reasons(),
						howTheyHear(previous.telling())), place,
				new Referral.Attempts(List.copyOf(earlier), null), new Referral.Idempotency("auto:" + id, null));
	}

	private Referral newReferral(String id, Caller caller, boolean draft, Content content, Referral.Place place,
			Referral.Attempts attempts, Referral.Idempotency idempotency) {
		Instant now = clock.instant();
		ReferralStatus status = draft ? ReferralStatus.DRAFT : ReferralStatus.REQUESTED;
		Referral.Deadline due = draft ? Referral.Deadline.NONE : deadline.from(now);
		List<OutboxEntry> outbox = draft ? List.of()
				: List.of(referrals.entry(ReferralRequested.of(id, place, due), now));
		Referral referral = referrals.insert(new Referral(id, null, status, null,
				new Referral.Referrer(caller.id(), caller.name(), caller.email(), caller.organisation(),
						caller.organisationName()),
				content.person(), content.consent(), content.notes(), content.reasons(), place,
				Referral.Timeline.createdAt(now, draft ? null : now), due,
				List.of(Referral.StatusChange.by(caller, status, now, null, null)), List.of(), null, attempts,
				idempotency, outbox, List.of(), content.telling(), null));
		if (!draft) {
			metrics.transitioned(referral, null);
		}
		return referral;
	}

	private Referral.Place placeToReferTo(String placeId) {
		PlaceSummary place = places.find(placeId).orElseThrow(() -> new IntakeProblems.UnknownPlace("placeId"));
		if (!place.acceptingReferrals()) {
			throw new IntakeProblems.PlaceNotTakingReferrals("placeId", place.name());
		}
		return new Referral.Place(place.id(), place.name(), place.kind(), place.district(), place.area(),
				place.hostEmail().toLowerCase(Locale.ROOT));
	}

	private Referral.Person person(PersonDetails details) {
		String contactMethod = codes.check("contact-method", "person.contact.method", details.contact().method());
		String nhsNumber = blankToNull(details.nhsNumber()) == null ? null
				: NhsNumber.parse(details.nhsNumber()).orElseThrow();
		return new Referral.Person(details.firstName().strip(), blankToNull(details.lastName()),
				new Referral.Contact(contactMethod, blankToNull(details.contact().value())),
				blankToNull(details.postcodeDistrict()) == null ? null
						: PostcodeDistrict.of(details.postcodeDistrict()).orElseThrow(),
				codes.check("age-band", "person.ageBand", details.ageBand()),
				codes.check("need", "person.needs", details.needs()),
				codes.check("activity", "person.interests", details.interests()),
				codes.check("accessibility", "person.accessibility", details.accessibility()), nhsNumber);
	}

	private Referral.Consent consent(Caller caller, ConsentDetails details) {
		String recordedBy = blankToNull(details.recordedBy());
		return new Referral.Consent(recordedBy == null ? caller.name() : recordedBy,
				details.recordedAt() == null ? clock.instant() : details.recordedAt(),
				codes.check("consent-method", "consent.method", details.method()),
				codes.check("lawful-basis", "consent.lawfulBasis", details.lawfulBasis()),
				codes.check("shared-with-host", "consent.sharing", details.sharing()));
	}

	/** Only what the chosen way needs is kept: a letter's address is not kept for a text message. */
	private Referral.Telling telling(ReferralRequests.HearBy hearBy) {
		if (hearBy == null) {
			return Referral.Telling.NO_CONTACT;
		}
		String by = codes.check("hear-by", "hearBy.by", hearBy.by());
		return new Referral.Telling(by,
				by.equals("text") ? ContactValue.dialled(hearBy.mobileNumber().strip()) : null,
				by.equals("email") ? hearBy.emailAddress().strip() : null,
				by.equals("letter") ? new Referral.PostalAddress(PostalAddressRules.given(hearBy.postalAddress().lines()),
						PostalAddressRules.of(hearBy.postalAddress().postcode()).orElseThrow()) : null,
				null, null, null, null);
	}

	/** How the person wants to hear, for another attempt: nothing was sent about it yet. */
	private static Referral.Telling howTheyHear(Referral.Telling earlier) {
		return new Referral.Telling(earlier.by(), earlier.mobileNumber(), earlier.emailAddress(),
				earlier.postalAddress(), null, null, null, null);
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

	/** What a referral says about the person and why, the same on every attempt. */
	private record Content(Referral.Person person, Referral.Consent consent, String notes, List<String> reasons,
			Referral.Telling telling) {
	}

}
