package org.communityplaces.referrals.referral;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.communityplaces.referrals.ReferralServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The person's say over what the host sees: their first name always, and each of how to reach
 * them, their needs, interests and access needs only if they agreed when their consent was
 * recorded. The host's view, the host's list and every event show what was agreed and never
 * more; the referrer's organisation still sees everything.
 */
class WhatTheHostSeesTests extends ReferralServiceTest {

	/** What each choice lets the host see of the referral the fixture makes. */
	private static final Map<String, List<String>> SHARED_VALUES = Map.of("contact", List.of("0114 496 0000", "phone"),
			"needs", List.of("companionship", "regular-routine"), "interests", List.of("knitting", "quiz-and-games"),
			"accessibility", List.of("step-free"));

	/** Never shown to a host, whatever the person chose. */
	private static final List<String> NEVER_FOR_THE_HOST = List.of("Brown", "9434765919", NHS_NUMBER, "S6\"", "75-84",
			NOTES, "bereavement", "loneliness", "explicit-consent", "sharing");

	/** The routing fields of the host-bound event: nothing about the person, whatever they chose. */
	private static final List<String> REQUESTED_EVENT_FIELDS = List.of("eventId", "type", "occurredAt", "schemaVersion",
			"referralId", "placeId", "placeName", "hostEmail", "respondBy");

