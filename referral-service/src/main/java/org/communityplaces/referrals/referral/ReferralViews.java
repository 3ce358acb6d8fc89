package org.communityplaces.referrals.referral;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What each role is shown of a referral, with the actions the caller may take on it. The
 * referrer's organisation sees the whole record; the host sees what they need to welcome the
 * person, as far as the person agreed, and nothing more; commissioners and admins see no
 * personal data at all.
 */
final class ReferralViews {

	private ReferralViews() {
	}

	/** @param district the place's postcode district, or null on referrals made before it was kept */
	record PlaceView(String id, String name, String kind, String district, String area) {

		static PlaceView of(Referral.Place place) {
			return new PlaceView(place.id(), place.name(), place.kind(), place.district(), place.area());
		}

	}

	/** @param erasure when and why the person's details were erased, or null while they are held */
	record ReferrerView(String id, long version, String status, String heldFrom, PlaceView place,
			Referral.Referrer referrer, Referral.Person person, Referral.Consent consent, String notes,
			List<String> reasons, Instant createdAt, Instant requestedAt, Instant respondBy, Instant decidedAt,
			Instant firstAttendedAt, Instant closedAt, List<Referral.StatusChange> history,
			List<Referral.Attendance> attendance, Referral.Outcomes outcomes, List<String> previousAttempts,
			String nextAttempt, List<MessageView> messages, Referral.Telling hearing, String letter,
			Referral.Erasure erasure, List<AvailableAction> actions) {

		static ReferrerView of(Referral referral, List<AvailableAction> actions) {
			Referral.Timeline timeline = referral.timeline();
			return new ReferrerView(referral.id(), referral.version(), referral.status().code(),
					referral.heldFrom() == null ? null : referral.heldFrom().code(), PlaceView.of(referral.place()),
					referral.referrer(), referral.person(), referral.consent(), referral.notes(), referral.reasons(),
					timeline.createdAt(), timeline.requestedAt(), referral.deadline().respondBy(), timeline.decidedAt(),
					timeline.firstAttendedAt(), timeline.closedAt(), referral.history(), referral.attendance(),
					referral.outcomes(), referral.attempts().previous(), referral.attempts().next(),
					MessageView.of(referral), referral.telling(),
					Referral.Telling.letterReady(referral.status()) ? "/api/referrals/" + referral.id() + "/letter" : null,
					referral.erasure(), actions);
		}

	}

	/**
	 * No surname, postcode, age, reasons, notes, NHS number, consent or scores; of the person,
	 * what they agreed to share ({@link HostPerson}).
	 */
	record HostView(String id, long version, String status, PlaceView place, HostPerson person,
			String referringOrganisation, Instant requestedAt, Instant respondBy, Instant decidedAt,
			List<HostStep> history, List<Referral.Attendance> attendance, List<MessageView> messages,
			List<AvailableAction> actions) {

		static HostView of(Referral referral, List<AvailableAction> actions) {
			return new HostView(referral.id(), referral.version(), referral.status().code(),
					PlaceView.of(referral.place()), HostPerson.of(referral), referral.referrer().organisationName(),
					referral.timeline().requestedAt(), referral.deadline().respondBy(), referral.timeline().decidedAt(),
					referral.history().stream().map(step -> new HostStep(step.status(), step.at())).toList(),
					referral.attendance(), MessageView.of(referral), actions);
		}

	}

	/**
	 * A message between the referrer and the host, oldest first, for those two sides only.
	 *
	 * @param byRole {@code referrer} or {@code host}
	 * @param byName the writer's name, or null when their sign-in gives none
	 */
	record MessageView(String byRole, String byName, String text, Instant at) {

		static List<MessageView> of(Referral referral) {
			return referral.messages()
				.stream()
				.map(message -> new MessageView(message.byRole(), message.byName(), message.text(), message.at()))
				.toList();
		}

	}

	/**
	 * The person as the host sees them: what the person agreed when their consent was recorded
	 * ({@link Referral.Consent#sharing()}) and never more. Their first name always; each of the
	 * rest only if they chose to share it, and null if they did not, so that "not shared" is not
	 * mistaken for "none".
	 *
	 * @param contact how to reach the person, if they agreed: only once the host has accepted,
	 * while they look after them
	 */
	record HostPerson(String firstName, List<String> needs, List<String> interests, List<String> accessibility,
			Referral.Contact contact) {

		/** While the host is looking after the person they need to reach them, and not before or after. */
		private static final Set<ReferralStatus> HOST_MAY_CONTACT = EnumSet.of(ReferralStatus.ACCEPTED,
				ReferralStatus.IN_PROGRESS, ReferralStatus.ON_HOLD);

		static HostPerson of(Referral referral) {
			Referral.Person person = referral.person();
			List<String> agreed = referral.consent().sharing();
			return new HostPerson(person.firstName(), agreed.contains("needs") ? person.needs() : null,
					agreed.contains("interests") ? person.interests() : null,
					agreed.contains("accessibility") ? person.accessibility() : null,
					agreed.contains("contact") && HOST_MAY_CONTACT.contains(referral.status()) ? person.contact() : null);
		}

	}

	record HostStep(String status, Instant at) {
	}

	/**
	 * For commissioners and admins: what happened to the referral and when, between which
	 * organisation and which place, with nobody in it: no person, no reasons (a coded reason can
	 * say something about the person) and nothing anyone wrote.
	 *
	 * @param referringOrganisation the organisation's name, as a host sees it
	 * @param referringOrganisationCode its code (an ODS code for a GP surgery)
	 */
	record AnonymousView(String id, String status, PlaceView place, String referringOrganisation,
			String referringOrganisationCode, Instant createdAt, Instant requestedAt, Instant respondBy,
			Instant decidedAt, Instant firstAttendedAt, Instant closedAt, List<AnonymousStep> history,
			int previousAttempts, List<AvailableAction> actions) {

		static AnonymousView of(Referral referral, List<AvailableAction> actions) {
			Referral.Timeline timeline = referral.timeline();
			Referral.Referrer referrer = referral.referrer();
			return new AnonymousView(referral.id(), referral.status().code(), PlaceView.of(referral.place()),
					referrer.organisationName(), referrer.organisation(), timeline.createdAt(), timeline.requestedAt(),
					referral.deadline().respondBy(), timeline.decidedAt(), timeline.firstAttendedAt(),
					timeline.closedAt(), referral.history().stream().map(AnonymousStep::of).toList(),
					referral.attempts().previous().size(), actions);
		}

	}

	/** @param byRole the role of whoever took the step, or {@code system} for the service itself */
	record AnonymousStep(String status, Instant at, String byRole) {

		static AnonymousStep of(Referral.StatusChange step) {
			return new AnonymousStep(step.status(), step.at(), step.byRole());
		}

	}

}
