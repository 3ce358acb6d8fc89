package org.communityplaces.referrals.referral;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.communityplaces.referrals.ReferralServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actions each referral lists for its caller: the same rules that the endpoints enforce,
 * so every listed action is taken and every other one is refused.
 */
class ReferralActionsTests extends ReferralServiceTest {

	private static final List<String> STATUSES = List.of("draft", "requested", "accepted", "rejected", "cancelled",
			"expired", "in-progress", "on-hold", "completed", "failed");

	private static final List<String> ACTIONS = List.of("submit", "accept", "reject", "attend", "miss", "complete",
			"hold", "resume", "fail", "cancel", "record-baseline", "record-follow-up", "re-refer", "write-message",
			"withdraw-consent");

	@Test
	void theHostIsOfferedAnAnswerWithTheContractsReasonsAndTheReferrerTheirOwnSteps() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		MvcTestResult host = get(LANDLORD, "/api/referrals/" + id);
		assertThat(host).bodyJson().extractingPath("$.actions[*].action").asArray()
			.containsExactly("accept", "reject", "write-message");
		assertThat(host).bodyJson().extractingPath("$.actions[0]").asMap()
			.containsEntry("label", "Accept")
			.containsEntry("method", "POST")
			.containsEntry("href", "/api/referrals/" + id + "/accept")
			.containsEntry("input", "first-visit")
			.doesNotContainKeys("reasons", "attended", "timepoint");
		assertThat(host).bodyJson().extractingPath("$.actions[1].label").isEqualTo("Decline");
		assertThat(host).bodyJson().extractingPath("$.actions[1].input").isEqualTo("reason");
		assertThat(host).bodyJson().extractingPath("$.actions[1].reasons[*].code").asArray()
			.containsExactly("no-capacity", "not-eligible", "could-not-contact", "other");
		assertThat(host).bodyJson().extractingPath("$.actions[1].reasons[0]").asMap()
			.containsEntry("label", "No space at the moment")
			.containsEntry("needsText", false);
		assertThat(host).bodyJson().extractingPath("$.actions[1].reasons[3].needsText").isEqualTo(true);

