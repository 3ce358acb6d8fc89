package org.communityplaces.referrals.subjectaccess;

import java.util.List;

import org.communityplaces.platform.audit.AuditEntry;
import org.communityplaces.referrals.NotificationServiceStandIn;
import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.communityplaces.referrals.ReferralServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin answers a person's request for a copy of everything held about them: found by NHS
 * number, or by name and postcode district, across their referrals, the alerts about them and
 * the audit trail, with nothing about anyone else; each finding and each copy audited.
 */
class SubjectAccessTests extends ReferralServiceTest {

	private static final String FIND = "/api/referrals/subject-access";

	private static final String COPY = "/api/referrals/subject-access/copy";

	private static final String[] BY_NHS_NUMBER = { "nhsNumber", NHS_NUMBER };

	private static final String[] BY_NAME = { "firstName", " edith ", "lastName", "BROWN", "postcodeDistrict", "s6 2aa" };

	private static final String NEIGHBOUR_NHS_NUMBER = "4010232137";

	private static final String NAMESAKE_NHS_NUMBER = "4857773457";

	private String first;

	private String second;

	private String neighbours;

	private String namesakes;

	@BeforeEach
	void twoReferralsOfEdithAndTwoOfOtherPeople() {
		NotificationServiceStandIn.forget();
		first = referred(PlacesCatalogueStandIn.RED_LION);
		assertThat(post(LANDLORD, "/api/referrals/" + first + "/accept")).hasStatusOk();
		assertThat(post(LINK_WORKER, "/api/referrals/" + first + "/messages",
				"{\"text\": \"Is there parking nearby for her daughter?\"}")).hasStatusOk();
		assertThat(post(LINK_WORKER, "/api/referrals/" + first + "/outcomes", BASELINE)).hasStatusOk();
		second = referred(PlacesCatalogueStandIn.BAKERY);
		assertThat(get(LINK_WORKER, "/api/referrals/" + second)).hasStatusOk();

		neighbours = idOf(post(COLLEAGUE, "/api/referrals", referralTo(PlacesCatalogueStandIn.RED_LION, false)
			.replace("\"Edith\"", "\"Edna\"")
			.replace("\"Brown\"", "\"Smith\"")
			.replace(NHS_NUMBER, NEIGHBOUR_NHS_NUMBER)
			.replace(NOTES, "Neighbour's own notes")));
		assertThat(post(LANDLORD, "/api/referrals/" + neighbours + "/messages", "{\"text\": \"Edna is welcome\"}"))
			.hasStatusOk();
		namesakes = idOf(post(OTHER_SURGERY, "/api/referrals", referralTo(PlacesCatalogueStandIn.BAKERY, false)
			.replace("\"postcodeDistrict\": \"S6\"", "\"postcodeDistrict\": \"S10\"")
			.replace(NHS_NUMBER, NAMESAKE_NHS_NUMBER)
			.replace(NOTES, "Namesake's own notes")));

		NotificationServiceStandIn.holds(first, "New referral to The Red Lion");
		NotificationServiceStandIn.holds(second, "New referral to Crookes Bakery");
		NotificationServiceStandIn.holds(neighbours, "Alert about the neighbour");
		NotificationServiceStandIn.holds(namesakes, "Alert about the namesake");
	}

	@Test
	void theCopyByNhsNumberHasEveryPlaceThePersonAppearsAndNothingOfAnyoneElse() {
		MvcTestResult copy = ask(ADMIN, COPY, BY_NHS_NUMBER);

		assertThat(copy).hasStatusOk()
			.headers()
			.hasValue("Content-Disposition", "attachment; filename=\"copy-of-what-is-held-2026-11-23.json\"");
		assertThat(copy).bodyJson().extractingPath("$.sections[*].heading").asArray()
			.containsExactly("Referral to The Red Lion, made on Monday 23 November 2026",
					"Referral to Crookes Bakery, made on Monday 23 November 2026");
		assertThat(copy).bodyText()
			.contains(first, second, "Edith", "Brown", "943 476 5919", "0114 496 0000", NOTES, "Loneliness",
					"Is there parking nearby for her daughter?", "Sam Link, the referrer", "Accepted by the host",
					"New referral to The Red Lion", "New referral to Crookes Bakery", "Explicit consent",
					"Recently bereaved", "Shown to a referrer (user u-sam), for: view referral",
					"Shown to an admin (user u-admin), for: " + SubjectAccess.COPIED, "Monday 23 November 2026 at")
			.doesNotContain(neighbours, namesakes, "Edna", "Smith", NEIGHBOUR_NHS_NUMBER, NAMESAKE_NHS_NUMBER,
					"401 023 2137", "485 777 3457", "Neighbour's own notes", "Namesake's own notes", "Edna is welcome",
					"Alert about the neighbour", "Alert about the namesake");
		assertThat(NotificationServiceStandIn.lastAuthorization()).as("asked with the admin's token")
			.startsWith("Bearer ");
	}