	static Stream<Arguments> choices() {
		return Stream.of(Arguments.of("nothing said", null, List.of()), Arguments.of("none", "[]", List.of()),
				Arguments.of("contact alone", "[\"contact\"]", List.of("contact")),
				Arguments.of("needs alone", "[\"needs\"]", List.of("needs")),
				Arguments.of("interests alone", "[\"interests\"]", List.of("interests")),
				Arguments.of("access needs alone", "[\"accessibility\"]", List.of("accessibility")),
				Arguments.of("all", "[\"accessibility\", \"contact\", \"interests\", \"needs\", \"needs\"]",
						List.of("accessibility", "contact", "interests", "needs")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("choices")
	void theHostSeesTheFirstNameAndWhatThePersonAgreedAndNeverMore(String choice, String sharing, List<String> agreed) {
		MvcTestResult created = post(LINK_WORKER, "/api/referrals", referral(PlacesCatalogueStandIn.RED_LION, sharing));
		assertThat(created).hasStatus(201);
		String id = idOf(created);

		assertHostSees(get(LANDLORD, "/api/referrals/" + id), "$.person", agreed, false);
		assertHostSees(get(LANDLORD, "/api/referrals"), "$[0].person", agreed, false);
		assertHostSees(post(LANDLORD, "/api/referrals/" + id + "/accept"), "$.person", agreed, true);
		assertHostSees(get(LANDLORD, "/api/referrals/" + id), "$.person", agreed, true);
		assertHostSees(get(LANDLORD, "/api/referrals"), "$[0].person", agreed, true);

		for (Actor organisation : List.of(LINK_WORKER, COLLEAGUE)) {
			MvcTestResult whole = get(organisation, "/api/referrals/" + id);
			assertThat(whole).bodyJson().extractingPath("$.consent.sharing").isEqualTo(agreed);
			assertThat(whole).bodyJson().extractingPath("$.person.lastName").isEqualTo("Brown");
			assertThat(whole).bodyJson().extractingPath("$.person.contact.value").isEqualTo("0114 496 0000");
			assertThat(whole).bodyJson().extractingPath("$.person.needs").isEqualTo(SHARED_VALUES.get("needs"));
			assertThat(whole).bodyJson().extractingPath("$.person.interests").isEqualTo(SHARED_VALUES.get("interests"));
			assertThat(whole).bodyJson().extractingPath("$.person.accessibility")
				.isEqualTo(SHARED_VALUES.get("accessibility"));
			assertThat(get(organisation, "/api/referrals")).bodyJson().extractingPath("$[0].person.lastName")
				.isEqualTo("Brown");
		}

		assertEventsCarryNothingOfThePerson(eventsOf(id, 2));
	}

	@Test
	void aReReferralCarriesThePersonsChoicesToTheNextPlace() {
		String declined = idOf(post(LINK_WORKER, "/api/referrals",
				referral(PlacesCatalogueStandIn.RED_LION, "[\"interests\"]")));
		assertThat(post(LANDLORD, "/api/referrals/" + declined + "/reject", "{\"reason\": \"no-capacity\"}"))
			.hasStatusOk();
		String id = idOf(post(LINK_WORKER, "/api/referrals/" + declined + "/re-referrals",
				"{\"placeId\": \"" + PlacesCatalogueStandIn.BAKERY + "\"}"));

		assertHostSees(get(OTHER_HOST, "/api/referrals/" + id), "$.person", List.of("interests"), false);
		assertHostSees(post(OTHER_HOST, "/api/referrals/" + id + "/accept"), "$.person", List.of("interests"), true);
		assertHostSees(get(OTHER_HOST, "/api/referrals"), "$[0].person", List.of("interests"), true);
		assertThat(get(LINK_WORKER, "/api/referrals/" + id)).bodyJson()
			.extractingPath("$.consent.sharing")
			.isEqualTo(List.of("interests"));
		assertEventsCarryNothingOfThePerson(eventsOf(id, 2));
	}

	@Test
	void aHostNeverSeesHowToReachThePersonBeforeAcceptingEvenIfTheyAgreed() {
		String id = idOf(post(LINK_WORKER, "/api/referrals", referral(PlacesCatalogueStandIn.RED_LION, "[\"contact\"]")));
		for (MvcTestResult before : List.of(get(LANDLORD, "/api/referrals/" + id), get(LANDLORD, "/api/referrals"),
				get(LANDLORD, "/api/referrals?status=requested"))) {
			assertThat(before).hasStatusOk().bodyText().doesNotContain("0114 496 0000", "phone");
		}
		assertThat(post(LANDLORD, "/api/referrals/" + id + "/accept")).bodyJson()
			.extractingPath("$.person.contact.value")
			.isEqualTo("0114 496 0000");
	}

	@Test
	void aReferralStoredBeforeThePersonWasAskedSharesTheirFirstNameOnly() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().unset("consent.sharing"),
				Referral.class);

		assertHostSees(get(LANDLORD, "/api/referrals/" + id), "$.person", List.of(), false);
		assertHostSees(post(LANDLORD, "/api/referrals/" + id + "/accept"), "$.person", List.of(), true);
		assertThat(get(LINK_WORKER, "/api/referrals/" + id)).bodyJson()
			.extractingPath("$.consent.sharing")
			.isEqualTo(List.of());
	}

	@Test
	void aChoiceThatIsNotInTheVocabularyIsRefusedNamingItsPlace() {
		for (String sharing : List.of("[\"contact\", \"surname\"]", "[\"needs\", null]")) {
			MvcTestResult refused = post(LINK_WORKER, "/api/referrals", referral(PlacesCatalogueStandIn.RED_LION, sharing));
			assertRefused(refused, 400, "consent.sharing[1]");
		}
		MvcTestResult unknown = post(LINK_WORKER, "/api/referrals",
				referral(PlacesCatalogueStandIn.RED_LION, "[\"Everything\"]"));
		assertThat(unknown).bodyJson()
			.extractingPath("$.errors[0].message")
			.isEqualTo("Choose what the place may see from the list: one of contact, needs, interests or accessibility");
		assertThat(mongo.count(new Query(), Referral.class)).isZero();
	}

	@Test
	void theFormsAreOfferedTheChoicesInWordsReadToThePerson() {
		assertThat(get(LINK_WORKER, "/api/referrals/codes")).bodyJson()
			.extractingPath("$.sharing")
			.asMap()
			.containsOnlyKeys("contact", "needs", "interests", "accessibility")
			.containsEntry("contact", "How to get in touch with you");
	}

	/** The fixture's referral with these sharing choices, or with none said when {@code sharing} is null. */
	private static String referral(String placeId, String sharing) {
		String everything = ", " + SHARING_EVERYTHING;
		return referralTo(placeId, false).replace(everything, sharing == null ? "" : ", \"sharing\": " + sharing);
	}

	/**
	 * The host is shown the person's first name and exactly what they agreed, the contact route
	 * only once accepted; nothing they did not agree appears anywhere in the answer.
	 */
	private static void assertHostSees(MvcTestResult shown, String person, List<String> agreed, boolean accepted) {
		assertThat(shown).hasStatusOk();
		Map<String, Object> expected = new LinkedHashMap<>();
		expected.put("firstName", "Edith");
		expected.put("needs", agreed.contains("needs") ? SHARED_VALUES.get("needs") : null);
		expected.put("interests", agreed.contains("interests") ? SHARED_VALUES.get("interests") : null);
		expected.put("accessibility", agreed.contains("accessibility") ? SHARED_VALUES.get("accessibility") : null);
		expected.put("contact",
				agreed.contains("contact") && accepted ? Map.of("method", "phone", "value", "0114 496 0000") : null);
		assertThat(shown).bodyJson().extractingPath(person).as(person + " sharing " + agreed).isEqualTo(expected);

		assertThat(shown).bodyText().doesNotContain(NEVER_FOR_THE_HOST);
		SHARED_VALUES.forEach((choice, values) -> {
			if (!agreed.contains(choice) || (choice.equals("contact") && !accepted)) {
				assertThat(shown).bodyText().as(choice + " not shared").doesNotContain(values);
			}
		});
	}

	/** Events reach hosts as alerts: they carry where and when, and nothing of the person at all. */
	private static void assertEventsCarryNothingOfThePerson(List<ConsumerRecord<String, String>> events) {
		List<String> personal = Stream.concat(Stream.of("Edith", "Brown", "9434765919"),
				SHARED_VALUES.values().stream().flatMap(List::stream)).toList();
		for (ConsumerRecord<String, String> event : events) {
			assertThat(contract.violations(event.value())).isEmpty();
			assertThat(event.value()).doesNotContain(personal);
		}
		assertThat(events).first()
			.satisfies(requested -> assertThat(JsonMapper.shared().readTree(requested.value()).propertyNames())
				.containsExactlyInAnyOrderElementsOf(REQUESTED_EVENT_FIELDS));
	}

}
