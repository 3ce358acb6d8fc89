package org.communityplaces.places;

import java.util.stream.Stream;

import org.communityplaces.places.place.Place;
import org.communityplaces.places.search.PlaceIndex;
import org.communityplaces.platform.testing.MongoWireTestServer;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/**
 * places-service on the real wire protocols: MongoDB (mongo-java-server) and an embedded
 * KRaft Kafka broker. Test classes that extend it share one application context.
 */
// The outbox relay's sweep waits an hour, so only its prompt send on each write can publish in time.
// Council feeds may come from a stand-in server named localhost; 127.0.0.1 itself stays refused.
@SpringBootTest(properties = { "outbox.sweep-interval-ms=3600000", "places.feeds.allowed-hosts=localhost" })
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = "place-events", bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public abstract class PlacesServiceTest {

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> MongoWireTestServer.databaseUri(PlacesServiceTest.class));
	}

	@Autowired
	protected MockMvcTester mvc;

	@Autowired
	protected MongoTemplate mongo;

	@Autowired
	protected PlaceIndex index;

	@BeforeEach
	void emptyCatalogue() {
		mongo.remove(new Query(), Place.class);
		mongo.remove(new Query(), "audit");
		index.rebuild(Stream.empty());
	}

	/** Loads the Sheffield demo catalogue through the import API, as an admin would. */
	protected MvcTestResult importDemoCatalogue() throws java.io.IOException {
		byte[] csv = new org.springframework.core.io.ClassPathResource("demo/sheffield-places.csv").getContentAsByteArray();
		return as("admin", null, mvc.post().uri("/api/places/imports")).contentType(MediaType.parseMediaType("text/csv"))
			.content(csv)
			.exchange();
	}

	/** Signed in, as the token the gateway relays names them. */
	protected static MockMvcRequestBuilder as(String role, String email, MockMvcRequestBuilder request) {
		return request.with(jwt().jwt(token -> {
			token.subject("u-" + role).claim("role", role).claim("organisation", "C88001");
			if (email != null) {
				token.claim("email", email);
			}
		}));
	}

}
