package org.communityplaces.referrals.referral;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.communityplaces.platform.testing.MongoWireTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service checks the token the gateway relays against the gateway's published key, here a
 * real JWKS served over HTTP: anything else, including a call that bypasses the gateway, is
 * refused with a 401.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class RelayedTokenTests {

	private static final RSAKey gatewayKey = key();

	private static final RSAKey someoneElsesKey = key();

	private static final HttpServer jwks = serve(new JWKSet(gatewayKey.toPublicJWK()).toString());

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> MongoWireTestServer.databaseUri(RelayedTokenTests.class));
		registry.add("security.token.jwk-set-uri",
				() -> "http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json");
	}

	@Autowired
	MockMvcTester mvc;

	@AfterAll
	static void stop() {
		jwks.stop(0);
	}

	@Test
	void aTokenTheGatewaySignedForThisAudienceIsAccepted() throws Exception {
		assertThat(list(token(gatewayKey, "community-places-gateway", "community-places", Instant.now().plusSeconds(300))))
			.hasStatusOk();
	}

	@Test
	void noTokenAForgedOneAnExpiredOneOrOneForSomeoneElseIsA401() throws Exception {
		Instant later = Instant.now().plusSeconds(300);
		assertThat(mvc.get().uri("/api/referrals").exchange()).hasStatus(401)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(list(token(someoneElsesKey, "community-places-gateway", "community-places", later))).as("forged")
			.hasStatus(401);
		assertThat(list(token(gatewayKey, "community-places-gateway", "community-places", Instant.now().minusSeconds(600))))
			.as("expired")
			.hasStatus(401);
		assertThat(list(token(gatewayKey, "community-places-gateway", "another-system", later))).as("wrong audience")
			.hasStatus(401);
		assertThat(list(token(gatewayKey, "https://elsewhere.example.org", "community-places", later))).as("wrong issuer")
			.hasStatus(401);
		assertThat(mvc.get().uri("/api/referrals").header("Authorization", "Bearer not-a-token").exchange())
			.hasStatus(401);
	}

	private MvcTestResult list(String token) {
		return mvc.get().uri("/api/referrals").header("Authorization", "Bearer " + token).exchange();
	}

	private static String token(RSAKey key, String issuer, String audience, Instant expires) throws Exception {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
			.audience(List.of(audience))
			.subject("sam")
			.issueTime(Date.from(expires.minusSeconds(300)))
			.expirationTime(Date.from(expires))
			.claim("role", "referrer")
			.claim("email", "sam@surgery.example.org")
			.claim("organisation", "C88001")
			.build();
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private static RSAKey key() {
		try {
			return new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpServer serve(String json) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/.well-known/jwks.json", exchange -> {
				byte[] body = json.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
