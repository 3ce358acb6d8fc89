package org.communityplaces.referrals.subjectaccess;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.communityplaces.platform.audit.AuditEntry;
import org.communityplaces.platform.audit.AuditLog;
import org.communityplaces.platform.outbox.OutboxEntry;
import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.subjectaccess.SubjectAccessDocument.Fact;
import org.communityplaces.referrals.subjectaccess.SubjectAccessDocument.Section;
import org.communityplaces.referrals.vocabulary.ReferralCodes;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes what is held about a person as a copy they can read: every field of each referral
 * under words that say what it is, dates in words in UK time, codes in the vocabularies' words,
 * then the alerts and messages about it and who was shown or changed it.
 */
@Component
class DocumentWriter {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

	/** The vocabulary of the reason a referral went to a status with. */
	private static final Map<String, String> REASONS = Map.of("rejected", "reject-reason", "cancelled",
			"cancel-reason", "failed", "fail-reason", "on-hold", "hold-reason");

	private static final List<String> LSNS6_ANSWERS = List.of("none", "one", "two", "three or four", "five to eight",
			"nine or more");

	private static final String SENT_ABOUT = "Alerts and messages sent about this referral";

	private final ReferralCodes codes;

	private final ZoneId timeZone;

	DocumentWriter(ReferralCodes codes, @Value("${referrals.response.time-zone}") ZoneId timeZone) {
		this.codes = codes;
		this.timeZone = timeZone;
	}

	/** One line of a search's answer: enough to tell whether the referral is about the person asked about. */
	SubjectAccess.FoundReferral found(Referral referral) {
		Referral.Person person = referral.person();
		return new SubjectAccess.FoundReferral(referral.id(),
				person == null ? null : join(" ", person.firstName(), person.lastName()),
				person == null ? null : person.postcodeDistrict(), day(referral.timeline().createdAt()),
				referral.place() == null ? null : referral.place().name(),
				label("referral-status", referral.status().code()));
	}

	SubjectAccessDocument write(Subject subject, List<Referral> referrals, Optional<NotificationsHeld.Held> held,
			List<AuditEntry> trail, Instant now) {
		List<String> introduction = new ArrayList<>();
		introduction.add("This is a copy of everything Community places holds about you: each referral made for you, "
				+ "the alerts and messages sent about it, and a record of everyone who was shown it or changed it.");
		introduction.add("It was prepared on " + moment(now) + " by an administrator, who looked you up by "
				+ subject.inWords() + ".");
		if (referrals.isEmpty()) {
			introduction.add("We hold no referrals about anyone with " + subject.inWords() + ".");
		}
		else {
			introduction.add(referrals.size() == 1 ? "We hold one referral about you."
					: "We hold " + referrals.size() + " referrals about you, oldest first.");
		}
		if (held.isEmpty() && !referrals.isEmpty()) {
			introduction.add("The alerts and messages sent about your referrals could not be included: the part of "
					+ "the service that keeps them did not answer. Everything else is here; ask us again for those.");
		}
		introduction.add("Codes are written in words, and every date and time is UK time. The names and e-mail "
				+ "addresses of staff are the ones they use at work.");
		return new SubjectAccessDocument("What Community places holds about you", day(now), subject.inWords(),
				introduction,
				referrals.stream()
					.map(referral -> referral(referral, held,
							trail.stream().filter(entry -> referral.id().equals(entry.objectId())).toList()))
					.toList());
	}

