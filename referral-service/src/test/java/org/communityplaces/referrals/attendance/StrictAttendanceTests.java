package org.communityplaces.referrals.attendance;

import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.communityplaces.referrals.ReferralServiceTest;
import org.communityplaces.referrals.referral.Referral;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Attendance is recorded as said: a number is not a yes, and a refused record changes nothing. */
class StrictAttendanceTests extends ReferralServiceTest {

	@Test
	void aNumberIsNotAYes() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		assertThat(post(LANDLORD, "/api/referrals/" + id + "/accept")).hasStatusOk();
		Referral accepted = mongo.findById(id, Referral.class);
		for (String attended : new String[] { "2", "1", "0", "\"yes\"" }) {
			assertRefused(post(LANDLORD, "/api/referrals/" + id + "/attendance",
					"{\"on\": \"2026-11-23\", \"attended\": " + attended + "}"), 400, "attended");
		}
		assertThat(mongo.findById(id, Referral.class)).isEqualTo(accepted);
	}

}
