package org.communityplaces.referrals.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.communityplaces.platform.outbox.OutboxEntry;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A social prescription: one person referred by one referrer to one place, the host's answer,
 * attendance and outcomes. The events each change causes wait in {@link #outbox()} until
 * relayed, written in the same single-document write as the change.
 *
 * @param heldFrom the status a referral on hold goes back to
 * @param reasons coded reasons for the referral (loneliness, bereavement...)
 * @param notes for the referrer's own team; never shown to a host nor sent in an event
 * @param previousAttempts earlier referrals of the same person for the same need, oldest first
 * @param nextAttempt the re-referral that followed this one, if any
 * @param idempotencyKey the creator's id and their {@code Idempotency-Key} (unique), or the referral's own id
 * @param requestHash what was asked for under that key, so a reused key with another request is refused
 */
@Document("referrals")
@CompoundIndexes({ @CompoundIndex(name = "by_organisation", def = "{'referrer.organisation': 1, 'createdAt': -1}"),
		@CompoundIndex(name = "host_inbox", def = "{'place.hostEmail': 1, 'respondBy': 1}"),
		@CompoundIndex(name = "due", def = "{'status': 1, 'remindAt': 1, 'respondBy': 1}"),
		@CompoundIndex(name = "uptake", def = "{'requestedAt': 1}") })
record Referral(@Id String id, @Version Long version, ReferralStatus status, ReferralStatus heldFrom,
		Referrer referrer, Person person, Consent consent, String notes, List<String> reasons, Place place,
		Instant createdAt, Instant requestedAt, Instant respondBy, Instant remindAt, Instant remindedAt,
		Instant decidedAt, Instant firstAttendedAt, Instant closedAt, List<StatusChange> history,
		List<Attendance> attendance, Outcomes outcomes, List<String> previousAttempts, String nextAttempt,
		@Indexed(unique = true, sparse = true) String idempotencyKey, String requestHash, List<OutboxEntry> outbox) {

	Referral withOutbox(List<OutboxEntry> newOutbox) {
		return new Referral(id, version, status, heldFrom, referrer, person, consent, notes, reasons, place, createdAt,
				requestedAt, respondBy, remindAt, remindedAt, decidedAt, firstAttendedAt, closedAt, history, attendance,
				outcomes, previousAttempts, nextAttempt, idempotencyKey, requestHash, List.copyOf(newOutbox));
	}

	/** The referrer, as their sign-in names them. */
	record Referrer(String userId, String name, String email, String organisation, String organisationName) {
	}

	/**
	 * The person referred. Only the referrer's organisation sees all of it; a host sees the
	 * first name, needs, interests and accessibility, and the contact route once they accept.
	 */
	record Person(String firstName, String lastName, Contact contact, String postcodeDistrict, String ageBand,
			List<String> needs, List<String> interests, List<String> accessibility, String nhsNumber) {
	}

	record Contact(String method, String value) {
	}

	/** How the person agreed, who recorded it and on what lawful basis the data is processed. */
	record Consent(String recordedBy, Instant recordedAt, String method, String lawfulBasis) {
	}

	/** The place as it was when referred, and its current host contact. */
	record Place(String id, String name, String kind, String area, String hostEmail) {
	}

	/** One step in the referral's life, with who took it. Reason texts stay inside the service. */
	record StatusChange(String status, Instant at, String byUserId, String byRole, String reason, String text) {
	}

	record Attendance(LocalDate on, boolean attended, Instant recordedAt, String byRole) {
	}

	record Outcomes(Scores baseline, Scores followUp) {
	}

	/**
	 * @param uclaLoneliness the UCLA 3-item loneliness scale, 3 (least lonely) to 9
	 * @param ons4 the ONS personal wellbeing questions
	 */
	record Scores(LocalDate measuredOn, Instant recordedAt, Integer uclaLoneliness, Ons4 ons4) {
	}

	/** Each 0 to 10; for anxiety, lower is better. */
	record Ons4(int lifeSatisfaction, int worthwhile, int happiness, int anxiety) {
	}

}
