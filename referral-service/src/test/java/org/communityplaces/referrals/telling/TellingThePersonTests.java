package org.communityplaces.referrals.telling;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.communityplaces.platform.testing.PublishedEvents;
import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.communityplaces.referrals.ReferralServiceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The person's say over how they hear: what each way needs, "where and when" once the place
 * accepts and the reminder the day before, each asked for once on the person's own topic, and
 * none of it in a host's view or a referral event; the letter to print for the referrer alone.
 */
class TellingThePersonTests extends ReferralServiceTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String BY_TEXT = "{\"by\": \"text\", \"mobileNumber\": \"+44 (0)7700 900123\","
			+ " \"postalAddress\": {\"lines\": [\"12 Oak Road\"], \"postcode\": \"S6 1AB\"}}";

	private static final String BY_LETTER = "{\"by\": \"letter\", \"postalAddress\": "
			+ "{\"lines\": [\"12 Oak Road\", \"\", \"Sheffield\"], \"postcode\": \"s61ab\"}}";

	private static PublishedEvents personMessages;

	@BeforeAll
	static void listenToPersonMessages(@Autowired EmbeddedKafkaBroker broker) {
		personMessages = new PublishedEvents(broker.getBrokersAsString(), "person-messages");
	}

	@AfterAll
	static void stopListeningToPersonMessages() {
		personMessages.close();
	}

	@Test
	void eachWayNeedsItsOwnDetailsAndEveryMissingOneIsNamedAtOnce() throws Exception {
		assertRefused(hearingBy("{\"by\": \"text\"}"), 400, "hearBy.mobileNumber");
		assertRefused(hearingBy("{\"by\": \"text\", \"mobileNumber\": \"0114 496 0000\"}"), 400, "hearBy.mobileNumber");
		assertRefused(hearingBy("{\"by\": \"email\", \"emailAddress\": \"edith at home\"}"), 400, "hearBy.emailAddress");
		assertRefused(hearingBy("{\"by\": \"pigeon\"}"), 400, "hearBy.by");
		MvcTestResult noAddress = hearingBy("{\"by\": \"letter\", \"postalAddress\": {\"lines\": [\" \"], \"postcode\": \"S6\"}}");
		assertRefused(noAddress, 400, "hearBy.postalAddress.lines");
		assertThat(noAddress).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.contains("hearBy.postalAddress.lines", "hearBy.postalAddress.postcode");
		assertThat(noAddress).bodyJson()
			.extractingPath("$.errors[*].message")
			.asArray()
			.contains("Enter the person's address, the first line at least", "Enter the full postcode, such as S6 1AB");
		assertThat(mongo.findAll(org.communityplaces.referrals.referral.Referral.class)).isEmpty();
	}

	@Test
	void onlyWhatTheChosenWayNeedsIsKept() throws Exception {
		JsonNode text = referrerView(referredHearing(BY_TEXT)).get("hearing");
		assertThat(text.get("by").asString()).isEqualTo("text");
		assertThat(text.get("mobileNumber").asString()).isEqualTo("07700900123");
		assertThat(text.get("postalAddress").isNull()).isTrue();

		JsonNode letter = referrerView(referredHearing(BY_LETTER)).get("hearing");
		assertThat(letter.get("postalAddress").get("lines").valueStream().map(JsonNode::asString).toList())
			.containsExactly("12 Oak Road", "Sheffield");
		assertThat(letter.get("postalAddress").get("postcode").asString()).isEqualTo("S6 1AB");

		JsonNode unsaid = referrerView(referredHearing(null)).get("hearing");
		assertThat(unsaid.get("by").asString()).isEqualTo("no-contact");
	}

	@Test
	void whenThePlaceAcceptsThePersonIsToldWhereAndWhenTheWayTheyChoseAndNothingOfItReachesTheHost() throws Exception {
		String id = referredHearing(BY_TEXT);
		assertThat(post(LANDLORD, "/api/referrals/" + id + "/accept", "{\"firstVisitOn\": \"2026-12-01\"}"))
			.hasStatusOk();

		JsonNode message = json.readTree(personMessagesOf(id, 1).get(0).value());
		assertThat(contract.violations(message.toString())).isEmpty();
		assertThat(message.get("kind").asString()).isEqualTo("where-and-when");
		assertThat(message.get("way").asString()).isEqualTo("text");
		assertThat(message.get("mobileNumber").asString()).isEqualTo("07700900123");
		assertThat(message.has("postalAddress")).isFalse();
		assertThat(message.get("recipientName").asString()).isEqualTo("Edith Brown");
		assertThat(message.get("paragraphs").valueStream().map(JsonNode::asString).toList()).containsExactly(
				"The Red Lion has said yes: they look forward to meeting you.",
				"Where: The Red Lion, 1 High Street, Sheffield, S10 1AA.",
				"When: Tuesday 1 December 2026, 10am to 12 noon.", "When you arrive, ask for Pat.",
				"If you cannot go, tell Hillsborough Surgery.");

		String hostView = get(LANDLORD, "/api/referrals/" + id).getResponse().getContentAsString();
		assertThat(hostView).doesNotContain("07700", "hearing", "Oak Road", "S6 1AB");
		eventsOf(id, 2).forEach(event -> assertThat(event.value()).doesNotContain("07700", "Oak Road", "Edith"));
		assertThat(referrerView(id).get("hearing").get("whereAndWhenAskedAt").isNull()).isFalse();
	}

	@Test
	void onceSentTheMessageForThePersonLeavesNothingReadableInTheStoredReferral() {
		String id = referredHearing(BY_TEXT);
		assertThat(post(LANDLORD, "/api/referrals/" + id + "/accept", "{\"firstVisitOn\": \"2026-12-01\"}"))
			.hasStatusOk();
		personMessagesOf(id, 1);

		Query byId = Query.query(Criteria.where("_id").is(id));
		Document stored = await().atMost(Duration.ofSeconds(30))
			.until(() -> mongo.findOne(byId, Document.class, "referrals"), referral -> referral.getList("outbox",
					Document.class).stream().allMatch(entry -> entry.get("sentAt") != null));
		assertThat(stored.toJson()).doesNotContain("07700900123", "Edith", "Brown");
	}

	@Test
	void someoneWhoAskedForNoContactIsSentNothingButTheLetterIsThereToPrint() throws Exception {
		String id = referredHearing(null);
		assertThat(post(LANDLORD, "/api/referrals/" + id + "/accept")).hasStatusOk();
		runScheduled("PersonMessages", "tellAndRemind");

		assertThat(eventsOf(id, 2)).hasSize(2);
		assertThat(personMessages.of(id)).isEmpty();
		JsonNode letter = json.readTree(get(LINK_WORKER, "/api/referrals/" + id + "/letter").getResponse()
			.getContentAsString());
		assertThat(letter.get("to").asString()).isEqualTo("Edith Brown");
		assertThat(letter.get("from").asString()).isEqualTo("Hillsborough Surgery");
		assertThat(letter.get("paragraphs").valueStream().map(JsonNode::asString).toList())
			.contains("When: Tuesdays, 10am to 12 noon.", "If you cannot go, tell Hillsborough Surgery.");
		assertThat(letter.toString()).doesNotContain("0114", "S6", "knitting", NOTES);
	}

	@Test
	void theReminderGoesTheDayBeforeTheFirstVisitOnceHoweverOftenTheWatchRuns() throws Exception {
		String id = referredHearing(BY_LETTER);
		assertThat(post(LANDLORD, "/api/referrals/" + id + "/accept", "{\"firstVisitOn\": \"2026-12-01\"}"))
			.hasStatusOk();
		personMessagesOf(id, 1);

		clock.set(Instant.parse("2026-11-30T09:59:00Z"));
		runScheduled("PersonMessages", "tellAndRemind");
		clock.set(Instant.parse("2026-11-30T10:00:00Z"));
		runScheduled("PersonMessages", "tellAndRemind");
		runScheduled("PersonMessages", "tellAndRemind");

		List<ConsumerRecord<String, String>> told = personMessagesOf(id, 2);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> personMessages.of(id).size() == 2);
		JsonNode reminder = json.readTree(told.get(1).value());
		assertThat(contract.violations(reminder.toString())).isEmpty();
		assertThat(reminder.get("kind").asString()).isEqualTo("day-before-reminder");
		assertThat(reminder.get("postalAddress").get("postcode").asString()).isEqualTo("S6 1AB");
		assertThat(reminder.get("paragraphs").get(0).asString())
			.isEqualTo("A reminder: you are going to The Red Lion tomorrow.");
		assertThat(referrerView(id).get("hearing").get("reminderAskedAt").isNull()).isFalse();
	}

	@Test
	void aFirstVisitInThePastIsRefusedAndNothingChanges() throws Exception {
		String id = referredHearing(BY_TEXT);
		assertRefused(post(LANDLORD, "/api/referrals/" + id + "/accept", "{\"firstVisitOn\": \"2026-11-22\"}"), 400,
				"firstVisitOn");
		assertThat(referrerView(id).get("status").asString()).isEqualTo("requested");
		assertThat(personMessages.of(id)).isEmpty();
	}

	@Test
	void theLetterIsForTheReferringOrganisationOnceThePlaceSaidYes() throws Exception {
		String id = referredHearing(BY_TEXT);
		assertRefused(get(LINK_WORKER, "/api/referrals/" + id + "/letter"), 409, null);
		assertThat(referrerView(id).get("letter").isNull()).isTrue();
		assertThat(post(LANDLORD, "/api/referrals/" + id + "/accept")).hasStatusOk();

		assertThat(get(LINK_WORKER, "/api/referrals/" + id + "/letter")).hasStatusOk();
		assertThat(referrerView(id).get("letter").asString()).isEqualTo("/api/referrals/" + id + "/letter");
		assertRefused(get(OTHER_SURGERY, "/api/referrals/" + id + "/letter"), 404, null);
		assertRefused(get(LANDLORD, "/api/referrals/" + id + "/letter"), 403, null);
		assertRefused(get(COMMISSIONER, "/api/referrals/" + id + "/letter"), 403, null);
	}

	private MvcTestResult hearingBy(String hearBy) {
		return post(LINK_WORKER, "/api/referrals", withHearBy(hearBy));
	}

	private String referredHearing(String hearBy) {
		MvcTestResult created = post(LINK_WORKER, "/api/referrals", withHearBy(hearBy));
		assertThat(created).hasStatus(201);
		return idOf(created);
	}

	private static String withHearBy(String hearBy) {
		String referral = referralTo(PlacesCatalogueStandIn.RED_LION, false).strip();
		return hearBy == null ? referral
				: referral.substring(0, referral.length() - 1) + ", \"hearBy\": " + hearBy + "}";
	}

	private JsonNode referrerView(String id) throws Exception {
		return json.readTree(get(LINK_WORKER, "/api/referrals/" + id).getResponse().getContentAsString());
	}

	private static List<ConsumerRecord<String, String>> personMessagesOf(String id, int count) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> personMessages.of(id), told -> told.size() >= count);
	}

}
