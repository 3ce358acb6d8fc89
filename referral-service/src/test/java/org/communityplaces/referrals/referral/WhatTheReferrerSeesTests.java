package org.communityplaces.referrals.referral;

import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.communityplaces.referrals.ReferralServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The referrer's organisation sees every word it entered, in the referral and in its list,
 * and the host's own words when the host declines or holds it; the host never sees another
 * side's words.
 */
class WhatTheReferrerSeesTests extends ReferralServiceTest {

	@Test
	void theReferrerSeesEverythingTheyEnteredInTheReferralAndInTheirList() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		for (MvcTestResult shown : new MvcTestResult[] { get(COLLEAGUE, "/api/referrals/" + id),
				get(LINK_WORKER, "/api/referrals?name=edith") }) {
			String at = shown.getResponse().getContentAsByteArray()[0] == '[' ? "$[0]." : "$.";
			assertThat(shown).hasStatusOk();
			assertThat(shown).bodyJson().extractingPath(at + "id").isEqualTo(id);
			assertThat(shown).bodyJson().extractingPath(at + "person").asMap()
				.containsEntry("firstName", "Edith")
				.containsEntry("lastName", "Brown")
				.containsEntry("postcodeDistrict", "S6")
				.containsEntry("ageBand", "75-84")
				.containsEntry("nhsNumber", "9434765919");
			assertThat(shown).bodyJson().extractingPath(at + "person.contact").asMap()
				.containsEntry("method", "phone")
				.containsEntry("value", "0114 496 0000");
			assertThat(shown).bodyJson().extractingPath(at + "person.needs").asArray()
				.containsExactly("companionship", "regular-routine");
			assertThat(shown).bodyJson().extractingPath(at + "person.interests").asArray()
				.containsExactly("knitting", "quiz-and-games");
			assertThat(shown).bodyJson().extractingPath(at + "person.accessibility").asArray().containsExactly("step-free");
			assertThat(shown).bodyJson().extractingPath(at + "reasons").asArray().containsExactly("loneliness", "bereavement");
			assertThat(shown).bodyJson().extractingPath(at + "notes").isEqualTo(NOTES);
			assertThat(shown).bodyJson().extractingPath(at + "consent").asMap()
				.containsEntry("method", "verbal")
				.containsEntry("lawfulBasis", "explicit-consent")
				.containsEntry("recordedBy", "Sam Link")
				.containsKey("recordedAt");
			assertThat(shown).bodyJson().extractingPath(at + "consent.sharing").asArray()
				.containsExactly("contact", "needs", "interests", "accessibility");
			assertThat(shown).bodyJson().extractingPath(at + "createdAt").isNotNull();
		}
	}

	@Test
	void theReferrerReadsTheHostsOwnWordsBesideTheReasonTheHostDoesNotSeeThemAgain() {
		String declined = referred(PlacesCatalogueStandIn.RED_LION);
		assertThat(post(LANDLORD, "/api/referrals/" + declined + "/reject",
				"{\"reason\": \"other\", \"text\": \"Quiz night is full until January\"}")).hasStatusOk();

		MvcTestResult referrer = get(LINK_WORKER, "/api/referrals/" + declined);
		assertThat(referrer).bodyJson().extractingPath("$.history[1]").asMap()
			.containsEntry("status", "rejected")
			.containsEntry("reason", "other")
			.containsEntry("text", "Quiz night is full until January")
			.containsEntry("byRole", "host");
		assertThat(get(LANDLORD, "/api/referrals/" + declined)).bodyText().doesNotContain("Quiz night");
		assertThat(get(COMMISSIONER, "/api/referrals/" + declined)).bodyText().doesNotContain("Quiz night");
	}

}
