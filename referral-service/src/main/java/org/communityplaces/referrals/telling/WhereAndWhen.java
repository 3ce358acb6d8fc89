package org.communityplaces.referrals.telling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.communityplaces.referrals.referral.Referral;

/**
 * The words the person is told, the same in a text message, an e-mail, a letter and the page
 * the referrer prints: where, when (if known), who to ask for, and who to tell if they cannot
 * go. Nothing about the person but the name it is addressed to.
 */
final class WhereAndWhen {

	private static final Map<String, DayOfWeek> DAYS = Map.of("MO", DayOfWeek.MONDAY, "TU", DayOfWeek.TUESDAY, "WE",
			DayOfWeek.WEDNESDAY, "TH", DayOfWeek.THURSDAY, "FR", DayOfWeek.FRIDAY, "SA", DayOfWeek.SATURDAY, "SU",
			DayOfWeek.SUNDAY);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

	private WhereAndWhen() {
	}

	/** Where and when, from the place's listing (if the catalogue answered) and the day the host gave. */
	static Referral.Visit visit(PlaceListings.Listing listing, LocalDate firstVisitOn) {
		List<String> address = listing == null || listing.address() == null ? List.of()
				: Stream.of(listing.address().line1(), listing.address().city(), listing.address().postcode())
					.filter(line -> line != null && !line.isBlank())
					.map(String::strip)
					.toList();
		List<PlaceListings.Opening> sessions = listing == null ? List.of() : listing.sessions();
		String askFor = listing == null || listing.askFor() == null || listing.askFor().isBlank() ? null
				: listing.askFor().strip().split("\\s+")[0];
		return new Referral.Visit(firstVisitOn, address, when(sessions, firstVisitOn), askFor);
	}

	/**
	 * "Tuesday 1 December 2026, 10am to 12 noon" when the host gave the day (with that day's
	 * session, if the place has one), "Tuesdays, 10am to 12 noon" from the first weekly session
	 * otherwise; null when nothing is known.
	 */
	private static String when(List<PlaceListings.Opening> sessions, LocalDate firstVisitOn) {
		if (firstVisitOn != null) {
			String day = DAY.format(firstVisitOn);
			return sessions.stream()
				.filter(session -> session.days() != null && session.days().stream()
					.anyMatch(code -> DAYS.get(code) == firstVisitOn.getDayOfWeek()))
				.findFirst()
				.map(session -> day + ", " + hours(session))
				.orElse(day);
		}
		return sessions.stream()
			.filter(session -> session.days() != null && !session.days().isEmpty())
			.findFirst()
			.map(session -> weekly(session.days()) + ", " + hours(session))
			.orElse(null);
	}

	static String subject(Referral referral) {
		return referral.place().name() + " has a place for you";
	}

	static String reminderSubject(Referral referral) {
		return "A reminder: " + referral.place().name() + " tomorrow";
	}

	/** What the person is told once the place said yes. */
	static List<String> paragraphs(Referral referral) {
		List<String> said = new ArrayList<>();
		said.add(referral.place().name() + " has said yes: they look forward to meeting you.");
		said.addAll(details(referral));
		return List.copyOf(said);
	}

	/** What the person is told the day before their first visit. */
	static List<String> reminder(Referral referral) {
		List<String> said = new ArrayList<>();
		said.add("A reminder: you are going to " + referral.place().name() + " tomorrow.");
		said.addAll(details(referral));
		return List.copyOf(said);
	}

	private static List<String> details(Referral referral) {
		Referral.Visit visit = referral.telling().visit();
		List<String> said = new ArrayList<>();
		List<String> address = visit == null ? List.of() : visit.placeAddress();
		said.add("Where: " + String.join(", ", Stream.concat(Stream.of(referral.place().name()), address.stream())
			.toList()) + ".");
		if (visit != null && visit.when() != null) {
			said.add("When: " + visit.when() + ".");
		}
		said.add(visit != null && visit.askFor() != null ? "When you arrive, ask for " + visit.askFor() + "."
				: "When you arrive, ask for the host.");
		said.add("If you cannot go, tell " + organisation(referral) + ".");
		return said;
	}

	static String organisation(Referral referral) {
		String name = referral.referrer().organisationName();
		return name == null || name.isBlank() ? "the person who referred you" : name;
	}

	/** The person's name as a message is addressed to them. */
	static String recipientName(Referral referral) {
		Referral.Person person = referral.person();
		return person.lastName() == null ? person.firstName() : person.firstName() + " " + person.lastName();
	}

	private static String hours(PlaceListings.Opening session) {
		return time(session.opens()) + " to " + time(session.closes());
	}

	/** "Tuesdays", "Mondays and Thursdays", "Every day". */
	private static String weekly(List<String> codes) {
		List<String> days = Stream.of("MO", "TU", "WE", "TH", "FR", "SA", "SU")
			.filter(codes::contains)
			.map(code -> DAYS.get(code).getDisplayName(java.time.format.TextStyle.FULL, Locale.UK) + "s")
			.toList();
		if (days.size() == 7) {
			return "Every day";
		}
		return days.size() < 2 ? String.join("", days)
				: String.join(", ", days.subList(0, days.size() - 1)) + " and " + days.get(days.size() - 1);
	}

	/** "10am", "11:30am", "12 noon", "2pm", "midnight" from HH:mm. */
	private static String time(String text) {
		LocalTime at = LocalTime.parse(text);
		if (at.equals(LocalTime.NOON)) {
			return "12 noon";
		}
		if (at.equals(LocalTime.MIDNIGHT)) {
			return "midnight";
		}
		int hour = at.getHour() % 12 == 0 ? 12 : at.getHour() % 12;
		return hour + (at.getMinute() == 0 ? "" : ":" + String.format("%02d", at.getMinute()))
				+ (at.getHour() < 12 ? "am" : "pm");
	}

}
