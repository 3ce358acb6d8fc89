package org.communityplaces.referrals;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.communityplaces.platform.testing.HostileRequests;
import org.communityplaces.platform.testing.StoredState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the service's OpenAPI description, sent malformed, boundary and hostile
 * requests as every kind of caller and unsigned, each step on a referral in a status where it
 * could be taken: never a 5xx, every refusal problem+json, and nothing stored changed by a
 * refused request. The audit trail is left out of the comparison because reads write to it by
 * design, the snapshot of the places catalogue because it is a cache any successful look-up
 * refreshes, and when the relay sent each event because it does so in its own time.
 */
class HostileRequestsTests extends ReferralServiceTest {

	private static final String REFERRALS = "/api/referrals/{id}";

	/** The relay marks an event sent in its own time, after the write that caused it was answered. */
	private static final Pattern RELAYED = Pattern.compile("\"sentAt\": (null|\\{\"\\$date\": \"[^\"]*\"})");

	@Test
	void everyOperationHoldsAgainstHostileRequestsFromEveryCaller() {
		String requested = referred(PlacesCatalogueStandIn.RED_LION);
		String draft = idOf(post(LINK_WORKER, "/api/referrals", referralTo(PlacesCatalogueStandIn.RED_LION, true)));
		String rejected = referred(PlacesCatalogueStandIn.RED_LION);
		decide(LANDLORD, rejected, "reject", "{\"reason\": \"no-capacity\"}");
		String accepted = accepted();
		String inProgress = accepted();
		decide(LANDLORD, inProgress, "attendance", "{\"on\": \"2026-11-23\", \"attended\": true}");
		String onHold = accepted();
		decide(LINK_WORKER, onHold, "hold", "{\"reason\": \"person-unwell\"}");
		clock.advance(Duration.ofDays(1));
		Supplier<String> stored = StoredState.of(mongo, "audit", "places", "shedLock");

		HostileRequests.Summary summary = HostileRequests.against(mvc)
			.as("referrer", LINK_WORKER.signedIn())
			.as("colleague", COLLEAGUE.signedIn())
			.as("other-organisation", OTHER_SURGERY.signedIn())
			.as("host", LANDLORD.signedIn())
			.as("other-host", OTHER_HOST.signedIn())
			.as("commissioner", COMMISSIONER.signedIn())
			.as("admin", ADMIN.signedIn())
			.pathVariable("id", requested)
			.pathVariable(REFERRALS, "id", inProgress)
			.pathVariable(REFERRALS + "/submit", "id", draft)
			.pathVariable(REFERRALS + "/re-referrals", "id", rejected)
			.pathVariable(REFERRALS + "/accept", "id", referred(PlacesCatalogueStandIn.RED_LION))
			.pathVariable(REFERRALS + "/reject", "id", referred(PlacesCatalogueStandIn.RED_LION))
			.pathVariable(REFERRALS + "/cancel", "id", referred(PlacesCatalogueStandIn.RED_LION))
			.pathVariable(REFERRALS + "/attendance", "id", accepted)
			.pathVariable(REFERRALS + "/hold", "id", accepted())
			.pathVariable(REFERRALS + "/resume", "id", onHold)
			.pathVariable(REFERRALS + "/complete", "id", inProgress)
			.pathVariable(REFERRALS + "/fail", "id", inProgress)
			.pathVariable(REFERRALS + "/letter", "id", accepted)
			.pathVariable(REFERRALS + "/withdraw-consent", "id", referred(PlacesCatalogueStandIn.RED_LION))
			.exampleBody("POST /api/referrals", referralTo(PlacesCatalogueStandIn.RED_LION, false))
			.exampleBody("POST " + REFERRALS + "/re-referrals", "{\"placeId\": \"" + PlacesCatalogueStandIn.BAKERY + "\"}")
			.exampleBody("POST " + REFERRALS + "/accept", "{\"firstVisitOn\": \"2026-12-01\"}")
			.exampleBody("POST " + REFERRALS + "/reject", "{\"reason\": \"no-capacity\"}")
			.exampleBody("POST " + REFERRALS + "/cancel", "{\"reason\": \"other\", \"text\": \"Moved away\"}")
			.exampleBody("POST " + REFERRALS + "/hold", "{\"reason\": \"place-closed\"}")
			.exampleBody("POST " + REFERRALS + "/fail", "{\"reason\": \"disengaged\"}")
			.exampleBody("POST " + REFERRALS + "/attendance", "{\"on\": \"2026-11-23\", \"attended\": true}")
			.exampleBody("POST " + REFERRALS + "/outcomes", BASELINE)
			.exampleBody("POST " + REFERRALS + "/messages", "{\"text\": \"Is there parking nearby?\"}")
			.storedState(() -> RELAYED.matcher(stored.get()).replaceAll("\"sentAt\": \"when relayed\""))
			.run();

		assertThat(summary.operations()).as("every operation of the description").isEqualTo(24);
	}

	private String accepted() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		decide(LANDLORD, id, "accept", null);
		return id;
	}

	private void decide(Actor actor, String id, String step, String body) {
		String uri = "/api/referrals/" + id + "/" + step;
		assertThat(body == null ? post(actor, uri) : post(actor, uri, body)).as(step).hasStatusOk();
	}

}
