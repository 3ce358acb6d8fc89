package org.communityplaces.notifications.alert;

import java.time.Duration;
import java.util.List;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.communityplaces.notifications.NotificationServiceTest;
import org.communityplaces.notifications.delivery.Notification;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A message on a referral alerts the other side, over the channel they chose, with a link to
 * the referral's page: that there is a message, never its words.
 */
class MessageAlertTests extends NotificationServiceTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theReferrersMessageAlertsTheHostByEmailWithALinkToTheReferral() throws Exception {
		String written = event("ReferralMessageWritten");
		String referralId = json.readTree(written).get("referralId").asString();

		publish(written);

		List<MimeMessage> emails = awaitEmailsTo(HOST, 1);
		assertThat(emails.get(0).getSubject()).isEqualTo("New message about a referral");
		String text = textOf(emails.get(0));
		assertThat(text).contains("The referrer has written to you about a referral to The Red Lion community table.",
				"Sign in to read it and reply.", "https://portal.example.org/referrals/" + referralId);
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
			.until(() -> mongo.count(new Query(), Notification.class) == 1);
		assertThat(emailsTo(REFERRER)).as("the writer is not told of their own message").isEmpty();
	}

	@Test
	void theHostsMessageAlertsTheReferrerInTheInboxTheyChose() {
		assertThat(choose("referrer", REFERRER, "{\"channel\": \"inbox\"}")).hasStatusOk();
		String written = event("ReferralMessageWritten").replace("\"authorRole\":\"referrer\"", "\"authorRole\":\"host\"");
		assertThat(contract.violations(written)).isEmpty();
		String referralId = json.readTree(written).get("referralId").asString();

		publish(written);

		await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(new Query(), Notification.class) == 1);
		MvcTestResult inbox = as("referrer", REFERRER, mvc.get().uri("/api/notifications/inbox"));
		assertThat(inbox).bodyJson().extractingPath("$[0].type").isEqualTo("ReferralMessageWritten");
		assertThat(inbox).bodyJson().extractingPath("$[0].referralId").isEqualTo(referralId);
		assertThat(inbox).bodyJson().extractingPath("$[0].subject").isEqualTo("New message about a referral");
		assertThat(inbox).bodyJson().extractingPath("$[0].text").asString()
			.contains("The Red Lion community table has written to you about your referral.",
					"https://portal.example.org/referrals/" + referralId);
		assertThat(smtp.getReceivedMessages()).as("inbox only, and nothing to the host who wrote").isEmpty();
	}

	/** The plain-text part, however deep the multiparts nest. */
	private static String textOf(Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = textOf(multipart.getBodyPart(i));
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
