package org.communityplaces.platform.outbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClients;
import org.communityplaces.platform.testing.MongoWireTestServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OutboxTests {

	private static final Instant NOW = Instant.parse("2026-12-02T10:15:30Z");

	private final MongoTemplate mongo = new MongoTemplate(
			MongoClients.create(MongoWireTestServer.databaseUri(OutboxTests.class)), "OutboxTests");

	private final List<Object> announced = new ArrayList<>();

	private final JsonMapper json = JsonMapper.builder().build();

	private final Outbox outbox = new Outbox(mongo, json, announced::add, "parcel-events");

	@Test
	void anEventIsItsRecordInTheContractsEnvelope() {
		OutboxEntry entry = outbox.entry(new ParcelSent("p-1", LocalDate.of(2026, 12, 3), null), NOW);

		JsonNode event = json.readTree(entry.payload());
		assertThat(event.propertyNames()).containsExactly("eventId", "type", "occurredAt", "schemaVersion",
				"parcelId", "arrivesOn", "note");
		assertThat(event.path("eventId").asString()).isEqualTo(entry.eventId());
		assertThat(event.path("type").asString()).isEqualTo("ParcelSent").isEqualTo(entry.type());
		assertThat(event.path("occurredAt").asString()).isEqualTo("2026-12-02T10:15:30Z");
		assertThat(event.path("schemaVersion").asInt()).isEqualTo(1);
		assertThat(event.path("arrivesOn").asString()).isEqualTo("2026-12-03");
		assertThat(event.path("note").isNull()).isTrue();
		assertThat(entry.topic()).isEqualTo("parcel-events");
		assertThat(entry.sentAt()).isNull();
	}

	@Test
	void anEventWithATopicOfItsOwnGoesThereAndNotToTheServicesTopic() {
		OutboxEntry entry = outbox.entry(new RecipientToldOfParcel("p-1", "7 Oak Road"), NOW);

		assertThat(entry.topic()).isEqualTo("parcel-recipients");
		assertThat(json.readTree(entry.payload()).propertyNames()).as("the topic is the entry's, not the event's")
			.doesNotContain("topic");
	}

	@Test
	void aChangeAndItsEventsAreStoredTogetherAndAnnouncedAfterwards() {
		Parcel parcel = outbox.insert(new Parcel("p-2", null, "packed",
				List.of(outbox.entry(new ParcelSent("p-2", null, "first"), NOW))));
		assertThat(announced).containsExactly(new OutboxWritten("p-2"));

		Parcel after = outbox.update(Parcel.class, parcel.id(), parcel.version(), new Update().set("state", "sent"),
				NOW, new ParcelSent("p-2", null, "second"), new ParcelSent("p-2", null, "third"));

		assertThat(after.state()).isEqualTo("sent");
		assertThat(after.version()).isEqualTo(parcel.version() + 1);
		assertThat(after.outbox()).extracting(entry -> json.readTree(entry.payload()).path("note").asString())
			.containsExactly("first", "second", "third");
		assertThat(announced).hasSize(2);
	}

	@Test
	void ofTwoChangesFromTheSameVersionOnlyTheFirstIsStored() {
		Parcel parcel = outbox.insert(new Parcel("p-3", null, "packed", List.of()));
		outbox.update(Parcel.class, parcel.id(), parcel.version(), new Update().set("state", "sent"), NOW,
				new ParcelSent("p-3", null, null));
		announced.clear();

		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> outbox.update(Parcel.class, parcel.id(), parcel.version(),
					new Update().set("state", "lost"), NOW, new ParcelSent("p-3", null, "late")));

		Parcel stored = mongo.findById("p-3", Parcel.class);
		assertThat(stored.state()).isEqualTo("sent");
		assertThat(stored.outbox()).hasSize(1);
		assertThat(announced).isEmpty();
	}

	@Document("parcels")
	record Parcel(@Id String id, @Version Long version, String state, List<OutboxEntry> outbox) {
	}

	record ParcelSent(String parcelId, LocalDate arrivesOn, String note) {
	}

	record RecipientToldOfParcel(String parcelId, String address) implements OwnTopic {

		@Override
		public String topic() {
			return "parcel-recipients";
		}

	}

}
