package org.communityplaces.places.review;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.communityplaces.places.place.Place;
import org.communityplaces.platform.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * The token behind "Yes, still right" in a review e-mail: a JWT signed with HMAC-SHA256 by
 * Spring Security's Nimbus support, naming one place and good for {@code places.review.link-lasts}
 * (60 days unless set). It lets whoever holds it say that one listing is still right, and
 * nothing else. Every instance must share {@code places.review.token-secret}; without one, each
 * start makes its own, and links sent before a restart stop working.
 */
@Component
class ConfirmationTokens {

	private static final Logger log = LoggerFactory.getLogger(ConfirmationTokens.class);

	private static final String ISSUER = "places-service";

	/** When the host was asked, in milliseconds since the epoch as the store keeps instants. */
	private static final String ASKED = "asked";

	private static final String AUDIENCE = "confirm-listing";

	private static final int SECRET_BYTES = 32;

	private final NimbusJwtEncoder encoder;

	private final NimbusJwtDecoder decoder;

	private final Clock clock;

	private final Duration lasts;

	ConfirmationTokens(@Value("${places.review.token-secret:}") String secret,
			@Value("${places.review.link-lasts:P60D}") String lasts, Clock clock) {
		SecretKey key = new SecretKeySpec(secretBytes(secret), "HmacSHA256");
		this.encoder = NimbusJwtEncoder.withSecretKey(key).build();
		this.decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
		JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
		expiry.setClock(clock);
		this.decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(expiry,
				new JwtClaimValidator<String>("iss", ISSUER::equals),
				new JwtClaimValidator<List<String>>("aud", audience -> audience != null && audience.contains(AUDIENCE))));
		this.clock = clock;
		this.lasts = Duration.parse(lasts);
	}

	/**
	 * @param askedAt when the host was asked: the token is good only while that question is open,
	 * so it works once, and not after the listing was confirmed or changed another way
	 */
	String issue(String placeId, Instant askedAt) {
		Instant now = clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.audience(List.of(AUDIENCE))
			.subject(placeId)
			.claim(ASKED, askedAt.toEpochMilli())
			.issuedAt(now)
			.expiresAt(now.plus(lasts))
			.build();
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
	}

	/**
	 * @throws InvalidToken unless the token was made here for this place, for the question it
	 * has open now, and has not expired
	 */
	void check(String token, Place place) {
		Jwt jwt;
		try {
			jwt = decoder.decode(token);
		}
		catch (JwtException invalid) {
			throw new InvalidToken(invalid.getMessage() != null && invalid.getMessage().contains("expired"));
		}
		if (!place.id().equals(jwt.getSubject())) {
			throw new InvalidToken(false);
		}
		Instant asked = place.upkeep().reviewAskedAt();
		Object askedInToken = jwt.getClaim(ASKED);
		if (asked == null || !(askedInToken instanceof Number millis) || millis.longValue() != asked.toEpochMilli()) {
			throw new InvalidToken.Used();
		}
	}

	private static byte[] secretBytes(String secret) {
		if (!secret.isBlank()) {
			byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
			if (bytes.length < SECRET_BYTES) {
				throw new IllegalStateException("places.review.token-secret must be at least " + SECRET_BYTES + " bytes");
			}
			return bytes;
		}
		log.warn("No places.review.token-secret: review links work only on this instance, until it restarts");
		byte[] random = new byte[SECRET_BYTES];
		new SecureRandom().nextBytes(random);
		return random;
	}

	static class InvalidToken extends Problem {

		InvalidToken(boolean expired) {
			this(expired ? "Link expired" : "Link not valid",
					expired ? "This link has expired." : "This link is not one we sent, or it was changed.",
					expired ? "has expired" : "is not valid");
		}

		private InvalidToken(String title, String detail, String fieldMessage) {
			super(HttpStatus.FORBIDDEN, title, detail
					+ " Sign in and confirm the listing from your places, or wait for the next e-mail.",
					"Confirmation-Token", fieldMessage);
		}

		/** A link that did its work: the listing was confirmed or changed since the e-mail. */
		static final class Used extends InvalidToken {

			Used() {
				super("Link already used", "This link was used already, or the listing was checked or changed since.",
						"was used already");
			}

		}

	}

}
