package org.communityplaces.referrals.intake;

import java.util.List;

import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.communityplaces.referrals.ReferralServiceTest;
import org.communityplaces.referrals.referral.Referral;
import org.assertj.core.api.InstanceOfAssertFactories;
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

	/**
	 * A link worker reads these beside the fields of the form: each says what to do, in words,
	 * and every one comes in the first answer, the postcode and the NHS number too.
	 */
	@Test
	void everyProblemIsSaidInPlainEnglishWithWhatToDoAllInOneAnswer() {
		String wrongEverywhere = """
				{"placeId": "%s",
				 "person": {"firstName": " ", "contact": {"method": "email", "value": "call me"},
				            "postcodeDistrict": "Sheffield", "needs": ["company"], "nhsNumber": "943 476 5918"},
				 "consent": {"given": false, "method": "telepathy"},
				 "reasons": []}
				""".formatted(PlacesCatalogueStandIn.RED_LION);
		MvcTestResult refused = post(LINK_WORKER, "/api/referrals", wrongEverywhere);
		assertRefused(refused, 400, null);
		assertThat(refused).bodyJson().extractingPath("$.errors").asArray().hasSize(10);
		assertThat(refused).bodyJson()
			.convertTo(FieldProblems.class)
			.extracting(FieldProblems::inWords)
			.asInstanceOf(InstanceOfAssertFactories.list(String.class))
			.containsExactlyInAnyOrder("person.firstName: Enter the person's first name",
					"person.contact.value: Enter an e-mail address in the correct format, such as name@example.org",
					"person.postcodeDistrict: Enter a postcode district such as S6, or a full postcode such as S6 2AA",
					"person.ageBand: Choose the person's age band",
					"person.needs[0]: Choose what the person needs from the list: one of companionship, regular-routine, "
							+ "physical-activity, confidence, new-skills, peer-support, volunteering or practical-help",
					"person.nhsNumber: Enter a valid NHS number: it is 10 digits, such as 943 476 5919",
					"consent.given: Confirm the person has agreed to be referred",
					"consent.method: Choose how the person agreed: one of verbal, written or electronic",
					"consent.lawfulBasis: Choose the lawful basis for sharing the person's details",
					"reasons: Choose why you are referring the person");
		assertThat(mongo.count(new Query(), Referral.class)).isZero();

		String noContact = VALID.replace(PHONE, "{\"method\": \"text\"}").replace("\"ageBand\": \"75-84\", ", "");
		assertThat(post(LINK_WORKER, "/api/referrals", noContact)).bodyJson()
			.convertTo(FieldProblems.class)
			.extracting(FieldProblems::inWords)
			.asInstanceOf(InstanceOfAssertFactories.list(String.class))
			.containsExactlyInAnyOrder("person.contact.value: Enter the person's mobile number",
					"person.ageBand: Choose the person's age band");
		String noMethod = VALID.replace(PHONE, "{\"value\": \"0114 496 0000\"}");
		assertThat(post(LINK_WORKER, "/api/referrals", noMethod)).bodyJson()
			.convertTo(FieldProblems.class)
			.extracting(FieldProblems::inWords)
			.asInstanceOf(InstanceOfAssertFactories.list(String.class))
			.containsExactly("person.contact.method: Choose how the place should contact the person");
		assertThat(mongo.count(new Query(), Referral.class)).isZero();
	}

	/** Referrers write the postcode they have; a referral keeps only its district. */
	@Test
	void aFullPostcodeIsTakenAndOnlyItsDistrictKept() {
		for (String written : List.of("S6 2AA", "s62aa", " s6  2aa ", "S6", "s6")) {
			MvcTestResult made = post(LINK_WORKER, "/api/referrals",
					VALID.replace("\"postcodeDistrict\": \"S6\"", "\"postcodeDistrict\": \"" + written + "\""));
			assertThat(made).as(written).hasStatus(201).bodyJson().extractingPath("$.person.postcodeDistrict").isEqualTo("S6");
			assertThat(mongo.findById(idOf(made), Referral.class).person().postcodeDistrict()).as(written).isEqualTo("S6");
		}
		MvcTestResult london = post(LINK_WORKER, "/api/referrals",
				VALID.replace("\"postcodeDistrict\": \"S6\"", "\"postcodeDistrict\": \"sw1a 1aa\""));
		assertThat(london).hasStatus(201).bodyJson().extractingPath("$.person.postcodeDistrict").isEqualTo("SW1A");
		long made = mongo.count(new Query(), Referral.class);

		for (String written : List.of("S6 2A", "Sheffield", "62AA", "S6 2AA 2AA", "S6-2AA")) {
			assertRefused(post(LINK_WORKER, "/api/referrals",
					VALID.replace("\"postcodeDistrict\": \"S6\"", "\"postcodeDistrict\": \"" + written + "\"")), 400,
					"person.postcodeDistrict");
		}
		assertThat(mongo.count(new Query(), Referral.class)).isEqualTo(made);
	}

	/** The problems of an answer, each as {@code field: message}. */
	record FieldProblems(List<FieldProblem> errors) {

		List<String> inWords() {
			return errors.stream().map(error -> error.field() + ": " + error.message()).toList();
		}

	}

	record FieldProblem(String field, String message) {
	}

}
