package org.communityplaces.referrals.lifecycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.communityplaces.referrals.ReferralServiceTest;
import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.referral.ReferralStatus;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action from every status, checked through the API against a transition table written
 * out here independently of the code; then random walks through the lifecycle.
 */
class ReferralLifecycleTests extends ReferralServiceTest {

	private static final List<String> STATUSES = List.of("draft", "requested", "accepted", "rejected", "cancelled",
			"expired", "in-progress", "on-hold", "completed", "failed");

	/** action: from status to status; anything else is 409. Resume goes back to the status before the hold. */
	private static final Map<String, Map<String, String>> ALLOWED = Map.of(
			"submit", Map.of("draft", "requested"),
			"accept", Map.of("requested", "accepted"),
			"reject", Map.of("requested", "rejected"),
			"cancel", Map.of("draft", "cancelled", "requested", "cancelled", "accepted", "cancelled", "in-progress",
					"cancelled", "on-hold", "cancelled"),
			"attend", Map.of("accepted", "in-progress", "in-progress", "in-progress"),
			"miss", Map.of("accepted", "failed", "in-progress", "in-progress"),
			"complete", Map.of("in-progress", "completed"),
			"fail", Map.of("accepted", "failed", "in-progress", "failed"),
			"hold", Map.of("accepted", "on-hold", "in-progress", "on-hold"),
			"resume", Map.of("on-hold", "held-from"));

	private static final List<String> ACTIONS = List.copyOf(ALLOWED.keySet());

	@Test
	void everyActionFromEveryStatusDoesWhatTheTableSaysAndAForbiddenOneChangesNothing() {
		for (String status : STATUSES) {
			for (String action : ACTIONS) {
				String id = referred(PlacesCatalogueStandIn.RED_LION);
				mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
						new Update().set("status", ReferralStatus.ofCode(status).orElseThrow())
							.set("heldFrom", ReferralStatus.IN_PROGRESS),
						"referrals");
				Referral before = mongo.findById(id, Referral.class);
				MvcTestResult result = perform(action, id);
				String expected = ALLOWED.get(action).get(status);
				String scenario = action + " from " + status;
				if (hostOnly(action) && status.equals("draft")) {
					// A host never sees a draft, so to them it does not exist.
					assertThat(result).as(scenario).hasStatus(404);
				}
				else if (expected == null) {
					assertThat(result).as(scenario).hasStatus(409);
					Referral after = mongo.findById(id, Referral.class);
					assertThat(after.version()).as(scenario).isEqualTo(before.version());
					assertThat(after.outbox()).as(scenario).hasSameSizeAs(before.outbox());
				}
				else {
					assertThat(result).as(scenario).hasStatusOk();
					assertThat(result).as(scenario)
						.bodyJson()
						.extractingPath("$.status")
						.isEqualTo(expected.equals("held-from") ? "in-progress" : expected);
				}
			}
		}
	}

	@Test
	void randomWalksThroughTheLifecycleKeepStatusHistoryAndEventsInStep() {
		for (long seed = 1; seed <= 40; seed++) {
			Random random = new Random(seed);
			boolean draft = random.nextBoolean();
			String id = idOf(post(LINK_WORKER, "/api/referrals", referralTo(PlacesCatalogueStandIn.RED_LION, draft)));
			String status = draft ? "draft" : "requested";
			String heldFrom = null;
			int steps = 1;
			int events = draft ? 0 : 1;
			List<String> walk = new ArrayList<>();
			for (int step = 0; step < 8; step++) {
				String action = ACTIONS.get(random.nextInt(ACTIONS.size()));
				walk.add(action);
				String scenario = "seed " + seed + ": " + walk;
				MvcTestResult result = perform(action, id);
				String next = ALLOWED.get(action).get(status);
				if (hostOnly(action) && status.equals("draft")) {
					assertThat(result).as(scenario).hasStatus(404);
					continue;
				}
				if (next == null) {
					assertThat(result).as(scenario).hasStatus(409);
					continue;
				}
				if (next.equals("held-from")) {
					next = heldFrom;
				}
				assertThat(result).as(scenario).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo(next);
				if (!next.equals(status)) {
					steps++;
				}
				boolean eventless = action.equals("hold") || action.equals("resume")
						|| (action.equals("cancel") && status.equals("draft"));
				events += eventless ? 0 : 1;
				heldFrom = next.equals("on-hold") ? status : heldFrom;
				status = next;
			}
			Referral stored = mongo.findById(id, Referral.class);
			String scenario = "seed " + seed + ": " + walk;
			assertThat(stored.status().code()).as(scenario).isEqualTo(status);
			assertThat(stored.history()).as(scenario).hasSize(steps);
			assertThat(stored.outbox()).as(scenario).hasSize(events);
		}
	}

	private MvcTestResult perform(String action, String id) {
		String uri = "/api/referrals/" + id + "/";
		return switch (action) {
			case "accept" -> post(LANDLORD, uri + "accept");
			case "reject" -> post(LANDLORD, uri + "reject", "{\"reason\": \"not-eligible\"}");
			case "cancel" -> post(LINK_WORKER, uri + "cancel", "{\"reason\": \"no-longer-needed\"}");
			case "attend" -> post(LANDLORD, uri + "attendance", attendance(true));
			case "miss" -> post(LINK_WORKER, uri + "attendance", attendance(false));
			case "fail" -> post(LANDLORD, uri + "fail", "{\"reason\": \"disengaged\"}");
			case "hold" -> post(LINK_WORKER, uri + "hold", "{\"reason\": \"person-unwell\"}");
			default -> post(LINK_WORKER, uri + action);
		};
	}

	private static boolean hostOnly(String action) {
		return action.equals("accept") || action.equals("reject") || action.equals("attend") || action.equals("fail");
	}

	private String attendance(boolean attended) {
		return "{\"on\": \"%s\", \"attended\": %s}".formatted(LocalDate.of(2026, 11, 23), attended);
	}

}
