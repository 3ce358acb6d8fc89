package org.communityplaces.referrals.attendance;

import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.communityplaces.referrals.ReferralServiceTest;
import org.communityplaces.referrals.referral.Referral;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Attendance is recorded as said: a number is not a yes, and a refused record changes nothing. */
class StrictAttendanceTests extends ReferralServiceTest {

	@Test
	void aNumberIsNotAYes() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		assertThat(post(LANDLORD, "/api/referrals/" + id + "/accept")).hasStatusOk();
		// The relay marks each event sent in its own time: once it has, only a record could change the referral
		Referral accepted = await().until(() -> mongo.findById(id, Referral.class),
				referral -> referral.outbox().stream().allMatch(event -> event.sentAt() != null));
		for (String attended : new String[] { "2", "1", "0", "\"yes\"" }) {
			assertRefused(post(LANDLORD, "/api/referrals/" + id + "/attendance",
					"{\"on\": \"2026-11-23\", \"attended\": " + attended + "}"), 400, "attended");
		}
		assertThat(mongo.findById(id, Referral.class)).isEqualTo(accepted);
	}

}
