package org.communityplaces.notifications.notify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.communityplaces.notifications.NotificationServiceTest;
import org.communityplaces.notifications.delivery.Notification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Alerts through GOV.UK Notify, against a local stand-in that checks the token and the
 * payloads as Notify's published API describes them: e-mails through Notify instead of SMTP,
 * text messages for those who choose them, outages retried and refusals not.
 */
class NotifyTests extends NotificationServiceTest {

	private static final NotifyStandIn notify = new NotifyStandIn();

	@DynamicPropertySource
	static void notifyStandIn(DynamicPropertyRegistry registry) {
		registry.add("notifications.notify.api-key", () -> NotifyStandIn.API_KEY);
		registry.add("notifications.notify.base-url", notify::url);
		registry.add("notifications.notify.email-template-id", () -> NotifyStandIn.EMAIL_TEMPLATE);
		registry.add("notifications.notify.text-template-id", () -> NotifyStandIn.TEXT_TEMPLATE);
		registry.add("notifications.notify.letter-template-id", () -> NotifyStandIn.LETTER_TEMPLATE);
	}

	@AfterAll
	static void stopStandIn() {
		notify.close();
	}

	@BeforeEach
	void freshStandIn() {
		notify.reset();
	}

	@Test
	void aHostWhoChoseTextMessagesGetsEachAlertAsATextLinkingToTheReferral() {
		assertThat(as("host", HOST, mvc.get().uri("/api/notifications/preferences"))).bodyJson()
			.extractingPath("$.channels[*].code")
			.asArray()
			.contains("text");
		assertThat(choose("host", HOST, "{\"channel\": \"text\", \"phone\": \"07700 900123\"}")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.phone")
			.isEqualTo("+447700900123");

		String requested = event("ReferralRequested");
		publish(requested);

		NotifyStandIn.Accepted text = await().atMost(Duration.ofSeconds(30))
			.until(notify::accepted, accepted -> !accepted.isEmpty())
			.get(0);
		assertThat(notify.violations()).isEmpty();
		assertThat(text.path()).isEqualTo("/v2/notifications/sms");
		assertThat(text.body().get("phone_number").asString()).isEqualTo("+447700900123");
		String referralId = JsonMapper.builder().build().readTree(requested).get("referralId").asString();
		assertThat(text.body().get("personalisation").get("body").asString())
			.contains("https://portal.example.org/referrals/" + referralId);
		assertThat(text.body().get("reference").asString()).doesNotContain("@");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> mongo.findAll(Notification.class)
				.stream()
				.anyMatch(sent -> sent.delivery().status() == Notification.Status.SENT));
		assertThat(smtp.getReceivedMessages()).as("nothing over SMTP while Notify sends e-mail").isEmpty();
	}

	@Test
	void emailsGoThroughNotifyWithTheSubjectAndWordsOfTheAlert() {
		publish(event("ReferralAccepted"));

		NotifyStandIn.Accepted email = await().atMost(Duration.ofSeconds(30))
			.until(notify::accepted, accepted -> !accepted.isEmpty())
			.get(0);
		assertThat(notify.violations()).isEmpty();
		assertThat(email.path()).isEqualTo("/v2/notifications/email");
		assertThat(email.body().get("email_address").asString()).isEqualTo(REFERRER);
		assertThat(email.body().get("personalisation").get("subject").asString()).contains("accepted");
		assertThat(email.body().get("personalisation").get("body").asString()).contains("https://portal.example.org/referrals/");
		assertThat(smtp.getReceivedMessages()).isEmpty();
	}

	@Test
	void whenNotifyIsDownOrBusyTheAlertIsSentLaterAndOnlyOnce() {
		notify.failNext(500, 503, 429);
		publish(event("ReferralAccepted"));

		await().atMost(Duration.ofSeconds(30)).until(() -> notify.accepted().size() == 1);
		Notification sent = await().atMost(Duration.ofSeconds(10))
			.until(() -> mongo.findAll(Notification.class).get(0),
					notification -> notification.delivery().status() == Notification.Status.SENT);
		assertThat(sent.delivery().attempts()).isEqualTo(3);
		assertThat(notify.accepted()).hasSize(1);
	}