	private Section referral(Referral referral, Optional<NotificationsHeld.Held> held, List<AuditEntry> trail) {
		String place = referral.place() == null ? "a place" : referral.place().name();
		List<String> paragraphs = new ArrayList<>();
		paragraphs.add("This referral is " + label("referral-status", referral.status().code()).toLowerCase(Locale.UK)
				+ ".");
		Facts facts = new Facts().add("Reference", referral.id())
			.add("Status", label("referral-status", referral.status().code()))
			.add("Goes back to, when no longer on hold",
					referral.heldFrom() == null ? null : label("referral-status", referral.heldFrom().code()));
		Referral.Referrer referrer = referral.referrer();
		if (referrer != null) {
			facts.add("Made by", join(", ", referrer.name(), join(" ", referrer.organisationName(),
					referrer.organisation() == null ? null : "(" + referrer.organisation() + ")")))
				.add("Their e-mail address at work", referrer.email());
		}
		if (referral.place() != null) {
			Referral.Place at = referral.place();
			facts.add("The place", join(", ", at.name(), at.kind() == null ? null : label("place-kind", at.kind()),
					at.district()))
				.add("The place's e-mail address for referrals", at.hostEmail());
		}
		Referral.Timeline timeline = referral.timeline();
		if (timeline != null) {
			facts.add("Made on", moment(timeline.createdAt()))
				.add("Sent to the place on", moment(timeline.requestedAt()))
				.add("The place answered on", moment(timeline.decidedAt()))
				.add("You first went on", moment(timeline.firstAttendedAt()))
				.add("Closed on", moment(timeline.closedAt()));
		}
		if (referral.deadline() != null) {
			facts.add("The place had until this to answer", moment(referral.deadline().respondBy()))
				.add("The place was reminded on", moment(referral.deadline().remindedAt()));
		}
		if (referral.attempts() != null) {
			facts.add("Earlier referrals for the same need", String.join(", ", list(referral.attempts().previous())))
				.add("The referral made after this one", referral.attempts().next());
		}
		List<Section> parts = new ArrayList<>();
		Stream.of(person(referral.person()), consent(referral.consent()), why(referral), history(referral),
				attendance(referral), scores(referral.outcomes()), messages(referral), telling(referral.telling()),
				relayed(referral), sent(referral.id(), held), trail(trail))
			.flatMap(Optional::stream)
			.forEach(parts::add);
		return new Section("Referral to " + place + ", made on " + day(timeline == null ? null : timeline.createdAt()),
				paragraphs, facts.list(), parts);
	}

	private Optional<Section> person(Referral.Person person) {
		if (person == null) {
			return Optional.empty();
		}
		Facts facts = new Facts().add("First name", person.firstName())
			.add("Last name", person.lastName())
			.add("NHS number", person.nhsNumber() == null ? null : nhsNumber(person.nhsNumber()))
			.add("Postcode district", person.postcodeDistrict())
			.add("Age", person.ageBand() == null ? null : label("age-band", person.ageBand()))
			.add("What you hope for from going", labels("need", person.needs()))
			.add("What you enjoy", labels("activity", person.interests()))
			.add("Your access needs", labels("accessibility", person.accessibility()));
		if (person.contact() != null) {
			facts.add("How the place may get in touch with you",
					join(": ", person.contact().method() == null ? null : label("contact-method", person.contact().method()),
							person.contact().value()));
		}
		return section("About you", List.of(), facts);
	}

	private Optional<Section> consent(Referral.Consent consent) {
		if (consent == null) {
			return Optional.empty();
		}
		return section("Your agreement", List.of(), new Facts().add("Recorded on", moment(consent.recordedAt()))
			.add("Recorded by (their user id)", consent.recordedBy())
			.add("How you agreed", consent.method() == null ? null : label("consent-method", consent.method()))
			.add("The law we hold your details under",
					consent.lawfulBasis() == null ? null : label("lawful-basis", consent.lawfulBasis()))
			.add("What the place may see besides your first name",
					consent.sharing().isEmpty() ? "Nothing else" : labels("shared-with-host", consent.sharing())));
	}

	private Optional<Section> why(Referral referral) {
		return section("Why you were referred", List.of(),
				new Facts().add("Reasons", labels("referral-reason", referral.reasons()))
					.add("Notes by the referrer's team", referral.notes()));
	}

	private Optional<Section> history(Referral referral) {
		Facts facts = new Facts();
		for (Referral.StatusChange change : list(referral.history())) {
			String reason = change.reason() == null ? null
					: REASONS.containsKey(change.status()) ? label(REASONS.get(change.status()), change.reason())
							: change.reason();
			facts.add(moment(change.at()), join(": ",
					label("referral-status", change.status()) + " " + byWhom(change.byRole(), change.byUserId()),
					join(" — ", reason, change.text() == null ? null : "\u201C" + change.text() + "\u201D")));
		}
		return section("What happened", List.of(), facts);
	}

	private Optional<Section> attendance(Referral referral) {
		Facts facts = new Facts();
		for (Referral.Attendance visit : list(referral.attendance())) {
			facts.add(day(visit.on()), (visit.attended() ? "You came" : "You did not come") + ", recorded by the "
					+ visit.byRole() + " on " + moment(visit.recordedAt()));
		}
		return section("Your visits", List.of(), facts);
	}

	private Optional<Section> scores(Referral.Outcomes outcomes) {
		if (outcomes == null) {
			return Optional.empty();
		}
		List<Section> parts = new ArrayList<>();
		scores("baseline", outcomes.baseline()).ifPresent(parts::add);
		scores("follow-up", outcomes.followUp()).ifPresent(parts::add);
		return parts.isEmpty() ? Optional.empty()
				: Optional.of(new Section("How you were feeling", List.of("Scores from the questions your referrer "
						+ "asked you about loneliness, wellbeing and the people in your life."), List.of(), parts));
	}

