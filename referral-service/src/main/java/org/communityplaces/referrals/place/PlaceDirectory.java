package org.communityplaces.referrals.place;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

import org.communityplaces.platform.problem.Problem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * Looks places up in places-service, behind a Resilience4j circuit breaker so that a slow or
 * failing catalogue answers referrers quickly with 503 instead of tying up every request.
 */
@Component
public class PlaceDirectory {

	private final RestClient places;

	private final CircuitBreaker circuitBreaker;

	PlaceDirectory(RestClient.Builder builder, CircuitBreakerFactory<?, ?> circuitBreakers,
			@Value("${places.base-url:http://127.0.0.1:8081}") String baseUrl,
			@Value("${places.connect-timeout:1s}") Duration connectTimeout,
			@Value("${places.read-timeout:2s}") Duration readTimeout) {
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(connectTimeout).build());
		requestFactory.setReadTimeout(readTimeout);
		this.places = builder.baseUrl(baseUrl).requestFactory(requestFactory).build();
		this.circuitBreaker = circuitBreakers.create("places");
	}

	/** @return the place, or empty when places-service says there is no such place */
	public Optional<PlaceSummary> find(String placeId) {
		return circuitBreaker.run(() -> {
			try {
				return Optional.ofNullable(places.get().uri("/api/places/{id}", placeId).retrieve().body(PlaceSummary.class));
			}
			catch (HttpClientErrorException.NotFound ex) {
				return Optional.empty();
			}
		}, failure -> {
			throw new PlacesUnavailable();
		});
	}

	/** The part of places-service's view of a place that a referral needs: who to route it to. */
	public record PlaceSummary(String id, String name, Host host) {

		public String hostEmail() {
			return host.email();
		}

		public record Host(String email) {
		}

	}

	static class PlacesUnavailable extends Problem {

		PlacesUnavailable() {
			super(HttpStatus.SERVICE_UNAVAILABLE, "Places catalogue unavailable",
					"The places catalogue is not answering. Nothing was saved; please try again in a moment.");
			getHeaders().set("Retry-After", "5");
		}

	}

}
