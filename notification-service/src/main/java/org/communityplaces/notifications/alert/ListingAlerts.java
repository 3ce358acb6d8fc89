package org.communityplaces.notifications.alert;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.communityplaces.contracts.Vocabularies;
import org.communityplaces.notifications.alert.AlertNotifications.Alert;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who is told about each place event that asks for something, and in what words: the host asked
 * whether their listing is still right, with a link that confirms it and one to change it; the
 * host and the team that keeps the directory ({@code notifications.listings.admin-email}, none
 * when blank) told that someone reported the listing out of date, by the contract's words for
 * what is wrong, never the words the reporter wrote.
 */
@Component
class ListingAlerts {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private static final ZoneId UK = ZoneId.of("Europe/London");

	private final Vocabularies.Vocabulary problems;

	private final String portalUrl;

	private final String adminEmail;

	ListingAlerts(Vocabularies vocabularies, @Value("${notifications.portal-url}") String portalUrl,
			@Value("${notifications.listings.admin-email:}") String adminEmail) {
		this.problems = vocabularies.get("listing-problem");
		this.portalUrl = portalUrl;
		this.adminEmail = adminEmail.strip();
	}

	/** @return the alerts this event raises; none for events that concern nobody */
	List<Alert> of(JsonNode event) {
		String type = event.get("type").asString();
		if (!type.equals("PlaceReviewDue") && !type.equals("PlaceReported")) {
			// A place's change or removal: what other services keep of it, news to nobody
			return List.of();
		}
		String place = event.get("placeName").asString();
		String placeId = event.get("placeId").asString();
		List<Alert> alerts = new ArrayList<>();
		switch (type) {
			case "PlaceReviewDue" -> alerts.add(new Alert("host", event.get("hostEmail").asString(),
					"Is your listing for " + place + " still right?",
					List.of("Referrers use the listing for " + place
							+ " to decide where to send people: where and when it meets, what it costs and who to ask for.",
							"It was last checked on " + day(event.get("lastChecked").asString())
									+ ". If it is still right, say so with one click. If something has changed, change it.",
							"If nobody checks it, referrers will see that it has not been checked for a while."),
					"Yes, still right",
					portalUrl + "/confirm-listing.html?place=" + encoded(placeId) + "#token="
							+ encoded(event.get("confirmationToken").asString()),
					"Change it", portalUrl + "/places.html"));
			case "PlaceReported" -> {
				List<String> words = List.of(
						"Someone using the directory says the listing for " + place + " is out of date: "
								+ lowerFirst(problems.label(event.get("problem").asString())) + ".",
						"Please check the listing. Confirming it is still right, or changing it, closes the report.");
				String link = portalUrl + "/place.html?id=" + encoded(placeId);
				String subject = "Someone says the listing for " + place + " is out of date";
				alerts.add(new Alert("host", event.get("hostEmail").asString(), subject, words, "Check the listing", link,
						null, null));
				if (!adminEmail.isEmpty()) {
					alerts.add(new Alert("admin", adminEmail, subject, words, "See the listings to check",
							portalUrl + "/listings.html", null, null));
				}
			}
			default -> {
				// Changes and removals of places alert nobody.
			}
		}
		return alerts;
	}

	private static String day(String instant) {
		return Instant.parse(instant).atZone(UK).format(DAY);
	}

	private static String lowerFirst(String words) {
		return words.substring(0, 1).toLowerCase(Locale.ROOT) + words.substring(1);
	}

	private static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