	@Test
	void aMessageNotifyRefusesIsNotSentAgain() {
		notify.failNext(400);
		publish(event("ReferralAccepted"));

		Notification failed = await().atMost(Duration.ofSeconds(30))
			.until(() -> mongo.findAll(Notification.class),
					all -> all.size() == 1 && all.get(0).delivery().status() == Notification.Status.FAILED)
			.get(0);
		assertThat(failed.delivery().attempts()).isEqualTo(1);
		assertThat(failed.delivery().lastError()).contains("400").doesNotContain("@");
		assertThat(notify.accepted()).isEmpty();
		assertThat(mongo.count(new Query(), Notification.class)).isEqualTo(1);
	}

	@Test
	void mobileNumbersAreTakenAsPeopleWriteThemAndAnythingElseIsRefusedWithTheFieldNamed() {
		for (String written : List.of("+44 7700 900123", "+44 (0)7700-900123", "00447700900123", "07700900123")) {
			assertThat(choose("host", HOST, "{\"channel\": \"text\", \"phone\": \"" + written + "\"}")).hasStatusOk()
				.bodyJson()
				.extractingPath("$.phone")
				.isEqualTo("+447700900123");
		}
		choose("host", HOST, "{\"channel\": \"email\"}");
		for (String wrong : List.of("0114 496 0000", "07700 90012", "+1 555 123 4567", "seven", "077009001234")) {
			assertThat(choose("host", HOST, "{\"channel\": \"text\", \"phone\": \"" + wrong + "\"}")).hasStatus(400)
				.bodyJson()
				.extractingPath("$.errors[0].field")
				.isEqualTo("phone");
		}
		assertThat(choose("host", HOST, "{\"channel\": \"text\"}")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("phone");
		assertThat(as("host", HOST, mvc.get().uri("/api/notifications/preferences"))).bodyJson()
			.extractingPath("$.channel")
			.as("nothing changed by the refused choices")
			.isEqualTo("email");
	}

	@Test
	void theStandInRefusesATokenNotifyWouldRefuse() throws Exception {
		RestClient client = RestClient.create(notify.url());
		String body = "{\"phone_number\": \"+447700900123\", \"template_id\": \"" + NotifyStandIn.TEXT_TEMPLATE + "\"}";
		for (String token : List.of(token(NotifyStandIn.SERVICE_ID, "0c5c9b0e-2d1f-4f4e-9a59-4b7e2a1c9d10", 0),
				token("6f1d4e0a-8b7c-4d2e-9f3a-1b2c3d4e5f60", NotifyStandIn.SECRET, 0),
				token(NotifyStandIn.SERVICE_ID, NotifyStandIn.SECRET, -60))) {
			assertThatThrownBy(() -> client.post()
				.uri("/v2/notifications/sms")
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.body(body)
				.retrieve()
				.toBodilessEntity()).hasMessageContaining("403");
		}
		assertThat(notify.accepted()).isEmpty();
	}

	private static String token(String issuer, String secret, int offsetSeconds) throws Exception {
		SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().issuer(issuer)
			.issueTime(new Date(System.currentTimeMillis() + offsetSeconds * 1000L))
			.build());
		token.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
		return token.serialize();
	}

	@Test
	void aPersonWhoChoseTextMessagesIsTextedWhereAndWhen() {
		String referralId = java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 24);
		kafka.send("person-messages", referralId, personMessage(referralId, "text",
				"\"mobileNumber\": \"07700900123\"")).join();

