package org.communityplaces.notifications.subjectaccess;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.communityplaces.notifications.NotificationServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An admin answering a person's request for a copy of what is held about them gets the alerts
 * and the messages for the person about that person's referrals, and nothing about anyone else's.
 */
class SubjectAccessTests extends NotificationServiceTest {

	private static final Pattern REFERRAL_ID = Pattern.compile("\"referralId\"\\s*:\\s*\"([^\"]+)\"");

	@Test
	void theAlertsAndMessagesAboutThePersonsReferralsAndNoOtherReferrals() {
		String theirs = published(event("ReferralRequested"));
		String someoneElses = published(event("ReferralRequested"));
		kafka.send("person-messages", theirs, textFor(theirs)).join();
		kafka.send("person-messages", someoneElses, textFor(someoneElses)).join();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> mongo.findAll(Document.class, "notifications").size() >= 2
					&& mongo.findAll(Document.class, "person_messages").size() >= 2);

		var held = assertThat(as("admin", null, mvc.get().uri("/api/notifications/subject-access?referralId=" + theirs)))
			.hasStatusOk()
			.bodyJson();
		held.extractingPath("$.notifications[*].referralId").asArray().isNotEmpty().containsOnly(theirs);
		held.extractingPath("$.notifications[0].recipient").isEqualTo("host");
		held.extractingPath("$.notifications[0].subject").asString().isNotBlank();
		held.extractingPath("$.personMessages[*].referralId").asArray().containsExactly(theirs);
		held.extractingPath("$.personMessages[0].way").isEqualTo("text");
		assertThat(as("admin", null, mvc.get().uri("/api/notifications/subject-access?referralId=" + theirs)))
			.bodyText()
			.doesNotContain(someoneElses, HOST);
		assertThat(as("admin", null, mvc.get().uri("/api/notifications/audit?objectId=" + theirs))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.entries[*].purpose")
			.asArray()
			.containsOnly("subject access: the alerts and messages held about the person")
			.hasSize(2);
	}

	@Test
	void onlyAnAdminAsksAndEachIdIsChecked() {
		assertThat(as("host", HOST, mvc.get().uri("/api/notifications/subject-access?referralId=abc"))).hasStatus(403)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(as("referrer", REFERRER, mvc.get().uri("/api/notifications/subject-access?referralId=abc")))
			.hasStatus(403);
		assertThat(as("admin", null,
				mvc.get().uri("/api/notifications/subject-access?referralId=abc&referralId=not an id")))
			.hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.contains("referralId");
	}

	private String published(String event) {
		publish(event);
		Matcher referral = REFERRAL_ID.matcher(event);
		assertThat(referral.find()).isTrue();
		return referral.group(1);
	}

	private static String textFor(String referralId) {
		return """
				{"eventId": "%s", "type": "PersonToBeTold", "occurredAt": "2026-11-24T10:02:11Z", "schemaVersion": 1,
				 "referralId": "%s", "referrerId": "u-referrer", "kind": "where-and-when", "way": "text",
				 "mobileNumber": "07700900123", "recipientName": "Edith Brown", "subject": "The Red Lion has a place for you",
				 "paragraphs": ["The Red Lion has said yes: they look forward to meeting you."]}
				""".formatted(UUID.randomUUID(), referralId);
	}

}
