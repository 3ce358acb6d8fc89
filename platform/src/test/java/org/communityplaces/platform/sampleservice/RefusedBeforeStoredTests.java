package org.communityplaces.platform.sampleservice;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** An answer of 400 or above means nothing changed: the format of the answer is agreed before anything is stored. */
class RefusedBeforeStoredTests extends SampleServiceTest {

	@Test
	void aWriteWhoseAnswerTheClientDoesNotAcceptIsRefusedBeforeAnythingIsStored() {
		assertThat(mvc.post()
			.uri("/api/things")
			.with(ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_XML)
			.content(THING)).hasStatus(406).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);

		assertThat(mongo.findAll(Thing.class)).isEmpty();
	}

	@Test
	void aChangeWhoseAnswerTheClientDoesNotAcceptLeavesTheRecordAsItWas() {
		String id = idOf(create(THING));

		assertThat(mvc.put()
			.uri("/api/things/{id}", id)
			.with(ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT, "image/png, text/html;q=0.5")
			.content(THING.replace("Coffee morning", "Renamed"))).hasStatus(406)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);

		assertThat(mongo.findById(id, Thing.class).name()).isEqualTo("Coffee morning");
	}

	@Test
	void aBodyOfATypeTheWriteDoesNotTakeIsRefusedBeforeAnythingIsStored() {
		assertThat(mvc.post().uri("/api/things").with(ADMIN).contentType(MediaType.TEXT_PLAIN).content(THING))
			.hasStatus(415)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);

		assertThat(mongo.findAll(Thing.class)).isEmpty();
	}

	@Test
	void aMappingThatAnswersInOneFormatRefusesClientsThatAcceptAnother() {
		assertThat(mvc.get().uri("/api/things/export/csv").accept(MediaType.APPLICATION_JSON)).hasStatus(406)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void clientsThatAcceptJsonOrAnythingAreAnswered() {
		assertThat(mvc.post()
			.uri("/api/things")
			.with(ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT, "application/json")
			.content(THING)).hasStatus(201);
		assertThat(mvc.get().uri("/api/things").with(ADMIN).header(HttpHeaders.ACCEPT, "*/*")).hasStatusOk();
		assertThat(mvc.get().uri("/api/things").with(ADMIN).header(HttpHeaders.ACCEPT, "text/html, */*;q=0.1"))
			.hasStatusOk();
		assertThat(mvc.delete().uri("/api/things/{id}", idOf(create(THING))).with(ADMIN).accept(MediaType.APPLICATION_XML))
			.hasStatus(204);
	}

}
