package org.communityplaces.places.search;

import java.time.Duration;
import java.util.List;

import org.communityplaces.places.PlacesApplication;
import org.communityplaces.places.place.Catalogue;
import org.communityplaces.places.place.Place;
import org.communityplaces.places.place.PlaceDetails;
import org.communityplaces.places.place.PlaceKind;
import org.communityplaces.places.place.PlaceStatus;
import org.communityplaces.platform.testing.MongoWireTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.awaitility.Awaitility.await;

/**
 * Two places-service instances on one MongoDB database and one Kafka broker, each with its own
 * index: a change made through one is searchable on the other without a restart. The sweep
 * is set to an hour, so only the PlaceChanged event can carry the change across.
 */
@EmbeddedKafka(partitions = 1)
class SearchAcrossInstancesTests {

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void twoInstances(EmbeddedKafkaBroker broker) {
		first = instance(broker);
		second = instance(broker);
	}

	@AfterAll
	static void stop() {
		second.close();
		first.close();
	}

	@Test
	void aPlaceRegisteredOrChangedOnOneInstanceIsFoundOnTheOther() {
		Catalogue catalogue = first.getBean(Catalogue.class);
		PlaceIndex otherIndex = second.getBean(PlaceIndex.class);
		Place place = catalogue.create(details("Owlerton bowls club"));
		await().atMost(Duration.ofSeconds(30)).until(() -> names(otherIndex, "bowls"), names -> names.size() == 1);

		catalogue.replace(place.id(), details("Owlerton crown green bowls and tea"));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> names(otherIndex, "tea"), names -> names.equals(List.of("Owlerton crown green bowls and tea")));

		catalogue.remove(place.id());
		await().atMost(Duration.ofSeconds(30)).until(() -> names(otherIndex, "bowls"), List::isEmpty);
	}

	private static List<String> names(PlaceIndex index, String words) {
		return index.search(PlaceQuery.builder().text(words).page(1, 10).build())
			.hits()
			.stream()
			.map(SearchResults.Hit::name)
			.toList();
	}

	private static PlaceDetails details(String name) {
		return new PlaceDetails(name, "Flat green, woods to borrow", PlaceKind.COMMUNITY_GROUP,
				new PlaceDetails.OrganizationDetails("Owlerton Bowls", null), List.of("exercise"), List.of(),
				new PlaceDetails.AddressDetails("Penistone Road", "Sheffield", "S6 2DE", null), null, null, List.of(), null,
				null, null, new PlaceDetails.HostDetails(null, "bowls@owlerton.example.org", null), null,
				PlaceStatus.ACTIVE);
	}

	private static ConfigurableApplicationContext instance(EmbeddedKafkaBroker broker) {
		return new SpringApplicationBuilder(PlacesApplication.class).run("--server.port=0",
				"--spring.mongodb.uri=" + MongoWireTestServer.databaseUri(SearchAcrossInstancesTests.class),
				"--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(), "--places.search.sweep-interval=1h",
				"--places.topic.partitions=1");
	}

}
