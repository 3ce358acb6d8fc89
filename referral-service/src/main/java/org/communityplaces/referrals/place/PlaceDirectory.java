package org.communityplaces.referrals.place;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.communityplaces.platform.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * Looks places up in the places catalogue. The call is guarded by a bulkhead (a slow catalogue
 * cannot take every request thread), a time limit, a circuit breaker (a failing catalogue is
 * left alone for a while) and retries with jittered backoff (a blip is ridden out). When the
 * catalogue cannot answer, the local snapshot does, so referrers keep referring.
 */
public class PlaceDirectory {

	private static final Logger log = LoggerFactory.getLogger(PlaceDirectory.class);

	private final RestClient places;

	private final PlaceSnapshots snapshots;

	private final Bulkhead bulkhead;

	private final TimeLimiter timeLimiter;

	private final CircuitBreaker circuitBreaker;

	private final Retry retry;

	private final Counter servedFromSnapshot;

	private final ThreadPoolTaskExecutor callers;

	/** @param callers where look-ups run, so the time limit can give up on one */
	PlaceDirectory(RestClient places, PlaceSnapshots snapshots, Bulkhead bulkhead, TimeLimiter timeLimiter,
			CircuitBreaker circuitBreaker, Retry retry, MeterRegistry meters, ThreadPoolTaskExecutor callers) {
		this.places = places;
		this.snapshots = snapshots;
		this.bulkhead = bulkhead;
		this.timeLimiter = timeLimiter;
		this.circuitBreaker = circuitBreaker;
		this.retry = retry;
		this.servedFromSnapshot = Counter.builder("places.lookup.snapshot")
			.description("Place look-ups answered from the local snapshot because the catalogue could not answer")
			.register(meters);
		this.callers = callers;
	}

	/**
	 * @return the place, or empty when the catalogue says there is no such place
	 * @throws PlacesUnavailable when the catalogue cannot answer and the snapshot does not know the place
	 */
	public Optional<PlaceSummary> find(String placeId) {
		Optional<PlaceSummary> found;
		String token = callersToken();
		try {
			found = guarded(() -> remote(placeId, token)).call();
		}
		catch (Exception failure) {
			Optional<PlaceSummary> snapshot = snapshots.find(placeId);
			if (snapshot.isEmpty()) {
				throw new PlacesUnavailable();
			}
			servedFromSnapshot.increment();
			log.info("Places catalogue did not answer ({}); place {} served from the snapshot", failure.getClass()
				.getSimpleName(), placeId);
			return snapshot;
		}
		if (found.isPresent() && found.get().hostEmail() == null) {
			return withTheHostTheEventsNamed(found.get());
		}
		found.ifPresent(snapshots::keep);
		return found;
	}

	/**
	 * The catalogue shows a host's work contact only to those who look after the place, so a
	 * referrer's look-up comes back without it. The referral goes to the host the place's events
	 * named; the catalogue's answer is not kept, so the snapshot moves forward by events alone and
	 * a host change in a newer version still reaches the open referrals when its event arrives.
	 */
	private Optional<PlaceSummary> withTheHostTheEventsNamed(PlaceSummary place) {
		PlaceSummary known = snapshots.find(place.id()).orElseThrow(PlacesUnavailable::new);
		return Optional.of(new PlaceSummary(place.id(), place.version(), place.name(), place.kind(), place.district(),
				place.area(), known.hostEmail(), place.acceptingReferrals()));
	}

	private <T> Callable<T> guarded(Supplier<T> call) {
		Supplier<T> retried = Retry.decorateSupplier(retry, call);
		Supplier<T> broken = CircuitBreaker.decorateSupplier(circuitBreaker, retried);
		return Bulkhead.decorateCallable(bulkhead,
				() -> timeLimiter.executeFutureSupplier(() -> CompletableFuture.supplyAsync(broken, callers)));
	}

	/**
	 * The catalogue is asked on the caller's behalf, with the token the gateway relayed for
	 * them; it is read here, on the request's thread, as the look-up runs on another.
	 */
	private static String callersToken() {
		return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
				? token.getToken().getTokenValue() : null;
	}

	private Optional<PlaceSummary> remote(String placeId, String token) {
		try {
			CataloguePlace place = places.get()
				.uri("/api/places/{id}", placeId)
				.headers(headers -> {
					if (token != null) {
						headers.setBearerAuth(token);
					}
				})
				.retrieve()
				.body(CataloguePlace.class);
			return Optional.ofNullable(place).map(CataloguePlace::summary);
		}
		catch (HttpClientErrorException.NotFound ex) {
			return Optional.empty();
		}
	}

	/** The part of the catalogue's answer a referral needs. */
	record CataloguePlace(String id, Long version, String name, String kind, String status, Address address,
			Host host, Capacity capacity) {

		PlaceSummary summary() {
			boolean active = "active".equalsIgnoreCase(status);
			boolean hasRoom = capacity == null || capacity.available() > 0;
			String district = address == null ? null : address.district();
			return new PlaceSummary(id, version == null ? 0 : version, name, PlaceSummary.kindCode(kind),
					PlaceSummary.districtOf(district), PlaceSummary.areaOf(district), host == null ? null : host.email(),
					active && hasRoom);
		}

		record Address(String district) {
		}

		record Host(String email) {
		}

		record Capacity(int available) {
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
