package org.communityplaces.referrals.telling;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * A place's public listing in the catalogue (its address, weekly sessions and who to ask for),
 * read once, when the host accepts, on the host's behalf. Where and when is a courtesy to the
 * person, not a condition of accepting: a catalogue that cannot answer in a couple of seconds
 * leaves the message with the place's name alone, and the accept goes ahead.
 */
@Component
class PlaceListings {

	private static final Logger log = LoggerFactory.getLogger(PlaceListings.class);

	private final RestClient places;

	PlaceListings(RestClient.Builder builder, @Value("${places.base-url}") String baseUrl,
			@Value("${places.connect-timeout}") Duration connectTimeout,
			@Value("${places.read-timeout}") Duration readTimeout) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(connectTimeout).build());
		requests.setReadTimeout(readTimeout);
		this.places = builder.clone().baseUrl(baseUrl).requestFactory(requests).build();
	}

	Optional<Listing> of(String placeId) {
		String token = SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken caller
				? caller.getToken().getTokenValue() : null;
		try {
			return Optional.ofNullable(places.get().uri("/api/places/{id}/listing", placeId).headers(headers -> {
				if (token != null) {
					headers.setBearerAuth(token);
				}
			}).retrieve().body(Listing.class));
		}
		catch (RestClientException unanswered) {
			log.info("Place {} listing not read ({}); where and when names the place only", placeId,
					unanswered.getClass().getSimpleName());
			return Optional.empty();
		}
	}

	/** @param askFor the host's name as the place gives it, or null */
	record Listing(Address address, List<Opening> openingTimes, String askFor) {

		List<Opening> sessions() {
			return openingTimes == null ? List.of() : openingTimes;
		}

	}

	record Address(String line1, String city, String postcode) {
	}

	/** @param days MO to SU; @param opens and closes as HH:mm */
	record Opening(List<String> days, String opens, String closes, String description) {
	}

}
