package org.communityplaces.referrals.place;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.communityplaces.platform.testing.MongoWireTestServer;
import org.communityplaces.platform.testing.PublishedEvents;
import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.communityplaces.referrals.ReferralServiceTest;
import org.communityplaces.referrals.referral.Referral;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AcknowledgingMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A place's new host, whatever fails part way and however many instances process the change:
 * the open referrals end with the new host, moved once, and nothing is parked but an event that
 * breaks the contract.
 */
class HostChangeTests extends ReferralServiceTest {

	private static final String OLD_HOST = "landlord@redlion.example.org";

	private static final String NEW_HOST = OTHER_HOST.email();

	private static PublishedEvents parked;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	PlaceEventsListener listener;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	ConcurrentKafkaListenerContainerFactory<String, String> containers;

	@Autowired
	KafkaAdmin kafkaAdmin;

	@Value("${places.snapshot.group-id:referral-service-places}")
	String groupId;

	@BeforeAll
	static void readParked(@Autowired EmbeddedKafkaBroker broker) {
		parked = new PublishedEvents(broker.getBrokersAsString(), "place-events-dlt");
	}

	@AfterAll
	static void stopReadingParked() {
		parked.close();
	}

	@Test
	void aHostChangeWhoseReferralMoveFailedIsFinishedWhenTheEventIsProcessedAgain() {
		String placeId = "host-change-after-a-failure";
		String referralId = referredTo(placeId);

		// The store goes down between keeping the new snapshot and moving the referrals
		MongoWireTestServer.stopRightAfter("findAndModify", "places");
		try {
			placeEvent(placeId, 2, NEW_HOST);
			// The snapshot is kept; whatever is read or written next, to move the referrals, fails,
			// and the store stays down for longer than the driver waits to try it once more
			await().atMost(Duration.ofSeconds(30))
				.until(() -> MongoWireTestServer.refused("places") || MongoWireTestServer.refused("referrals"));
			await().during(MongoWireTestServer.CLIENT_PATIENCE.multipliedBy(2))
				.atMost(Duration.ofSeconds(10))
				.until(MongoWireTestServer::isDown);
		}
		finally {
			MongoWireTestServer.start();
		}

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(get(OTHER_HOST, "/api/referrals/" + referralId)).hasStatusOk());
		assertThat(get(LANDLORD, "/api/referrals/" + referralId)).hasStatus(404);
		assertThat(parked.of(placeId)).as("a store outage parks nothing").isEmpty();
	}

	@Test
	void twoInstancesGivenTheSameHostChangeEndWithTheReferralsAtTheNewHostMovedOnce() throws Exception {
		String placeId = "host-change-on-two-instances";
		String referralId = referredTo(placeId);
		long versionBefore = mongo.findById(referralId, Referral.class).version();

		// Another instance takes the partition, processes the change and dies before committing it
		MessageListenerContainer ours = listeners.getListenerContainer(PlaceEventsListener.ID);
		ours.stop();
		AtomicInteger processedThere = new AtomicInteger();
		ConcurrentMessageListenerContainer<String, String> another = containers
			.createContainer(PlaceEventsConfiguration.TOPIC);
		another.getContainerProperties().setGroupId(groupId);
		another.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
		another.getContainerProperties()
			.setMessageListener((AcknowledgingMessageListener<String, String>) (record, neverAcknowledged) -> {
				listener.on(record);
				if (placeId.equals(record.key())) {
					processedThere.incrementAndGet();
				}
			});
		RecordMetadata change;
		another.start();
		try {
			change = placeEvent(placeId, 2, NEW_HOST);
			await().atMost(Duration.ofSeconds(30)).until(() -> processedThere.get() == 1);
		}
		finally {
			another.stop();
		}
		assertThat(get(OTHER_HOST, "/api/referrals/" + referralId)).hasStatusOk();

		// This instance gets the partition back and is given the same change again
		ours.start();
		await().atMost(Duration.ofSeconds(30)).until(() -> committedPast(change));

		assertThat(get(OTHER_HOST, "/api/referrals/" + referralId)).hasStatusOk();
		assertThat(get(LANDLORD, "/api/referrals/" + referralId)).hasStatus(404);
		assertThat(mongo.findById(referralId, Referral.class).version()).as("moved once").isEqualTo(versionBefore + 1);
	}

	@Test
	void anEventThatBreaksTheContractIsParkedAtOnceAndTheNextIsProcessed() {
		String placeId = "host-change-after-a-broken-event";
		String referralId = referredTo(placeId);

		kafka.send(PlaceEventsConfiguration.TOPIC, placeId,
				changed(placeId, 2, NEW_HOST).replace("\"hostEmail\":\"" + NEW_HOST + "\"", "\"hostEmail\":42"))
			.join();
		placeEvent(placeId, 3, NEW_HOST);

		assertThat(await().atMost(Duration.ofSeconds(10)).until(() -> parked.of(placeId), records -> !records.isEmpty()))
			.singleElement()
			.satisfies(record -> assertThat(record.value()).contains("\"hostEmail\":42"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(get(OTHER_HOST, "/api/referrals/" + referralId)).hasStatusOk());
	}

	/** A referral to a place whose host is {@link #OLD_HOST}, made from the place's snapshot. */
	private String referredTo(String placeId) {
		placeEvent(placeId, 1, OLD_HOST);
		await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(placeId, PlaceSummary.class) != null);
		PlacesCatalogueStandIn.answering(false);
		String referralId = referred(placeId);
		assertThat(get(LANDLORD, "/api/referrals/" + referralId)).hasStatusOk();
		return referralId;
	}

	private RecordMetadata placeEvent(String placeId, int version, String hostEmail) {
		String event = changed(placeId, version, hostEmail);
		assertThat(contract.violations(event)).isEmpty();
		return kafka.send(PlaceEventsConfiguration.TOPIC, placeId, event).join().getRecordMetadata();
	}

	private static String changed(String placeId, int version, String hostEmail) {
		return contract.examples("PlaceChanged")
			.get(0)
			.replace("\"placeId\":\"demo-red-lion\"", "\"placeId\":\"" + placeId + "\"")
			.replaceFirst("\"placeVersion\":\\d+", "\"placeVersion\":" + version)
			.replace(OLD_HOST, hostEmail);
	}

	/** Whether this instance's group has committed the place events up to and past {@code record}. */
	private boolean committedPast(RecordMetadata record) throws Exception {
		try (AdminClient admin = AdminClient.create(kafkaAdmin.getConfigurationProperties())) {
			Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId)
				.partitionsToOffsetAndMetadata()
				.get();
			OffsetAndMetadata committed = offsets.get(new TopicPartition(record.topic(), record.partition()));
			return committed != null && committed.offset() > record.offset();
		}
	}

}
