package org.communityplaces.referrals.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.outbox.OutboxEntry;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.EncryptionAlgorithms;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.ExplicitEncrypted;

/**
 * A social prescription: one person referred by one referrer to one place, the host's answer,
 * attendance and outcomes. The events each change causes wait in {@link #outbox()} until
 * relayed, written in the same single-document write as the change.
 *
 * @param heldFrom the status a referral on hold goes back to
 * @param notes for the referrer's own team; never shown to a host nor sent in an event
 * @param reasons coded reasons for the referral (loneliness, bereavement...)
 */
@Document("referrals")
@CompoundIndexes({
		@CompoundIndex(name = "organisation_newest", def = "{'referrer.organisation': 1, 'timeline.createdAt': -1}"),
		@CompoundIndex(name = "host_by_deadline", def = "{'place.hostEmail': 1, 'deadline.respondBy': 1}"),
		@CompoundIndex(name = "open_at_place", def = "{'place.id': 1, 'timeline.closedAt': 1}"),
		@CompoundIndex(name = "due_by_deadline", def = "{'status': 1, 'deadline.remindAt': 1, 'deadline.respondBy': 1}"),
		@CompoundIndex(name = "uptake_by_requested", def = "{'timeline.requestedAt': 1}") })
public record Referral(@Id String id, @Version Long version, ReferralStatus status, ReferralStatus heldFrom,
		Referrer referrer, Person person, Consent consent, @ExplicitEncrypted(algorithm = RANDOM) String notes,
		List<String> reasons, Place place, Timeline timeline, Deadline deadline, List<StatusChange> history,
		List<Attendance> attendance, Outcomes outcomes, Attempts attempts, Idempotency idempotency, List<OutboxEntry> outbox,
		List<Message> messages, Telling telling, Erasure erasure) {

	/*
	 * The fields marked @ExplicitEncrypted reach the store only as ciphertext. The NHS number is
	 * encrypted the same way every time so that it can still be looked up; the rest differently
	 * each time, so that equal values cannot be spotted in a copy of the database.
	 */
	static final String RANDOM = EncryptionAlgorithms.AEAD_AES_256_CBC_HMAC_SHA_512_Random;

	static final String DETERMINISTIC = EncryptionAlgorithms.AEAD_AES_256_CBC_HMAC_SHA_512_Deterministic;

	/** Referrals stored before messages and the person's way to hear were kept have none. */
	public Referral {
		messages = messages == null ? List.of() : messages;
		telling = telling == null ? Telling.NO_CONTACT : telling;
	}

	/** The referrer, as their sign-in names them. */
	public record Referrer(String userId, String name, String email, String organisation, String organisationName) {
	}

	/**
	 * The person referred. Only the referrer's organisation sees all of it; a host sees the
	 * first name and what the person agreed to share with them ({@link Consent#sharing()}).
	 */
	public record Person(@ExplicitEncrypted(algorithm = RANDOM) String firstName,
			@ExplicitEncrypted(algorithm = RANDOM) String lastName, @ExplicitEncrypted(algorithm = RANDOM) Contact contact,
			String postcodeDistrict, String ageBand, @ExplicitEncrypted(algorithm = RANDOM) List<String> needs,
			List<String> interests, List<String> accessibility,
			@ExplicitEncrypted(algorithm = DETERMINISTIC) String nhsNumber) {
	}

	public record Contact(String method, String value) {
	}

	/**
	 * How the person agreed, who recorded it and on what lawful basis the data is processed.
	 *
	 * @param sharing what the person agreed the place may see besides their first name: codes of
	 * the {@code shared-with-host} vocabulary. None, including on referrals made before it was
	 * asked, is their first name only: nothing goes further than they agreed.
	 */
	public record Consent(String recordedBy, Instant recordedAt, String method, String lawfulBasis,
			List<String> sharing) {

		public Consent {
			sharing = sharing == null ? List.of() : List.copyOf(sharing);
		}

	}

	/**
	 * The place as it was when referred, and its current host contact.
	 * @param district its postcode district (S6); null on referrals made before it was kept
	 */
	public record Place(String id, String name, String kind, String district, String area, String hostEmail) {
	}

	/** When the referral reached each milestone; empty until it does. */
	public record Timeline(Instant createdAt, Instant requestedAt, Instant decidedAt, Instant firstAttendedAt,
			Instant closedAt) {

		public static Timeline createdAt(Instant createdAt, Instant requestedAt) {
			return new Timeline(createdAt, requestedAt, null, null, null);
		}

	}

	/**
	 * The host's deadline to answer a request, and the reminder half way to it.
	 * @param remindedAt when the reminder went; empty until it does
	 */
	public record Deadline(Instant respondBy, Instant remindAt, Instant remindedAt) {

		public static final Deadline NONE = new Deadline(null, null, null);

	}

	/** One step in the referral's life, with who took it. Reason texts stay inside the service. */
	public record StatusChange(String status, Instant at, String byUserId, String byRole, String reason,
			@ExplicitEncrypted(algorithm = RANDOM) String text) {

		/** @param caller who took the step, or null for the service itself (the deadline watch) */
		public static StatusChange by(Caller caller, ReferralStatus status, Instant at, String reason, String text) {
			return new StatusChange(status.code(), at, caller == null ? null : caller.id(),
					caller == null ? "system" : roleOf(caller), reason, text);
		}

	}

	/** How a caller's role is written down in a referral. */
	public static String roleOf(Caller caller) {
		return caller.role().name().toLowerCase(Locale.ROOT);
	}

	public record Attendance(LocalDate on, boolean attended, Instant recordedAt, String byRole) {
	}

	/**
	 * How the person wants to hear about the place, chosen with them when their consent was
	 * recorded, where and when the place said to go, and what they were sent. Only the
	 * referrer's organisation sees it; no host view and no referral event carries it.
	 *
	 * @param by a {@code hear-by} code; {@code no-contact} (and referrals made before it was asked)
	 * sends nothing
	 * @param mobileNumber for a text message, as dialled in the UK (07700900123)
	 * @param postalAddress for a letter, and kept only when the person chose one
	 * @param visit where and when, as the place gave it when it accepted; null before
	 * @param whereAndWhenAskedAt when the service asked for "where and when" to be sent
	 * @param remindAt when the reminder the day before the first visit is due; null when there is none
	 * @param reminderAskedAt when the service asked for that reminder to be sent
	 */
	public record Telling(String by, @ExplicitEncrypted(algorithm = RANDOM) String mobileNumber,
			@ExplicitEncrypted(algorithm = RANDOM) String emailAddress,
			@ExplicitEncrypted(algorithm = RANDOM) PostalAddress postalAddress, Visit visit,
			Instant whereAndWhenAskedAt, Instant remindAt, Instant reminderAskedAt) {

		public static final Telling NO_CONTACT = new Telling("no-contact", null, null, null, null, null, null, null);

		/** Whether anything is sent to the person at all: not on referrals made before it was asked. */
		public boolean sendsAnything() {
			return by != null && !"no-contact".equals(by);
		}

		/** Where and when is ready to print once the place said yes, while the person is expected or going. */
		public static boolean letterReady(ReferralStatus status) {
			return status == ReferralStatus.ACCEPTED || status == ReferralStatus.IN_PROGRESS
					|| status == ReferralStatus.ON_HOLD;
		}

	}

	/** @param postcode in full and in capitals, with its space (S6 1AB) */
	public record PostalAddress(List<String> lines, String postcode) {
	}

	/**
	 * Where and when the person is expected, in words, as they are told it.
	 * @param firstVisitOn the day the host gave when accepting, or null when they gave none
	 * @param placeAddress the place's address lines, postcode last; empty when the catalogue did not say
	 * @param when the first session's day and time in words, or null when nothing is known
	 * @param askFor the host's first name, or null when the place gave none
	 */
	public record Visit(LocalDate firstVisitOn, List<String> placeAddress, String when, String askFor) {
	}

	/**
	 * Words the referrer and the host wrote to each other about the referral. Kept here and
	 * shown to them alone: never to commissioners, and never in an event.
	 *
	 * @param byName the writer's name as their sign-in gives it, or null when it gives none
	 */
	public record Message(String byUserId, String byRole, @ExplicitEncrypted(algorithm = RANDOM) String byName,
			@ExplicitEncrypted(algorithm = RANDOM) String text, Instant at) {
	}

	public record Outcomes(@ExplicitEncrypted(algorithm = RANDOM) Scores baseline,
			@ExplicitEncrypted(algorithm = RANDOM) Scores followUp) {

		public static final Outcomes NONE = new Outcomes(null, null);

	}

	/**
	 * @param uclaLoneliness the UCLA 3-item loneliness scale, 3 (least lonely) to 9
	 * @param ons4 the ONS personal wellbeing questions
	 * @param lsns6 the Lubben Social Network Scale's six questions
	 */
	public record Scores(LocalDate measuredOn, Instant recordedAt, Integer uclaLoneliness, Ons4 ons4, Lsns6 lsns6) {
	}

	/** Each 0 to 10; for anxiety, lower is better. */
	public record Ons4(int lifeSatisfaction, int worthwhile, int happiness, int anxiety) {
	}

	/**
	 * The six-item Lubben Social Network Scale (LSNS-6): how many relatives, then how many
	 * friends, the person sees or hears from at least once a month, can talk to about private
	 * matters, and could call on for help. Each answer is 0 (none), 1 (one), 2 (two), 3 (three or
	 * four), 4 (five to eight) or 5 (nine or more).
	 *
	 * @param total the sum of the six, 0 to 30: higher is more connected, and under 12 is the
	 * scale's published mark of risk of social isolation
	 */
	public record Lsns6(int relativesSeenMonthly, int relativesToTalkTo, int relativesToCallOnForHelp,
			int friendsSeenMonthly, int friendsToTalkTo, int friendsToCallOnForHelp, int total) {

		/** The answers with their total, which is stored beside them as the score uptake compares. */
		public static Lsns6 of(int relativesSeenMonthly, int relativesToTalkTo, int relativesToCallOnForHelp,
				int friendsSeenMonthly, int friendsToTalkTo, int friendsToCallOnForHelp) {
			return new Lsns6(relativesSeenMonthly, relativesToTalkTo, relativesToCallOnForHelp, friendsSeenMonthly,
					friendsToTalkTo, friendsToCallOnForHelp, relativesSeenMonthly + relativesToTalkTo
							+ relativesToCallOnForHelp + friendsSeenMonthly + friendsToTalkTo + friendsToCallOnForHelp);
		}

	}

	/**
	 * When and why the person's details were erased from the referral, which keeps only what
	 * uptake and the audit trail count; null while they are held.
	 *
	 * @param reason an {@code erasure-reason} code
	 */
	public record Erasure(Instant at, String reason) {
	}

	/**
	 * @param previous earlier referrals of the same person for the same need, oldest first
	 * @param next the re-referral that followed this one, if any
	 */
	public record Attempts(List<String> previous, String next) {

		public static final Attempts FIRST = new Attempts(List.of(), null);

	}

	/**
	 * @param key the creator's id and their {@code Idempotency-Key} (unique), or the referral's own id
	 * @param requestHash what was asked for under that key, so a reused key with another request is refused
	 */
	public record Idempotency(@Indexed(unique = true, sparse = true) String key, String requestHash) {
	}

}