	private Optional<Section> scores(String timepoint, Referral.Scores scores) {
		if (scores == null) {
			return Optional.empty();
		}
		Facts facts = new Facts().add("Asked on", day(scores.measuredOn()))
			.add("Written down on", moment(scores.recordedAt()))
			.add("Loneliness (3, least lonely, to 9)",
					scores.uclaLoneliness() == null ? null : scores.uclaLoneliness().toString());
		if (scores.ons4() != null) {
			facts.add("How satisfied you are with your life (0 to 10)", String.valueOf(scores.ons4().lifeSatisfaction()))
				.add("How worthwhile the things you do are (0 to 10)", String.valueOf(scores.ons4().worthwhile()))
				.add("How happy you felt yesterday (0 to 10)", String.valueOf(scores.ons4().happiness()))
				.add("How anxious you felt yesterday (0 to 10)", String.valueOf(scores.ons4().anxiety()));
		}
		Referral.Lsns6 lsns6 = scores.lsns6();
		if (lsns6 != null) {
			facts.add("Relatives you see or hear from at least once a month", answer(lsns6.relativesSeenMonthly()))
				.add("Relatives you can talk to about private matters", answer(lsns6.relativesToTalkTo()))
				.add("Relatives you could call on for help", answer(lsns6.relativesToCallOnForHelp()))
				.add("Friends you see or hear from at least once a month", answer(lsns6.friendsSeenMonthly()))
				.add("Friends you can talk to about private matters", answer(lsns6.friendsToTalkTo()))
				.add("Friends you could call on for help", answer(lsns6.friendsToCallOnForHelp()))
				.add("Social connections in all (0 to 30, higher is more connected)", String.valueOf(lsns6.total()));
		}
		return section(label("outcome-timepoint", timepoint), List.of(), facts);
	}

	private Optional<Section> messages(Referral referral) {
		Facts facts = new Facts();
		for (Referral.Message message : list(referral.messages())) {
			facts.add(moment(message.at()) + ", " + join(", ", message.byName(), "the " + message.byRole()),
					message.text());
		}
		return section("Messages between your referrer and the place", List.of(), facts);
	}

	private Optional<Section> telling(Referral.Telling telling) {
		if (telling == null) {
			return Optional.empty();
		}
		Facts facts = new Facts()
			.add("How you wanted to hear from us", telling.by() == null ? null : label("hear-by", telling.by()))
			.add("Mobile number", telling.mobileNumber())
			.add("E-mail address", telling.emailAddress());
		if (telling.postalAddress() != null) {
			List<String> lines = new ArrayList<>(list(telling.postalAddress().lines()));
			lines.add(telling.postalAddress().postcode());
			facts.add("Postal address", join(", ", lines.toArray(String[]::new)));
		}
		Referral.Visit visit = telling.visit();
		if (visit != null) {
			facts.add("Your first visit", day(visit.firstVisitOn()))
				.add("Where", String.join(", ", list(visit.placeAddress())))
				.add("When", visit.when())
				.add("Who to ask for", visit.askFor());
		}
		facts.add("Where and when was sent for on", moment(telling.whereAndWhenAskedAt()))
			.add("A reminder was due on", moment(telling.remindAt()))
			.add("The reminder was sent for on", moment(telling.reminderAskedAt()));
		return section("Hearing about the place", List.of(), facts);
	}

	/** Notices of each change passed on to other parts of the service, held until a while after they are sent. */
	private Optional<Section> relayed(Referral referral) {
		Facts facts = new Facts();
		for (OutboxEntry entry : list(referral.outbox())) {
			facts.add(moment(entry.occurredAt()), words(entry.type())
					+ (entry.sentAt() == null ? ", not yet passed on" : ", passed on " + moment(entry.sentAt())));
		}
		return section("Notices passed on to other parts of the service",
				List.of("Each says what happened and to which referral. Only a notice that you are to be sent where "
						+ "and when, or a reminder, carries your name, how to reach you and the words sent."),
				facts);
	}

