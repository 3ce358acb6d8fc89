package org.communityplaces.contracts;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventContractTests {

	private final EventContract contract = EventContract.load();

	@Test
	void everyMessageOfTheAsyncApiDocumentHasASchemaWithExamples() {
		assertThat(contract.eventTypes()).containsExactlyInAnyOrder("ReferralRequested", "ReferralAccepted",
				"ReferralRejected", "ReferralCancelled", "ReferralExpired", "ReferralReminderDue", "AttendanceRecorded",
				"ReferralCompleted", "ReferralFailed", "OutcomeRecorded", "ReferralMessageWritten",
				"ReferralPersonalDataErased", "PlaceChanged",
				"PlaceRemoved", "PlaceReviewDue", "PlaceReported", "PersonToBeTold");
		contract.eventTypes().forEach(type -> assertThat(contract.examples(type)).as(type).isNotEmpty());
	}

	@Test
	void everyExampleValidatesAgainstItsOwnSchema() {
		contract.eventTypes()
			.forEach(type -> contract.examples(type)
				.forEach(example -> assertThat(contract.violations(example)).as(example).isEmpty()));
	}

	@Test
	void eventsAreRoutedToTheTopicOfTheirChannel() {
		assertThat(contract.topicOf("ReferralRequested")).isEqualTo("referral-events");
		contract.eventTypes()
			.stream()
			.filter(type -> !type.startsWith("Place") && !type.equals(PERSON_MESSAGE))
			.forEach(type -> assertThat(contract.topicOf(type)).as(type).isEqualTo("referral-events"));
		assertThat(contract.topicOf("PlaceChanged")).isEqualTo("place-events");
		assertThat(contract.topicOf("PlaceRemoved")).isEqualTo("place-events");
		assertThat(contract.topicOf("PlaceReviewDue")).isEqualTo("place-events");
		assertThat(contract.topicOf("PlaceReported")).isEqualTo("place-events");
		assertThat(contract.topicOf(PERSON_MESSAGE)).isEqualTo("person-messages");
	}

	/** The one event for the person themselves, on a topic of its own that only notification-service reads. */
	private static final String PERSON_MESSAGE = "PersonToBeTold";

	/**
	 * Events reach hosts as alerts and webhooks, where only what the person agreed may go, and
	 * commissioners' dashboards, where nothing of them may: so no event carries anything of the
	 * person, nor anything not in its schema, nor the words of a message on a referral. The
	 * message for the person themselves is the one exception, on its own topic (checked above).
	 */
	@Test
	void noEventHasRoomForAnythingAboutThePerson() throws Exception {
		ObjectMapper json = new ObjectMapper();
		for (String type : contract.eventTypes()) {
			JsonNode schema = json.readTree(getClass().getClassLoader().getResource("contracts/schemas/" + type + ".json"));
			assertThat(schema.path("additionalProperties").asBoolean(true)).as(type + " is closed").isFalse();
			if (type.equals(PERSON_MESSAGE)) {
				continue;
			}
			List<String> properties = new ArrayList<>();
			schema.path("properties").fieldNames().forEachRemaining(properties::add);
			assertThat(properties).as(type)
				.doesNotContain("person", "firstName", "lastName", "contact", "needs", "interests", "accessibility",
						"nhsNumber", "notes", "reasons", "sharing", "text", "message");
		}
	}

	@Test
	void anEventMissingAFieldOrWithABadFormatIsRejected() {
		String example = contract.examples("ReferralRequested").get(0);
		assertThat(contract.violations(example.replace("\"hostEmail\":\"landlord@redlion.example.org\",", "")
			.replace(",\"hostEmail\":\"landlord@redlion.example.org\"", ""))).anyMatch(v -> v.contains("hostEmail"));
		assertThat(contract.violations(example.replace("0b8f7d3c-1e2a-4c5b-8d9e-7a6b5c4d3e2f", "not-a-uuid")))
			.anyMatch(v -> v.contains("eventId"));
	}

	@Test
	void anEventThatIsNotJsonOrOfAnUnknownTypeIsRejected() {
		assertThat(contract.violations("{not json")).singleElement().asString().startsWith("not JSON");
		assertThat(contract.violations("{\"type\":\"SomethingElse\"}")).singleElement()
			.asString()
			.contains("unknown event type");
	}

}
