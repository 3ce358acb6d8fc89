package org.communityplaces.referrals.encryption;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.types.Binary;
import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.communityplaces.referrals.ReferralServiceTest;
import org.communityplaces.referrals.referral.Referral;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The personal fields of a referral reach the store only as ciphertext, encrypted by libmongocrypt
 * with the data key in the store's key vault: a copy of the database shows no name, NHS number,
 * contact, need, note, message, reason text or score, while the service reads them back and still
 * finds a person by NHS number.
 */
class FieldEncryptionTests extends ReferralServiceTest {

	private static final String MESSAGE = "Edith asked if her daughter can come the first time";

	private static final String DECLINE_TEXT = "Edith Brown is barred";

	private static final List<String> PERSONAL = List.of("Edith", "Brown", "9434765919", "943 476 5919",
			"0114 496 0000", "companionship", "regular-routine", NOTES, "daughter", "barred", "uclaLoneliness",
			"lifeSatisfaction");

	@Test
	void theStoredReferralHoldsNoReadablePersonalData() {
		String id = referralWithEverythingPersonal();

		Document stored = raw(id);
		assertThat(stored.toJson()).doesNotContain(PERSONAL);
		Document person = stored.get("person", Document.class);
		assertThat(List.of(person.get("firstName"), person.get("lastName"), person.get("contact"),
				person.get("nhsNumber"), person.get("needs"), stored.get("notes")))
			.allSatisfy(FieldEncryptionTests::isCiphertext);
		assertThat(person.getString("postcodeDistrict")).as("kept readable for uptake by district").isEqualTo("S6");
		assertThat(stored.getList("messages", Document.class)).singleElement()
			.satisfies(message -> isCiphertext(message.get("text")));
		isCiphertext(stored.get("outcomes", Document.class).get("baseline"));
	}

	@Test
	void theServiceReadsWhatItStored() {
		String id = referralWithEverythingPersonal();

		assertThat(get(LINK_WORKER, "/api/referrals/" + id)).hasStatusOk()
			.bodyText()
			.contains("Edith", "Brown", "9434765919", "0114 496 0000", "companionship", NOTES, MESSAGE);
		Referral referral = mongo.findById(id, Referral.class);
		assertThat(referral.outcomes().baseline().uclaLoneliness()).isEqualTo(8);
		assertThat(referral.history()).extracting(Referral.StatusChange::text).contains(DECLINE_TEXT);
	}

	@Test
	void aPersonIsFoundByNhsNumberThoughItIsStoredEncrypted() {
		String id = referralWithEverythingPersonal();
		String someoneElse = referred(PlacesCatalogueStandIn.BAKERY);
		mongo.updateFirst(Query.query(Criteria.where("_id").is(someoneElse)),
				Update.update("person.nhsNumber", "4010232137"),
				Referral.class);

		assertThat(mongo.find(Query.query(Criteria.where("person.nhsNumber").is("9434765919")), Referral.class))
			.extracting(Referral::id)
			.containsExactly(id);
		assertThat(raw(someoneElse).get("person", Document.class).get("nhsNumber"))
			.as("an update by path is encrypted too")
			.satisfies(FieldEncryptionTests::isCiphertext);
	}

	@Test
	void oneDataKeyInTheKeyVaultWrappedByTheMasterKey() {
		List<Document> keys = mongo.getCollection(FieldEncryptionConfiguration.KEY_VAULT).find().into(new ArrayList<>());

		assertThat(keys).singleElement().satisfies(key -> {
			assertThat(key.getList("keyAltNames", String.class)).containsExactly("referrals-personal-data");
			assertThat(key.get("masterKey", Document.class).getString("provider")).isEqualTo("local");
		});
	}

	/** A referral with a message and a baseline score, then declined with words. */
	private String referralWithEverythingPersonal() {
		String declined = referred(PlacesCatalogueStandIn.RED_LION);
		assertThat(post(LINK_WORKER, "/api/referrals/" + declined + "/messages", "{\"text\": \"" + MESSAGE + "\"}"))
			.hasStatus2xxSuccessful();
		assertThat(post(LINK_WORKER, "/api/referrals/" + declined + "/outcomes", BASELINE)).hasStatus2xxSuccessful();
		assertThat(post(LANDLORD, "/api/referrals/" + declined + "/reject",
				"{\"reason\": \"other\", \"text\": \"" + DECLINE_TEXT + "\"}")).hasStatusOk();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> raw(declined).getList("outbox", Document.class)
				.stream()
				.allMatch(entry -> entry.get("sentAt") != null));
		return declined;
	}

	private Document raw(String id) {
		return mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, "referrals");
	}

	/** CSFLE ciphertext: its first byte names the algorithm (1 deterministic, 2 random), then the data key's id. */
	private static void isCiphertext(Object value) {
		assertThat(value).as("stored as a binary").isInstanceOf(Binary.class);
		assertThat(((Binary) value).getData()[0]).isIn((byte) 1, (byte) 2);
	}

}
