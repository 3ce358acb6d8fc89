package org.communityplaces.referrals.message;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.communityplaces.referrals.ReferralServiceTest;
import org.communityplaces.referrals.referral.Referral;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages between the referrer's organisation and the host, kept with the referral: read back
 * by both sides, refused to everyone else with nothing changed, never shown to commissioners,
 * and told to the other side by an event that says a message was written and nothing more.
 */
class MessageApiTests extends ReferralServiceTest {

	private static final String QUESTION = "Does Edith need a lift from the bus stop on Tuesdays?";

	private static final String ANSWER = "Yes please. Her daughter can bring her the first time.";

	@Test
	void theReferrerAndTheHostWriteToEachOtherAndBothReadTheConversationOldestFirst() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		clock.advance(Duration.ofHours(1));

		MvcTestResult asked = post(LANDLORD, messagesOf(id), "{\"text\": \"  " + QUESTION + "\\n\\n  \"}");
		assertThat(asked).hasStatusOk().hasHeader("ETag", "\"1\"");
		assertThat(asked).bodyJson().extractingPath("$.messages[0].text").isEqualTo(QUESTION);
		clock.advance(Duration.ofMinutes(30));
		assertThat(post(LINK_WORKER, messagesOf(id), "{\"text\": \"" + ANSWER + "\"}")).hasStatusOk();

