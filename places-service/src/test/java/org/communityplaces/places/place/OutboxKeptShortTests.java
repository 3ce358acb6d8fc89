package org.communityplaces.places.place;

import java.time.Duration;

import org.communityplaces.places.PlacesServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A place whose host keeps its room up to date changes many times a day: its outbox keeps only
 * what the broker has not yet taken, or took lately, rather than every event it ever caused.
 */
@TestPropertySource(properties = "outbox.keep-sent=0s")
class OutboxKeptShortTests extends PlacesServiceTest {

	@Test
	void eventsTheBrokerTookAreForgottenWhileLaterOnesAreStillSent() {
		MvcTestResult created = as("admin", null, mvc.post().uri("/api/places"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(PlaceApiTests.RED_LION)
			.exchange();
		assertThat(created).hasStatus(201);
		String id = created.getResponse().getHeader("Location").replace("/api/places/", "");
		for (int available = 5; available >= 0; available--) {
			assertThat(as("admin", null, mvc.put().uri("/api/places/{id}/capacity", id))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"available\": " + available + ", \"maximum\": 8}")
				.exchange()).hasStatusOk();
		}

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Place stored = mongo.findById(id, Place.class);
			assertThat(stored.version()).isEqualTo(6);
			assertThat(stored.outbox()).hasSizeLessThanOrEqualTo(1).allMatch(entry -> entry.sentAt() != null);
		});
	}

}
