package org.communityplaces.notifications.person;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.communityplaces.notifications.NotificationServiceTest;
import org.communityplaces.notifications.delivery.Notification;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A person withdraws their consent, or their referral's retention period ends: the host hears
 * only that the referral was withdrawn, and what is held of the person here is forgotten, while
 * how each message went stays; a message for them that comes after is not sent. Other people's
 * messages are left as they are.
 */
class PersonDataErasureTests extends NotificationServiceTest {

	@Test
	void theHostIsToldOnlyThatItWasWithdrawnAndMessagesForThePersonAreForgotten() {
		String referralId = PersonMessagesTests.newId();
		String someoneElses = PersonMessagesTests.newId();
		mongo.remove(new Query(), PersonMessage.class);
		mongo.insert(waiting(referralId));
		mongo.insert(waiting(someoneElses));

		publish(about(referralId, "ReferralCancelled").replace("\"person-declined\"", "\"consent-withdrawn\""));
		publish(about(referralId, "ReferralPersonalDataErased"));

		Notification told = await().atMost(Duration.ofSeconds(30))
			.until(() -> mongo.findOne(Query.query(Criteria.where("event.referralId").is(referralId)), Notification.class),
					notification -> notification != null);
		assertThat(told.recipient().role()).isEqualTo("host");
		assertThat(told.message().subject()).isEqualTo("A referral to The Red Lion community table was withdrawn");
		assertThat(told.message().text()).contains("You do not need to do anything.")
			.doesNotContainIgnoringCase("consent");
		PersonMessage forgotten = await().atMost(Duration.ofSeconds(30))
			.until(() -> mongo.findById(referralId, PersonMessage.class),
					message -> message.status() == PersonMessage.Status.NOT_SENT);
		assertThat(forgotten.outcome()).isEqualTo(PersonDataErasure.ERASED);
		assertThat(forgotten.envelope()).isNull();
		assertThat(mongo.findById(referralId, Document.class, "person_messages").toJson())
			.doesNotContain("edith@example.org", "Edith", "Red Lion");
		assertThat(mongo.count(Query.query(Criteria.where("event.referralId").is(referralId)), Notification.class))
			.as("the erasure alerts nobody")
			.isEqualTo(1);
		assertThat(mongo.count(new Query(), "dead_letters")).isZero();

		kafka.send("person-messages", referralId, PersonMessagesTests.message(referralId, "email")).join();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> mongo.find(Query.query(Criteria.where("referralId").is(referralId)), PersonMessage.class),
					messages -> messages.size() == 2);
		assertThat(mongo.find(Query.query(Criteria.where("referralId").is(referralId)), PersonMessage.class))
			.as("a message read after the erasure is not sent either")
			.allSatisfy(message -> {
				assertThat(message.status()).isEqualTo(PersonMessage.Status.NOT_SENT);
				assertThat(message.envelope()).isNull();
			});
		assertThat(emailsTo("edith@example.org")).isEmpty();

		PersonMessage untouched = mongo.findById(someoneElses, PersonMessage.class);
		assertThat(untouched.status()).isEqualTo(PersonMessage.Status.PENDING);
		assertThat(untouched.envelope().to()).containsExactly("edith@example.org");
	}

	/** A message for the person, waiting for its next try in an hour, so that nothing sends it meanwhile. */
	private static PersonMessage waiting(String referralId) {
		Instant now = Instant.now();
		return new PersonMessage(referralId, referralId, "u-referrer", "where-and-when", "email",
				PersonMessage.Status.PENDING, null, 1, now.plus(Duration.ofHours(1)), now, null,
				new PersonMessage.Envelope(List.of("edith@example.org"), "Edith Brown", "The Red Lion has a place for you",
						List.of("The Red Lion has said yes: they look forward to meeting you.")));
	}

	/** The contract's example of the event, about this referral. */
	private static String about(String referralId, String type) {
		String example = contract.examples(type).get(0);
		return example.replaceFirst("\"eventId\":\\s*\"[^\"]+\"", "\"eventId\": \"" + UUID.randomUUID() + "\"")
			.replace("6760a1f2c9e77b1d2f3a4b5c", referralId);
	}

}