	@Test
	void byNameAndDistrictWhateverTheCaseOnlyThePersonsOwnReferralsAreFound() {
		MvcTestResult found = ask(ADMIN, FIND, BY_NAME);

		assertThat(found).hasStatusOk().bodyJson().extractingPath("$.referrals[*].id").asArray()
			.containsExactly(first, second);
		assertThat(found).bodyJson().extractingPath("$.referrals[0].name").isEqualTo("Edith Brown");
		assertThat(found).bodyJson().extractingPath("$.searchedFor")
			.isEqualTo("the name edith BROWN and the postcode district S6");
		assertThat(ask(ADMIN, COPY, BY_NAME)).bodyText()
			.contains(first, second, NOTES)
			.doesNotContain(neighbours, namesakes, "Edna", "Neighbour's own notes", "Namesake's own notes");
	}

	@Test
	void theFindingAndTheCopyAreEachInTheAuditTrail() {
		assertThat(ask(ADMIN, FIND, BY_NHS_NUMBER)).hasStatusOk();
		assertThat(ask(ADMIN, COPY, BY_NHS_NUMBER)).hasStatusOk();

		List<AuditEntry> admins = mongo.find(Query.query(Criteria.where("actorId").is(ADMIN.id())), AuditEntry.class);
		assertThat(admins).extracting(AuditEntry::objectId, AuditEntry::purpose)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(first, SubjectAccess.SEARCHED),
					org.assertj.core.groups.Tuple.tuple(second, SubjectAccess.SEARCHED),
					org.assertj.core.groups.Tuple.tuple(first, SubjectAccess.COPIED),
					org.assertj.core.groups.Tuple.tuple(second, SubjectAccess.COPIED));
	}

	@Test
	void withNotificationServiceDownTheCopyStillComesAndSaysWhatIsMissing() {
		NotificationServiceStandIn.answering(false);

		MvcTestResult copy = ask(ADMIN, COPY, BY_NHS_NUMBER);

		assertThat(copy).hasStatusOk().bodyText().contains(NOTES, "could not be included")
			.doesNotContain("New referral to The Red Lion");
		assertThat(copy).bodyJson().extractingPath("$.sections").asArray().hasSize(2);
	}

	@Test
	void nobodyButAnAdminFindsAPerson() {
		for (Actor someone : List.of(LINK_WORKER, LANDLORD, COMMISSIONER)) {
			assertRefused(ask(someone, FIND, BY_NHS_NUMBER), 403, null);
			assertRefused(ask(someone, COPY, BY_NHS_NUMBER), 403, null);
		}
		assertThat(mongo.find(Query.query(Criteria.where("purpose").regex("^subject access")), AuditEntry.class))
			.isEmpty();
	}

	@Test
	void theRequestMustSayWhoInOneWayWithEachProblemNamed() {
		assertRefused(ask(ADMIN, FIND, "nhsNumber", "943 476 5918"), 400, "nhsNumber");
		assertRefused(ask(ADMIN, COPY, "firstName", "Edith", "postcodeDistrict", "nowhere at all"), 400,
				"postcodeDistrict");
		assertRefused(ask(ADMIN, FIND, "firstName", "Edith"), 400, "lastName");
		assertRefused(ask(ADMIN, FIND, "firstName", "Edith"), 400, "postcodeDistrict");
		assertRefused(ask(ADMIN, FIND), 400, "nhsNumber");
		assertRefused(ask(ADMIN, FIND, "nhsNumber", NHS_NUMBER, "firstName", "Edith"), 400, "nhsNumber");
		assertRefused(ask(ADMIN, FIND, "firstName", "E".repeat(101), "lastName", "Brown", "postcodeDistrict", "S6"), 400,
				"firstName");
	}

	/** Asks with these query parameters, each name followed by its value. */
	private MvcTestResult ask(Actor actor, String path, String... parameters) {
		MockMvcRequestBuilder request = mvc.get().uri(path);
		for (int i = 0; i < parameters.length; i += 2) {
			request.param(parameters[i], parameters[i + 1]);
		}
		return actor.on(request).exchange();
	}

}
