package org.communityplaces.gateway.signin;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * The short-lived signed token (RS256 JWT) the gateway relays to the services for the
 * signed-in person, and the public key that checks it, published as a JWKS. The key comes from
 * {@code gateway.token.private-key} (PKCS#8 PEM, from the environment) so that several gateway
 * instances sign alike; without one, each start makes its own.
 */
@Component
class RelayTokens {

	private final RSAKey key;

	private final NimbusJwtEncoder encoder;

	private final String issuer;

	private final String audience;

	private final Duration lifetime;

	private final Clock clock;

	/** By the whole person, so that a provider's subject that happens to equal a local username never shares a token. */
	private final Map<Person, Issued> issued = new ConcurrentHashMap<>();

	RelayTokens(@Value("${gateway.token.private-key:}") String privateKeyPem, @Value("${gateway.token.issuer}") String issuer,
			@Value("${gateway.token.audience}") String audience, @Value("${gateway.token.lifetime}") Duration lifetime,
			Clock clock) {
		KeyPair pair = privateKeyPem.isBlank() ? generated() : fromPem(privateKeyPem);
		try {
			this.key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate())
				.keyIDFromThumbprint()
				.build();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot name the token key", ex);
		}
		this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
		this.issuer = issuer;
		this.audience = audience;
		this.lifetime = lifetime;
		this.clock = clock;
	}

	/**
	 * The person's token: signing is the dearest step of a relayed request, so a token is reused
	 * while more than half its life is left.
	 */
	String tokenFor(Person person) {
		Instant now = clock.instant();
		Issued current = issued.get(person);
		if (current != null && current.expiresAt().minus(lifetime.dividedBy(2)).isAfter(now)) {
			return current.token();
		}
		String token = signed(person, now);
		issued.put(person, new Issued(token, now.plus(lifetime)));
		return token;
	}

	private String signed(Person person, Instant now) {
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(issuer)
			.audience(List.of(audience))
			.subject(person.username())
			.issuedAt(now)
			.expiresAt(now.plus(lifetime))
			.id(UUID.randomUUID().toString())
			.claim("role", person.role());
		put(claims, "name", person.name());
		put(claims, "email", person.email());
		put(claims, "organisation", person.organisation());
		put(claims, "organisation_name", person.organisationName());
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
		return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
	}

	/** The public half only, for the services to check signatures with. */
	Map<String, Object> publicKeys() {
		return new JWKSet(key.toPublicJWK()).toJSONObject();
	}

	private record Issued(String token, Instant expiresAt) {
	}

	private static void put(JwtClaimsSet.Builder claims, String name, String value) {
		if (value != null && !value.isBlank()) {
			claims.claim(name, value);
		}
	}

	private static KeyPair generated() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("RSA is part of every JVM", ex);
		}
	}

	private static KeyPair fromPem(String pem) {
		byte[] der = Base64.getMimeDecoder()
			.decode(pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", ""));
		try {
			KeyFactory rsa = KeyFactory.getInstance("RSA");
			RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
			RSAPublicKey publicKey = (RSAPublicKey) rsa
				.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
			return new KeyPair(publicKey, privateKey);
		}
		catch (NoSuchAlgorithmException | InvalidKeySpecException | ClassCastException ex) {
			throw new IllegalStateException("gateway.token.private-key is not an RSA private key in PKCS#8 PEM", ex);
		}
	}

}