		NotifyStandIn.Accepted text = await().atMost(Duration.ofSeconds(30))
			.until(notify::accepted, accepted -> !accepted.isEmpty())
			.get(0);
		assertThat(notify.violations()).isEmpty();
		assertThat(text.path()).isEqualTo("/v2/notifications/sms");
		assertThat(text.body().get("phone_number").asString()).isEqualTo("07700900123");
		assertThat(text.body().get("personalisation").get("body").asString()).startsWith("Hello Edith. ")
			.contains("Where: The Red Lion, 1 High Street, Sheffield, S10 1AA.", "ask for Pat",
					"If you cannot go, tell Hillsborough Surgery.");
	}

	@Test
	void aPersonWhoChoseALetterIsPostedOneAddressedAsNotifyPrintsItEvenAfterAnOutage() {
		notify.failNext(500, 503);
		String referralId = java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 24);
		kafka.send("person-messages", referralId, personMessage(referralId, "letter",
				"\"postalAddress\": {\"lines\": [\"12 Oak Road\", \"Hillsborough\", \"Sheffield\"], \"postcode\": \"S6 1AB\"}"))
			.join();

		NotifyStandIn.Accepted letter = await().atMost(Duration.ofSeconds(30))
			.until(notify::accepted, accepted -> !accepted.isEmpty())
			.get(0);
		assertThat(notify.violations()).isEmpty();
		assertThat(letter.path()).isEqualTo("/v2/notifications/letter");
		assertThat(letter.body().get("template_id").asString()).isEqualTo(NotifyStandIn.LETTER_TEMPLATE);
		var personalisation = letter.body().get("personalisation");
		assertThat(List.of(personalisation.get("address_line_1").asString(), personalisation.get("address_line_2").asString(),
				personalisation.get("address_line_3").asString(), personalisation.get("address_line_4").asString(),
				personalisation.get("address_line_5").asString()))
			.containsExactly("Edith Brown", "12 Oak Road", "Hillsborough", "Sheffield", "S6 1AB");
		assertThat(personalisation.has("address_line_6")).isFalse();
		assertThat(personalisation.get("subject").asString()).isEqualTo("The Red Lion has a place for you");
		assertThat(personalisation.get("body").asString()).startsWith("Dear Edith Brown,")
			.contains("When: Tuesday 1 December 2026, 10am to 12 noon.");
		assertThat(notify.accepted()).hasSize(1);
	}

	@Test
	void theStandInRefusesALetterWhoseAddressNotifyCouldNotPrint() {
		NotifySettings settings = new NotifySettings(NotifyStandIn.API_KEY, java.net.URI.create(notify.url()), null,
				null, Duration.ofSeconds(5), NotifyStandIn.LETTER_TEMPLATE);
		GovUkNotify client = new GovUkNotify(settings, JsonMapper.builder().build(), java.time.Clock.systemUTC());
		assertThatThrownBy(() -> client.letter(List.of("Edith Brown", "12 Oak Road", "Sheffield"), "Subject", "Body",
				"ref"))
			.isInstanceOf(GovUkNotify.Refused.class);
		assertThat(notify.violations()).singleElement()
			.asString()
			.contains("Last line of address must be a real UK postcode");
		assertThatThrownBy(() -> client.letter(List.of("Edith Brown", "S6 1AB"), "Subject", "Body", "ref"))
			.isInstanceOf(GovUkNotify.Refused.class);
	}

	private static String personMessage(String referralId, String way, String to) {
		return """
				{"eventId": "%s", "type": "PersonToBeTold", "occurredAt": "2026-11-24T10:02:11Z", "schemaVersion": 1,
				 "referralId": "%s", "referrerId": "u-referrer", "kind": "where-and-when", "way": "%s", %s,
				 "recipientName": "Edith Brown", "subject": "The Red Lion has a place for you",
				 "paragraphs": ["The Red Lion has said yes: they look forward to meeting you.",
				   "Where: The Red Lion, 1 High Street, Sheffield, S10 1AA.", "When: Tuesday 1 December 2026, 10am to 12 noon.",
				   "When you arrive, ask for Pat.", "If you cannot go, tell Hillsborough Surgery."]}
				""".formatted(java.util.UUID.randomUUID(), referralId, way, to);
	}

}
