package org.communityplaces.notifications.person;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.communityplaces.notifications.NotificationServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Messages for people referred, where the deployment has no GOV.UK Notify: e-mails over SMTP,
 * texts and letters recorded as not sent in words the referrer's page shows; where each went
 * forgotten once done.
 */
class PersonMessagesTests extends NotificationServiceTest {

	@Test
	void anEmailGoesOverSmtpOnceAndItsAddressAndWordsAreForgottenOnceSent() throws Exception {
		String referralId = newId();
		String event = message(referralId, "email");
		kafka.send("person-messages", referralId, event).join();
		kafka.send("person-messages", referralId, event).join();

		MimeMessage email = awaitEmailsTo("edith@example.org", 1).get(0);
		assertThat(email).extracting(this::subjectOf).isEqualTo("The Red Lion has a place for you");
		assertThat(bodyOf(email)).contains("Dear Edith Brown,", "Where: The Red Lion, 1 High Street, Sheffield, S10 1AA.",
				"If you cannot go, tell Hillsborough Surgery.");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> statuses(referralId), statuses -> statuses.equals(List.of("sent")));
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> emailsTo("edith@example.org").size() == 1);
		assertThat(mongo.findAll(org.bson.Document.class, "person_messages").toString()).doesNotContain("edith@",
				"Red Lion", "Edith");
		String messageId = mongo.find(Query.query(Criteria.where("referralId").is(referralId)), org.bson.Document.class,
				"person_messages").get(0).getString("_id");
		assertThat(email.getHeader("Message-ID")).as("the same however often it is sent")
			.containsExactly("<" + messageId + "@communityplaces.example.org>");
	}

	@Test
	void withoutNotifyATextOrALetterIsNotSentAndThePageSaysToPrintTheLetter() {
		String texted = newId();
		String posted = newId();
		kafka.send("person-messages", texted, message(texted, "text")).join();
		kafka.send("person-messages", posted, message(posted, "letter")).join();

		await().atMost(Duration.ofSeconds(10)).until(() -> statuses(texted), statuses -> statuses.equals(List.of("not-sent")));
		await().atMost(Duration.ofSeconds(10)).until(() -> statuses(posted), statuses -> statuses.equals(List.of("not-sent")));
		assertThat(as("referrer", REFERRER, mvc.get().uri("/api/notifications/person-messages?referralId=" + texted)))
			.bodyJson()
			.extractingPath("$[0].outcome")
			.asString()
			.contains("Not sent: text messages need GOV.UK Notify", "Print the letter");
		assertThat(mongo.findAll(org.bson.Document.class, "person_messages").toString()).doesNotContain("07700",
				"Oak Road");
	}

	@Test
	void onlyTheReferrerWhoMadeTheReferralSeesWhatWasSent() {
		String referralId = newId();
		kafka.send("person-messages", referralId, message(referralId, "text")).join();
		await().atMost(Duration.ofSeconds(10)).until(() -> statuses(referralId), statuses -> !statuses.isEmpty());

		assertThat(as("host", HOST, mvc.get().uri("/api/notifications/person-messages?referralId=" + referralId)))
			.hasStatus(403);
		assertThat(as("referrer", REFERRER, mvc.get().uri("/api/notifications/person-messages?referralId=" + newId())))
			.bodyJson()
			.isEqualTo("[]");
	}

	private List<String> statuses(String referralId) {
		return mongo.find(new Query(), PersonMessage.class)
			.stream()
			.filter(message -> message.referralId().equals(referralId))
			.map(message -> message.status().name().toLowerCase().replace('_', '-'))
			.toList();
	}

	/** The contract's example, as a message for a new referral of the test's referrer, the way given. */
	static String message(String referralId, String way) {
		String to = switch (way) {
			case "text" -> "\"mobileNumber\": \"07700900123\"";
			case "email" -> "\"emailAddress\": \"edith@example.org\"";
			default -> "\"postalAddress\": {\"lines\": [\"12 Oak Road\", \"Sheffield\"], \"postcode\": \"S6 1AB\"}";
		};
		return """
				{"eventId": "%s", "type": "PersonToBeTold", "occurredAt": "2026-11-24T10:02:11Z", "schemaVersion": 1,
				 "referralId": "%s", "referrerId": "u-referrer", "kind": "where-and-when", "way": "%s", %s,
				 "recipientName": "Edith Brown", "subject": "The Red Lion has a place for you",
				 "paragraphs": ["The Red Lion has said yes: they look forward to meeting you.",
				   "Where: The Red Lion, 1 High Street, Sheffield, S10 1AA.", "When: Tuesday 1 December 2026, 10am to 12 noon.",
				   "When you arrive, ask for Pat.", "If you cannot go, tell Hillsborough Surgery."]}
				""".formatted(UUID.randomUUID(), referralId, way, to);
	}

	static String newId() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
	}

	private String subjectOf(MimeMessage email) {
		try {
			return email.getSubject();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String bodyOf(MimeMessage email) {
		try {
			return email.getContent().toString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
