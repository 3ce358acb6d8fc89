package org.communityplaces.referrals.referral;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.communityplaces.referrals.ReferralServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Need-to-know on every referral, minimised views, and the audit trail of who read what. */
class ReferralAccessTests extends ReferralServiceTest {

	@Test
	void aHostSeesOnlyTheMinimisedViewAndTheContactRouteOnlyOnceTheyAccept() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		MvcTestResult before = get(LANDLORD, "/api/referrals/" + id);
		assertThat(before).hasStatusOk();
		assertThat(before).bodyJson().extractingPath("$.person.firstName").isEqualTo("Edith");
		assertThat(before).bodyJson().extractingPath("$.person.needs").asArray().containsExactly("companionship",
				"regular-routine");
		assertThat(before).bodyJson().extractingPath("$.person.accessibility").asArray().containsExactly("step-free");
		assertThat(before).bodyJson().extractingPath("$.person.contact").isNull();
		assertThat(before).bodyText().doesNotContain("Brown", "9434765919", "bereavement",
				"Husband", "75-84", "S6", "consent", "explicit-consent");

		MvcTestResult accepted = post(LANDLORD, "/api/referrals/" + id + "/accept");
		assertThat(accepted).bodyJson().extractingPath("$.person.contact.value").isEqualTo("0114 496 0000");
		assertThat(accepted).bodyText().doesNotContain("9434765919", "Husband");
	}

	@Test
	void aReferrerSeesTheWholeRecordOfTheirOrganisationsReferrals() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		MvcTestResult colleague = get(COLLEAGUE, "/api/referrals/" + id);
		assertThat(colleague).hasStatusOk();
		assertThat(colleague).bodyJson().extractingPath("$.notes").isEqualTo(NOTES);
		assertThat(colleague).bodyJson().extractingPath("$.consent.recordedBy").isEqualTo("Sam Link");
		assertThat(colleague).bodyJson().extractingPath("$.consent.lawfulBasis").isEqualTo("explicit-consent");
	}

	@Test
	void anotherVenuesHostIsToldThereIsNoSuchReferralAndTheAttemptIsAudited() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		assertThat(get(OTHER_HOST, "/api/referrals/" + id)).hasStatus(404);
		assertThat(post(OTHER_HOST, "/api/referrals/" + id + "/accept")).hasStatus(404);
		assertThat(mongo.findById(id, Referral.class).status()).isEqualTo(ReferralStatus.REQUESTED);

		MvcTestResult trail = get(ADMIN, "/api/audit?actorId=" + OTHER_HOST.id());
		assertThat(trail).hasStatusOk();
		assertThat(trail).bodyJson().extractingPath("$.entries[*].outcome").asArray().containsOnly("REFUSED");
		assertThat(trail).bodyJson().extractingPath("$.entries[*].objectId").asArray().containsOnly(id);
		assertThat(trail).bodyJson().extractingPath("$.entries[*].objectType").asArray().containsOnly("referral");
		assertThat(trail).bodyJson().extractingPath("$.entries[*].purpose").asArray()
			.containsExactlyInAnyOrder("view referral", "accept");
	}

	@Test
	void anotherOrganisationsReferrerIsToldThereIsNoSuchReferralAndTheAttemptIsAudited() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		assertThat(get(OTHER_SURGERY, "/api/referrals/" + id)).hasStatus(404);
		assertThat(post(OTHER_SURGERY, "/api/referrals/" + id + "/cancel", "{\"reason\": \"other\", \"text\": \"x\"}"))
			.hasStatus(404);
		assertThat(get(OTHER_SURGERY, "/api/referrals")).bodyJson().extractingPath("$").asArray().isEmpty();
		assertThat(get(ADMIN, "/api/audit?objectId=" + id)).bodyJson()
			.extractingPath("$.entries[?(@.actorId == 'u-jo')].outcome")
			.asArray()
			.containsExactly("REFUSED", "REFUSED");
	}

	@Test
	void everyShowingOfPersonalDataIsAuditedWithWhoWhenAndWhy() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		get(COLLEAGUE, "/api/referrals/" + id);
		get(LANDLORD, "/api/referrals");
		MvcTestResult trail = get(ADMIN, "/api/audit?objectId=" + id);
		assertThat(trail).bodyJson().extractingPath("$.entries[*].actorId").asArray()
			.containsExactly(LANDLORD.id(), COLLEAGUE.id(), LINK_WORKER.id());
		assertThat(trail).bodyJson().extractingPath("$.entries[*].purpose").asArray()
			.containsExactly("host inbox", "view referral", "make referral");
		assertThat(trail).bodyJson().extractingPath("$.entries[0].at").isEqualTo("2026-11-23T09:00:00Z");
	}

	@Test
	void commissionersAndAdminsSeeReferralsWithNobodyInThem() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		for (Actor actor : new Actor[] { COMMISSIONER, ADMIN }) {
			MvcTestResult one = get(actor, "/api/referrals/" + id);
			assertThat(one).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("requested");
			assertThat(one).bodyJson().extractingPath("$.place.kind").isEqualTo("pub");
			assertThat(one).bodyText().doesNotContain("Edith", "Brown", "9434765919", "Husband",
					"0114", "person");
			assertThat(get(actor, "/api/referrals")).bodyText().doesNotContain("Edith");
			assertThat(post(actor, "/api/referrals/" + id + "/accept")).hasStatus(403);
		}
		assertThat(get(ADMIN, "/api/audit?objectId=" + id)).bodyJson()
			.extractingPath("$.entries[*].actorId")
			.asArray()
			.containsExactly(LINK_WORKER.id());
	}

	@Test
	void aCommissionerSeesWhatHappenedAndWhenBetweenWhichOrganisationAndPlaceWithNoPersonSection() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		clock.advance(Duration.ofHours(3));
		assertThat(post(LANDLORD, "/api/referrals/" + id + "/accept")).hasStatusOk();
		clock.advance(Duration.ofDays(1));
		assertThat(post(LINK_WORKER, "/api/referrals/" + id + "/hold", "{\"reason\": \"person-unwell\"}"))
			.hasStatusOk();

		MvcTestResult one = get(COMMISSIONER, "/api/referrals/" + id);

		assertThat(one).hasStatusOk();
		assertThat(one).bodyJson().extractingPath("$").asMap().containsOnlyKeys("id", "status", "place",
				"referringOrganisation", "referringOrganisationCode", "createdAt", "requestedAt", "respondBy",
				"decidedAt", "firstAttendedAt", "closedAt", "history", "previousAttempts", "actions");
		assertThat(one).bodyJson().extractingPath("$.referringOrganisation").isEqualTo("Hillsborough Surgery");
		assertThat(one).bodyJson().extractingPath("$.referringOrganisationCode").isEqualTo("C88001");
		assertThat(one).bodyJson().extractingPath("$.place").asMap().containsOnlyKeys("id", "name", "kind",
				"district", "area");
		assertThat(one).bodyJson().extractingPath("$.place.name").isEqualTo("The Red Lion");
		assertThat(one).bodyJson().extractingPath("$.place.district").isEqualTo("S10");
		assertThat(one).bodyJson().extractingPath("$.history").isEqualTo(List.of(
				Map.of("status", "requested", "at", "2026-11-23T09:00:00Z", "byRole", "referrer"),
				Map.of("status", "accepted", "at", "2026-11-23T12:00:00Z", "byRole", "host"),
				Map.of("status", "on-hold", "at", "2026-11-24T12:00:00Z", "byRole", "referrer")));
		assertThat(one).bodyText().as("no person, reasons or anyone's words").doesNotContain("person", "unwell",
				"Edith", "S6", "Sam Link", "u-sam");
	}

	@Test
	void onlyAdminsReadTheAuditLog() {
		assertThat(get(COMMISSIONER, "/api/audit")).hasStatus(403);
		assertThat(get(LINK_WORKER, "/api/audit")).hasStatus(403);
		assertThat(get(ADMIN, "/api/audit?size=0")).hasStatus(400);
	}

	@Test
	void theHostInboxHoldsOnlyTheirPlacesReferralsSoonestDeadlineFirst() {
		String first = referred(PlacesCatalogueStandIn.RED_LION);
		clock.advance(java.time.Duration.ofHours(2));
		String second = referred(PlacesCatalogueStandIn.RED_LION);
		referred(PlacesCatalogueStandIn.BAKERY);
		MvcTestResult inbox = get(LANDLORD, "/api/referrals?status=requested");
		assertThat(inbox).bodyJson().extractingPath("$[*].id").asArray().containsExactly(first, second);
		assertThat(get(OTHER_HOST, "/api/referrals")).bodyJson().extractingPath("$[*].place.name").asArray()
			.containsExactly("Crookes Bakery");
		assertThat(get(LANDLORD, "/api/referrals?status=bogus")).hasStatus(400);
	}

	@Test
	void aRoleTheServiceDoesNotKnowIsNotSignedIn() {
		MvcTestResult unknownRole = new Actor("u-x", "superuser", "X", "x@example.org", null, null)
			.on(mvc.get().uri("/api/referrals"))
			.exchange();
		assertThat(unknownRole).hasStatus(401);
	}

}
