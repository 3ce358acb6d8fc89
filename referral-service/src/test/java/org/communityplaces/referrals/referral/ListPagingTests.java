package org.communityplaces.referrals.referral;

import java.util.List;

import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.communityplaces.referrals.ReferralServiceTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page so far on that skipping to it would overflow is refused by name, never answered with
 * the first page or a failure; a page past the end within bounds is empty.
 */
class ListPagingTests extends ReferralServiceTest {

	@Test
	void aPageBeyondAnyListIsRefusedByNameOnEveryList() {
		referred(PlacesCatalogueStandIn.RED_LION);
		for (Actor actor : List.of(LINK_WORKER, LANDLORD, COMMISSIONER, ADMIN)) {
			for (String query : List.of("page=2147483647", "page=2147483647&size=200", "page=107374182&size=200",
					"page=2147483647&status=requested")) {
				assertRefused(get(actor, "/api/referrals?" + query), 400, "page");
			}
			assertThat(get(actor, "/api/referrals?page=1000&size=200")).as(actor.role()).hasStatusOk()
				.bodyJson()
				.extractingPath("$")
				.asArray()
				.isEmpty();
		}
		for (String query : List.of("page=2147483647", "page=2147483647&size=500", "page=42949673&size=500")) {
			assertRefused(get(ADMIN, "/api/audit?" + query), 400, "page");
		}
		assertThat(get(ADMIN, "/api/audit?page=1000&size=500")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.entries")
			.asArray()
			.isEmpty();
	}

}
