package org.communityplaces.notifications;

import java.time.Duration;

import org.bson.Document;
import org.communityplaces.platform.testing.HostileRequests;
import org.communityplaces.platform.testing.StoredState;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/**
 * Every operation of the service's API, as every role and unsigned, with malformed, boundary
 * and hostile input: never a 5xx, every error a problem, and nothing stored by a refused request.
 */
class HostileRequestsTests extends NotificationServiceTest {

	private static final RequestPostProcessor ADMIN = jwt().jwt(token -> token.subject("u-admin").claim("role", "admin"));

	private static final RequestPostProcessor HOST_PERSON = jwt()
		.jwt(token -> token.subject("u-host").claim("role", "host").claim("email", HOST));

	private static final RequestPostProcessor REFERRER_PERSON = jwt().jwt(token -> token.subject("u-referrer")
		.claim("role", "referrer")
		.claim("email", REFERRER)
		.claim("organisation", "C88001"));

	private static final RequestPostProcessor COMMISSIONER = jwt()
		.jwt(token -> token.subject("u-commissioner").claim("role", "commissioner"));

	@Test
	void everyOperationHoldsAgainstHostileRequests() {
		assertThat(choose("host", HOST, "{\"channel\": \"inbox\"}")).hasStatusOk();
		assertThat(as("admin", null, mvc.put().uri("/api/notifications/webhook-hosts/hooks.council.example")))
			.hasStatusOk();
		String event = event("ReferralRequested");
		publish(event);
		publish("this is not JSON");
		Document inboxItem = await().atMost(Duration.ofSeconds(30))
			.until(() -> mongo.findAll(Document.class, "notifications"), found -> !found.isEmpty())
			.get(0);
		Document parked = await().atMost(Duration.ofSeconds(30))
			.until(() -> mongo.findAll(Document.class, "dead_letters"), found -> !found.isEmpty())
			.get(0);
		// Replayed before the run: a replay's follow-up on the broker is too slow to tell from a change a refusal made
		assertThat(as("admin", null, mvc.post().uri("/api/notifications/dead-letters/{id}/replay", parked.get("_id"))))
			.hasStatusOk();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> mongo.findAll(Document.class, "dead_letters").size() == 2 && mongo
				.findAll(Document.class, "notifications")
				.stream()
				.noneMatch(notification -> "PENDING".equals(notification.get("delivery", Document.class).get("status"))));

		HostileRequests.Summary summary = HostileRequests.against(mvc)
			.as("admin", ADMIN)
			.as("host", HOST_PERSON)
			.as("referrer", REFERRER_PERSON)
			.as("commissioner", COMMISSIONER)
			.pathVariable("/api/notifications/inbox/{id}/read", "id", inboxItem.getString("_id"))
			.pathVariable("/api/notifications/dead-letters/{id}/replay", "id", parked.getString("_id"))
			.pathVariable("host", "hooks.council.example")
			.exampleBody("PUT /api/notifications/preferences", "{\"channel\": \"email\", \"email\": \"" + HOST + "\"}")
			// The scheduled jobs' locks are taken and given back every sweep, whatever the requests
			.storedState(StoredState.of(mongo, "shedLock"))
			.run();

		assertThat(summary.operations()).isEqualTo(14);
	}

	@Test
	void aPreferenceRefusedForTheAnswerFormatAskedForIsNotSaved() {
		assertThat(as("host", HOST, mvc.put()
			.uri("/api/notifications/preferences")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_XML)
			.content("{\"channel\": \"inbox\"}"))).hasStatus(406)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(mongo.findAll(Document.class, "preferences")).isEmpty();
	}

}
