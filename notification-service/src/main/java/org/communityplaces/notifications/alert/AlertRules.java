package org.communityplaces.notifications.alert;

import java.time.Instant;
import java.time.LocalDate;
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
 * Who is told about each referral event, and in what words: plain English, the place's name
 * and a link to the portal, never anything about the person referred. A reason is named as
 * the contract's vocabulary names it.
 */
@Component
class AlertRules {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);

	private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' h:mma",
			Locale.UK);

	private static final ZoneId UK = ZoneId.of("Europe/London");

	private static final String NEW_MESSAGE = "New message about a referral";

	/** A message's words stay in the portal, behind sign-in: an alert only says there is one. */
	private static final String READ_IN_PORTAL = "Sign in to read it and reply. Messages are only shown in the portal.";

	private final Vocabularies.Vocabulary rejectReasons;

	private final Vocabularies.Vocabulary failReasons;

	private final String portalUrl;

	AlertRules(Vocabularies vocabularies, @Value("${notifications.portal-url}") String portalUrl) {
		this.rejectReasons = vocabularies.get("reject-reason");
		this.failReasons = vocabularies.get("fail-reason");
		this.portalUrl = portalUrl;
	}

	/** @return the alerts this event raises; none for events that concern nobody */
	List<Alert> of(JsonNode event) {
		String place = event.get("placeName").asString();
		String type = event.get("type").asString();
		List<Alert> alerts = new ArrayList<>();
		switch (type) {
			case "ReferralRequested" -> alerts.add(host(event, "New referral for " + place,
					"Someone has been referred to " + place + " and would like to come along.",
					"Please accept or decline by " + dayAndTime(event.get("respondBy").asString()) + "."));
			case "ReferralReminderDue" -> alerts.add(host(event, "Reminder: a referral to " + place + " needs your answer",
					"A referral to " + place + " is still waiting for your answer.",
					"Please accept or decline by " + dayAndTime(event.get("respondBy").asString())
							+ ", or it will expire and the person will be referred elsewhere."));
			case "ReferralCancelled" -> alerts.add(host(event, "A referral to " + place + " was withdrawn",
					"The referrer has withdrawn a referral to " + place + ". You do not need to do anything."));
			case "ReferralExpired" -> {
				alerts.add(host(event, "A referral to " + place + " has expired",
						"A referral to " + place + " was not answered in time and has expired."));
				alerts.add(referrer(event, "Your referral to " + place + " was not answered in time",
						place + " did not answer your referral in time, so it has expired.",
						"You can refer the person to another place from the portal."));
			}
			case "ReferralAccepted" -> alerts.add(referrer(event, place + " accepted your referral",
					place + " has accepted your referral and is looking forward to welcoming the person."));
			case "ReferralRejected" -> alerts.add(referrer(event, place + " could not take your referral",
					place + " could not take your referral" + because(rejectReasons, event),
					"You can refer the person to another place from the portal."));
			case "AttendanceRecorded" -> {
				String day = LocalDate.parse(event.get("sessionDate").asString()).format(DAY);
				alerts.add(event.get("attended").asBoolean()
						? referrer(event, "Your referral went to " + place, "The person came to " + place + " on " + day + ".")
						: referrer(event, "Your referral did not go to " + place,
								"The person did not come to " + place + " on " + day + "."));
			}
			case "ReferralCompleted" -> alerts.add(referrer(event, "Your referral to " + place + " is complete",
					"The person has finished their time at " + place + ".",
					"Remember to record their follow-up scores in the portal."));
			case "ReferralFailed" -> alerts.add(referrer(event, "Your referral to " + place + " has closed",
					"The referral to " + place + " has closed" + because(failReasons, event)));
			case "ReferralMessageWritten" -> alerts.add(event.get("authorRole").asString().equals("host")
					? referrer(event, NEW_MESSAGE, place + " has written to you about your referral.", READ_IN_PORTAL)
					: host(event, NEW_MESSAGE, "The referrer has written to you about a referral to " + place + ".",
							READ_IN_PORTAL));
			default -> {
				// OutcomeRecorded and any later event types alert nobody.
			}
		}
		return alerts;
	}

	private Alert host(JsonNode event, String subject, String... paragraphs) {
		return new Alert("host", event.get("hostEmail").asString(), subject, List.of(paragraphs),
				"Open the partner portal", pageOf(event));
	}

	private Alert referrer(JsonNode event, String subject, String... paragraphs) {
		return new Alert("referrer", event.get("referrerEmail").asString(), subject, List.of(paragraphs),
				"See the referral in the portal", pageOf(event));
	}

	/** The referral's own page, which leads through sign-in. */
	private String pageOf(JsonNode event) {
		return portalUrl + "/referrals/" + event.get("referralId").asString();
	}

	/** The reason in the contract's words; another reason's own words stay in the portal. */
	private static String because(Vocabularies.Vocabulary reasons, JsonNode event) {
		String reason = event.get("reason").asString();
		if (reason.equals("other")) {
			return ", for a reason given in the portal.";
		}
		String words = reasons.label(reason);
		return ": " + words.substring(0, 1).toLowerCase(Locale.ROOT) + words.substring(1) + ".";
	}

	private static String dayAndTime(String instant) {
		return Instant.parse(instant).atZone(UK).format(DAY_AND_TIME).replace("AM", "am").replace("PM", "pm");
	}

}