	private Optional<Section> sent(String referralId, Optional<NotificationsHeld.Held> held) {
		if (held.isEmpty()) {
			return Optional.of(new Section(SENT_ABOUT,
					List.of("These could not be included: the part of the service that keeps them did not answer."),
					List.of(), List.of()));
		}
		Facts facts = new Facts();
		held.get()
			.notifications()
			.stream()
			.filter(alert -> referralId.equals(alert.referralId()))
			.forEach(alert -> facts.add(
					moment(alert.createdAt()) + ", to the " + alert.recipient() + " by " + channel(alert.channel()),
					join(": ", alert.subject(), alert.text()) + " (" + words(alert.status()).toLowerCase(Locale.UK) + ")"));
		held.get()
			.personMessages()
			.stream()
			.filter(message -> referralId.equals(message.referralId()))
			.forEach(message -> facts.add(moment(message.askedAt()) + ", to you by " + channel(message.way()),
					join(". ", kind(message.kind()) + ": " + words(message.status()).toLowerCase(Locale.UK),
							message.outcome(), message.to().isEmpty() ? null : "To: " + String.join(", ", message.to()),
							message.recipientName() == null ? null : "Addressed to " + message.recipientName(),
							message.subject(), String.join(" ", message.paragraphs()))));
		return Optional.of(new Section(SENT_ABOUT,
				facts.list().isEmpty() ? List.of("None were sent.")
						: List.of("Alerts go to the staff who made the referral or run the place, and say what "
								+ "happened and where to look; messages to you say where and when to go."),
				facts.list(), List.of()));
	}

	private Optional<Section> trail(List<AuditEntry> trail) {
		Facts facts = new Facts();
		for (AuditEntry entry : trail) {
			String outcome = switch (entry.outcome()) {
				case SHOWN -> "Shown to ";
				case REFUSED -> "Refused to ";
				case CHANGED -> "Changed by ";
			};
			facts.add(moment(entry.at()), outcome + actor(entry.actorRole(), entry.actorId()) + ", for: " + entry.purpose());
		}
		return section("Who was shown or changed this referral", List.of(), facts);
	}

	private static String actor(String role, String id) {
		if (AuditLog.SCHEDULE.equals(role)) {
			return "the service itself, on a schedule";
		}
		if (role == null || role.isEmpty()) {
			return "user " + id;
		}
		return ("aeiou".indexOf(role.charAt(0)) >= 0 ? "an " : "a ") + role + " (user " + id + ")";
	}

	private static String byWhom(String role, String userId) {
		return role == null || "system".equals(role) ? "by the service itself"
				: "by the " + role + (userId == null ? "" : " (user " + userId + ")");
	}

	private static String channel(String channel) {
		return switch (channel == null ? "" : channel) {
			case "email" -> "e-mail";
			case "digest" -> "the daily e-mail";
			case "text" -> "text message";
			case "letter" -> "letter";
			case "webhook" -> "their own system";
			case "inbox" -> "their inbox on the service";
			default -> words(channel);
		};
	}

	private static String kind(String kind) {
		return "day-before-reminder".equals(kind) ? "A reminder the day before" : "Where and when to go";
	}

	private static String answer(int answer) {
		return answer >= 0 && answer < LSNS6_ANSWERS.size() ? LSNS6_ANSWERS.get(answer) : String.valueOf(answer);
	}

	/** 943 476 5919, as NHS letters write it. */
	static String nhsNumber(String digits) {
		return digits.length() == 10 ? digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6)
				: digits;
	}

	private String moment(Instant at) {
		if (at == null) {
			return null;
		}
		ZonedDateTime local = at.atZone(timeZone);
		return DAY.format(local) + " at " + TIME.format(local).toLowerCase(Locale.UK);
	}

	private String day(Instant at) {
		return at == null ? null : DAY.format(at.atZone(timeZone));
	}

	private static String day(LocalDate on) {
		return on == null ? null : DAY.format(on);
	}

	private String label(String vocabulary, String code) {
		return codes.vocabulary(vocabulary).label(code);
	}

	private String labels(String vocabulary, List<String> given) {
		return given == null || given.isEmpty() ? null
				: String.join(", ", given.stream().map(code -> label(vocabulary, code)).toList());
	}

	/** A code that is no vocabulary's, in words: ReferralAccepted is "Referral accepted", not-sent "Not sent". */
	private static String words(String code) {
		if (code == null || code.isEmpty()) {
			return "";
		}
		String spaced = code.replace('-', ' ').replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.UK);
		return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
	}

	private static String join(String between, String... parts) {
		return String.join(between, Stream.of(parts).filter(part -> part != null && !part.isBlank()).toList());
	}

	private static <T> List<T> list(List<T> maybe) {
		return maybe == null ? List.of() : maybe;
	}

	private static Optional<Section> section(String heading, List<String> paragraphs, Facts facts) {
		return facts.list().isEmpty() ? Optional.empty()
				: Optional.of(new Section(heading, paragraphs, facts.list(), List.of()));
	}

	/** Facts in order, leaving out what is not held. */
	private static final class Facts {

		private final List<Fact> facts = new ArrayList<>();

		Facts add(String label, String value) {
			if (value != null && !value.isBlank()) {
				facts.add(new Fact(label, value));
			}
			return this;
		}

		List<Fact> list() {
			return List.copyOf(facts);
		}

	}

}