		MvcTestResult referrer = get(LINK_WORKER, "/api/referrals/" + id);
		assertThat(referrer).bodyJson().extractingPath("$.actions[*].action").asArray()
			.containsExactly("cancel", "record-baseline", "write-message", "withdraw-consent");
		assertThat(referrer).bodyJson().extractingPath("$.actions[1]").asMap()
			.containsEntry("href", "/api/referrals/" + id + "/outcomes")
			.containsEntry("input", "outcome")
			.containsEntry("timepoint", "baseline");
		assertThat(get(LINK_WORKER, "/api/referrals")).bodyJson().extractingPath("$[0].actions[*].action").asArray()
			.containsExactly("cancel", "record-baseline", "write-message", "withdraw-consent");
		for (Actor nobodysCarer : new Actor[] { COMMISSIONER, ADMIN }) {
			assertThat(get(nobodysCarer, "/api/referrals/" + id)).bodyJson().extractingPath("$.actions").asArray().isEmpty();
		}
	}

	@Test
	void theAnswerToAnActionListsWhatCanBeDoneNext() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		MvcTestResult accepted = post(LANDLORD, "/api/referrals/" + id + "/accept");
		assertThat(accepted).bodyJson().extractingPath("$.actions[*].action").asArray()
			.containsExactly("attend", "miss", "hold", "fail", "write-message");
		assertThat(accepted).bodyJson().extractingPath("$.actions[0]").asMap()
			.containsEntry("label", "They came")
			.containsEntry("href", "/api/referrals/" + id + "/attendance")
			.containsEntry("input", "attendance")
			.containsEntry("attended", true);
		assertThat(accepted).bodyJson().extractingPath("$.actions[1].attended").isEqualTo(false);

		MvcTestResult rejected = post(LINK_WORKER, "/api/referrals/" + id + "/cancel", "{\"reason\": \"person-declined\"}");
		assertThat(rejected).bodyJson().extractingPath("$.actions[*].action").asArray()
			.containsExactly("re-refer", "withdraw-consent");
		assertThat(rejected).bodyJson().extractingPath("$.actions[0]").asMap()
			.containsEntry("label", "Refer them to another place")
			.containsEntry("href", "/api/referrals/" + id + "/re-referrals")
			.containsEntry("input", "place");
		assertRefused(post(LINK_WORKER, "/api/referrals/" + id + "/outcomes", BASELINE), 409, null);
	}

	@Test
	void aDeclinedReferralOffersTheReferrerAnotherPlaceAndNoScoresBeforeTheyStart() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		MvcTestResult declined = post(LANDLORD, "/api/referrals/" + id + "/reject",
				"{\"reason\": \"other\", \"text\": \"Quiz night is full until January\"}");
		assertThat(declined).bodyJson().extractingPath("$.actions").asArray().isEmpty();
		assertThat(get(LINK_WORKER, "/api/referrals/" + id)).bodyJson().extractingPath("$.actions[*].action").asArray()
			.containsExactly("re-refer", "withdraw-consent");
		assertThat(get(LINK_WORKER, "/api/referrals?status=rejected")).bodyJson()
			.extractingPath("$[0].actions[*].label")
			.asArray()
			.containsExactly("Refer them to another place", "Record that they withdrew consent");
		assertRefused(post(LINK_WORKER, "/api/referrals/" + id + "/outcomes", BASELINE), 409, null);
		assertRefused(post(LINK_WORKER, "/api/referrals/" + id + "/cancel", "{\"reason\": \"no-longer-needed\"}"), 409,
				null);
	}

	@Test
	void everyListedActionIsTakenAndEveryOtherIsRefusedInEveryStatusForEveryone() {
		for (String status : STATUSES) {
			everyListedActionIsTakenAndEveryOtherRefused(LINK_WORKER, status, true);
			everyListedActionIsTakenAndEveryOtherRefused(COLLEAGUE, status, false);
			everyListedActionIsTakenAndEveryOtherRefused(LANDLORD, status, true);
			everyListedActionIsTakenAndEveryOtherRefused(COMMISSIONER, status, false);
		}
	}

	private void everyListedActionIsTakenAndEveryOtherRefused(Actor actor, String status, boolean withBaseline) {
		String id = inStatus(status, withBaseline);
		MvcTestResult shown = get(actor, "/api/referrals/" + id);
		List<String> listed = shown.getResponse().getStatus() == 404 ? List.of() : actionsOf(shown);
		for (String action : ACTIONS) {
			String scenario = actor.role() + " " + action + " on " + status + (withBaseline ? " with a baseline" : "");
			long versionBefore = mongo.findById(id, Referral.class).version();
			MvcTestResult result = perform(actor, action, id);
			if (listed.contains(action)) {
				assertThat(result.getResponse().getStatus()).as(scenario).isIn(200, 201);
				id = inStatus(status, withBaseline);
			}
			else {
				assertThat(result).as(scenario).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
				assertThat(result.getResponse().getStatus()).as(scenario).isIn(403, 404, 409);
				assertThat(mongo.findById(id, Referral.class).version()).as(scenario).isEqualTo(versionBefore);
			}
		}
	}

	/** A referral to the Red Lion, moved straight to the status, with a baseline recorded first if asked. */
	private String inStatus(String status, boolean withBaseline) {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		if (withBaseline) {
			assertThat(post(LINK_WORKER, "/api/referrals/" + id + "/outcomes", BASELINE)).hasStatusOk();
		}
		mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().set("status", ReferralStatus.ofCode(status).orElseThrow())
					.set("heldFrom", ReferralStatus.IN_PROGRESS),
				"referrals");
		return id;
	}

	private static List<String> actionsOf(MvcTestResult shown) {
		String body = new String(shown.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		List<String> actions = JsonPath.read(body, "$.actions[*].action");
		return actions;
	}

	private MvcTestResult perform(Actor actor, String action, String id) {
		String uri = "/api/referrals/" + id + "/";
		return switch (action) {
			case "reject" -> post(actor, uri + "reject", "{\"reason\": \"not-eligible\"}");
			case "cancel" -> post(actor, uri + "cancel", "{\"reason\": \"no-longer-needed\"}");
			case "fail" -> post(actor, uri + "fail", "{\"reason\": \"disengaged\"}");
			case "hold" -> post(actor, uri + "hold", "{\"reason\": \"person-unwell\"}");
			case "attend", "miss" -> post(actor, uri + "attendance",
					"{\"on\": \"2026-11-23\", \"attended\": %s}".formatted(action.equals("attend")));
			case "record-baseline" -> post(actor, uri + "outcomes", BASELINE);
			case "record-follow-up" -> post(actor, uri + "outcomes", FOLLOW_UP);
			case "re-refer" -> post(actor, uri + "re-referrals",
					"{\"placeId\": \"" + PlacesCatalogueStandIn.BAKERY + "\"}");
			case "write-message" -> post(actor, uri + "messages", "{\"text\": \"Is there parking nearby?\"}");
			default -> post(actor, uri + action);
		};
	}

}