		for (Actor reader : new Actor[] { LINK_WORKER, COLLEAGUE, LANDLORD }) {
			MvcTestResult read = get(reader, "/api/referrals/" + id);
			assertThat(read).as(reader.name()).bodyJson().extractingPath("$.messages[*].text").asArray()
				.containsExactly(QUESTION, ANSWER);
			assertThat(read).as(reader.name()).bodyJson().extractingPath("$.messages[*].byRole").asArray()
				.containsExactly("host", "referrer");
			assertThat(read).as(reader.name()).bodyJson().extractingPath("$.messages[*].byName").asArray()
				.containsExactly("Pat Landlord", "Sam Link");
			assertThat(read).as(reader.name()).bodyJson().extractingPath("$.messages[*].at").asArray()
				.containsExactly("2026-11-23T10:00:00Z", "2026-11-23T10:30:00Z");
			assertThat(read).as(reader.name()).bodyJson().extractingPath("$.messages[0]").asMap()
				.containsOnlyKeys("byRole", "byName", "text", "at");
		}
		assertThat(get(LANDLORD, "/api/referrals")).bodyJson().extractingPath("$[0].messages[*].text").asArray()
			.containsExactly(QUESTION, ANSWER);
	}

	@Test
	void eachSideIsOfferedAMessageToTheOtherWhileTheReferralIsWithThePlace() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		assertThat(get(LINK_WORKER, "/api/referrals/" + id)).bodyJson()
			.extractingPath("$.actions[?(@.action == 'write-message')]")
			.asArray()
			.singleElement()
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("label", "Write a message to the host")
			.containsEntry("method", "POST")
			.containsEntry("href", "/api/referrals/" + id + "/messages")
			.containsEntry("input", "message");
		assertThat(get(LANDLORD, "/api/referrals/" + id)).bodyJson()
			.extractingPath("$.actions[?(@.action == 'write-message')].label")
			.asArray()
			.containsExactly("Write a message to the referrer");
		assertThat(get(COMMISSIONER, "/api/referrals/" + id)).bodyJson().extractingPath("$.actions").asArray().isEmpty();
	}

	@Test
	void theEventSaysOnlyThatAMessageWasWrittenAndByWhichSide() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		post(LINK_WORKER, messagesOf(id), "{\"text\": \"" + ANSWER + "\"}");
		post(LANDLORD, messagesOf(id), "{\"text\": \"" + QUESTION + "\"}");

		List<ConsumerRecord<String, String>> events = eventsOf(id, 3);

		List<ConsumerRecord<String, String>> written = events.stream()
			.filter(record -> record.value().contains("\"type\":\"ReferralMessageWritten\""))
			.toList();
		assertThat(written).hasSize(2);
		written.forEach(record -> assertThat(contract.violations(record.value())).as(record.value()).isEmpty());
		assertThat(written.get(0).value()).contains("\"authorRole\":\"referrer\"",
				"\"hostEmail\":\"landlord@redlion.example.org\"", "\"referralId\":\"" + id + "\"");
		assertThat(written.get(1).value()).contains("\"authorRole\":\"host\"",
				"\"referrerEmail\":\"sam@surgery.example.org\"");
		assertThat(written).extracting(ConsumerRecord::value)
			.allSatisfy(event -> assertThat(event).doesNotContain("Edith", "daughter", "bus stop", "Sam Link",
					"Pat Landlord", "u-sam", "u-landlord"));
	}

	@Test
	void nobodyOutsideTheReferralWritesOnItAndTheirAttemptChangesNothing() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		post(LANDLORD, messagesOf(id), "{\"text\": \"" + QUESTION + "\"}");
		Referral before = mongo.findById(id, Referral.class);

		assertRefused(post(OTHER_SURGERY, messagesOf(id), "{\"text\": \"Hello\"}"), 404, null);
		assertRefused(post(OTHER_HOST, messagesOf(id), "{\"text\": \"Hello\"}"), 404, null);
		assertRefused(post(COMMISSIONER, messagesOf(id), "{\"text\": \"Hello\"}"), 403, null);
		assertRefused(post(ADMIN, messagesOf(id), "{\"text\": \"Hello\"}"), 403, null);
		assertRefused(post(LINK_WORKER, "/api/referrals/no-such-referral/messages", "{\"text\": \"Hello\"}"), 404, null);

		Referral after = mongo.findById(id, Referral.class);
		assertThat(after.version()).isEqualTo(before.version());
		assertThat(after.messages()).extracting(Referral.Message::text).containsExactly(QUESTION);
		assertThat(after.outbox()).hasSameSizeAs(before.outbox());
		assertThat(get(ADMIN, "/api/audit?objectId=" + id)).bodyJson()
			.extractingPath("$.entries[?(@.outcome == 'REFUSED')].actorId")
			.asArray()
			.containsExactlyInAnyOrder(OTHER_SURGERY.id(), OTHER_HOST.id());
	}

	@Test
	void commissionersAndAdminsNeverSeeTheMessages() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		post(LANDLORD, messagesOf(id), "{\"text\": \"" + QUESTION + "\"}");
		post(LINK_WORKER, messagesOf(id), "{\"text\": \"" + ANSWER + "\"}");

		for (Actor actor : new Actor[] { COMMISSIONER, ADMIN }) {
			MvcTestResult one = get(actor, "/api/referrals/" + id);
			assertThat(one).hasStatusOk();
			assertThat(one).bodyJson().extractingPath("$").asMap().doesNotContainKey("messages");
			assertThat(one).bodyText().doesNotContain("bus stop", "daughter", "Pat Landlord", "Sam Link");
			assertThat(get(actor, "/api/referrals")).bodyText().doesNotContain("bus stop", "daughter");
		}
	}

	@Test
	void aMessageIsPlainTextOfOneTo2000CharactersAndAProblemSaysWhatToFix() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		for (String body : List.of("{\"text\": \"   \\n \"}", "{\"text\": \"\"}", "{}", "{\"text\": null}")) {
			MvcTestResult refused = post(LINK_WORKER, messagesOf(id), body);
			assertRefused(refused, 400, "text");
			assertThat(refused).as(body).bodyJson().extractingPath("$.errors[0].message").isEqualTo("Write your message");
		}
		MvcTestResult tooLong = post(LINK_WORKER, messagesOf(id), "{\"text\": \"" + "a".repeat(2001) + "\"}");
		assertRefused(tooLong, 400, "text");
		assertThat(tooLong).bodyJson().extractingPath("$.errors[0].message")
			.isEqualTo("Your message must be 2,000 characters or fewer");
		assertThat(mongo.findById(id, Referral.class).messages()).isEmpty();

		String longest = "a".repeat(2000);
		assertThat(post(LINK_WORKER, messagesOf(id), "{\"text\": \"\\n  " + longest + "  \\n\"}")).hasStatusOk();
		assertThat(mongo.findById(id, Referral.class).messages()).extracting(Referral.Message::text)
			.containsExactly(longest);
	}

	@Test
	void aClosedReferralKeepsItsMessagesButTakesNoMoreAndADraftHasNobodyToWriteTo() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		post(LANDLORD, messagesOf(id), "{\"text\": \"" + QUESTION + "\"}");
		assertThat(post(LINK_WORKER, "/api/referrals/" + id + "/cancel", "{\"reason\": \"no-longer-needed\"}"))
			.hasStatusOk();
		Referral closed = mongo.findById(id, Referral.class);

		for (Actor actor : new Actor[] { LINK_WORKER, LANDLORD }) {
			MvcTestResult refused = post(actor, messagesOf(id), "{\"text\": \"" + ANSWER + "\"}");
			assertRefused(refused, 409, null);
			assertThat(refused).bodyJson().extractingPath("$.detail").asString().startsWith("This referral is closed");
			MvcTestResult read = get(actor, "/api/referrals/" + id);
			assertThat(read).bodyJson().extractingPath("$.messages[*].text").asArray().containsExactly(QUESTION);
			assertThat(read).bodyJson().extractingPath("$.actions[*].action").asArray().doesNotContain("write-message");
		}
		assertThat(mongo.findById(id, Referral.class).version()).isEqualTo(closed.version());

		String draft = idOf(post(LINK_WORKER, "/api/referrals", referralTo(PlacesCatalogueStandIn.RED_LION, true)));
		assertRefused(post(LINK_WORKER, messagesOf(draft), "{\"text\": \"" + ANSWER + "\"}"), 409, null);
		assertThat(get(LINK_WORKER, "/api/referrals/" + draft)).bodyJson()
			.extractingPath("$.actions[*].action")
			.asArray()
			.doesNotContain("write-message");
		assertThat(mongo.findById(draft, Referral.class).messages()).isEmpty();
	}

	private static String messagesOf(String id) {
		return "/api/referrals/" + id + "/messages";
	}

}
