package org.communityplaces.platform.sampleservice;

import org.communityplaces.platform.testing.MongoWireTestServer;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/** The sample service on a real MongoDB wire server, as the services' own tests run; one context for all. */
@SpringBootTest(properties = { "spring.application.name=sample-service", "platform.audit.path=/api/audit",
		"security.token.public-paths=/api/things/export/csv" })
@AutoConfigureMockMvc
abstract class SampleServiceTest {

	static final String THING = """
			{"name": "Coffee morning", "count": 3, "free": true, "recordedAt": "2026-11-23T10:15:30Z",
			 "on": "2026-12-01", "opens": "10:30", "tags": ["warm", "quiet"],
			 "contact": {"method": "email", "value": "host@example.org"}}
			""";

	static final RequestPostProcessor ADMIN = jwt().jwt(token -> token.subject("u-admin").claim("role", "admin"));

	static final RequestPostProcessor HOST = jwt()
		.jwt(token -> token.subject("u-host").claim("role", "host").claim("email", "host@example.org"));

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> MongoWireTestServer.databaseUri(SampleServiceTest.class));
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	MongoTemplate mongo;

	@BeforeEach
	void nothingStored() {
		mongo.remove(new Query(), Thing.class);
	}

	MvcTestResult create(String body) {
		return mvc.post().uri("/api/things").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	String idOf(MvcTestResult created) {
		return created.getResponse().getHeader("Location").replace("/api/things/", "");
	}

}
