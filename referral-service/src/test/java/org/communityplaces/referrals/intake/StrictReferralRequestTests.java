package org.communityplaces.referrals.intake;

import java.util.List;

import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.communityplaces.referrals.ReferralServiceTest;
import org.communityplaces.referrals.referral.Referral;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A referral is taken as written or refused: nothing is coerced into something the referrer
 * did not say, a contact value must be one the place can use for its method, and every
 * problem of a request is named in one answer.
 */
class StrictReferralRequestTests extends ReferralServiceTest {

	private static final String VALID = referralTo(PlacesCatalogueStandIn.RED_LION, false);

	private static final String PHONE = "{\"method\": \"phone\", \"value\": \"0114 496 0000\"}";

	@Test
	void aNumberIsNeitherAYesNorATime() {
		assertRefused(post(LINK_WORKER, "/api/referrals", VALID.replace("\"given\": true", "\"given\": 2")), 400,
				"consent.given");
		assertRefused(post(LINK_WORKER, "/api/referrals", VALID.replace("\"given\": true",
				"\"given\": true, \"recordedAt\": 12345")), 400, "consent.recordedAt");
		assertThat(mongo.count(new Query(), Referral.class)).isZero();
	}

	@Test
	void aContactValueMustBeOneThePlaceCanUseForItsMethod() {
		for (String contact : List.of("{\"method\": \"email\", \"value\": \"call me\"}",
				"{\"method\": \"email\", \"value\": \"edith@localhost\"}",
				"{\"method\": \"email\", \"value\": \"edith brown@example.org\"}",
				"{\"method\": \"phone\", \"value\": \"call me\"}", "{\"method\": \"phone\", \"value\": \"999\"}",
				"{\"method\": \"phone\", \"value\": \"+1 212 555 0100\"}",
				"{\"method\": \"text\", \"value\": \"0114 496 0000\"}",
				"{\"method\": \"post\", \"value\": \"S6\"}", "{\"method\": \"post\", \"value\": \"edith@example.org\"}",
				"{\"method\": \"email\"}")) {
			assertRefused(post(LINK_WORKER, "/api/referrals", VALID.replace(PHONE, contact)), 400, "person.contact.value");
		}
		assertThat(mongo.count(new Query(), Referral.class)).isZero();

		for (String contact : List.of("{\"method\": \"email\", \"value\": \"edith.brown+walks@example.org\"}",
				"{\"method\": \"phone\", \"value\": \"+44 (0)114 496 0000\"}",
				"{\"method\": \"phone\", \"value\": \"0808 157 0000\"}",
				"{\"method\": \"text\", \"value\": \"07700 900123\"}",
				"{\"method\": \"post\", \"value\": \"12 Oak Road\\nSheffield S6 1AB\"}",
				"{\"method\": \"via-referrer\"}")) {
			assertThat(post(LINK_WORKER, "/api/referrals", VALID.replace(PHONE, contact))).as(contact).hasStatus(201);
		}
	}

	@Test
	void everyProblemOfARequestIsNamedInOneAnswer() {
		String wrongEverywhere = VALID.replace("\"firstName\": \"Edith\"", "\"firstName\": \"\"")
			.replace(PHONE, "{\"method\": \"email\", \"value\": \"call me\"}")
			.replace("\"companionship\"", "\"company\"")
			.replace(NHS_NUMBER, "943 476 5918")
			.replace("\"verbal\"", "\"telepathy\"")
			.replace("\"bereavement\"", "\"sadness\"");
		MvcTestResult refused = post(LINK_WORKER, "/api/referrals", wrongEverywhere);
		assertRefused(refused, 400, null);
		assertThat(refused).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("consent.method", "person.contact.value", "person.firstName", "person.needs[0]",
					"person.nhsNumber", "reasons[1]");
		assertThat(refused).bodyJson().extractingPath("$.detail").asString().contains("person.nhsNumber");
		assertThat(mongo.count(new Query(), Referral.class)).isZero();
	}

}
