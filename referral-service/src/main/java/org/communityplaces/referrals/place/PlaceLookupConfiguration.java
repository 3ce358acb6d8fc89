package org.communityplaces.referrals.place;

import java.net.http.HttpClient;
import java.time.Duration;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/** The place look-up and its Resilience4j guards, set from {@code places.*} in application.yml. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlaceLookupConfiguration.Settings.class)
class PlaceLookupConfiguration {

	static final String NAME = "places";

	static final String LOOKUP_EXECUTOR = "placeLookupExecutor";

	@Bean
	PlaceDirectory placeDirectory(RestClient.Builder builder, PlaceSnapshots snapshots, Settings settings,
			MeterRegistry meters, @Qualifier(LOOKUP_EXECUTOR) ThreadPoolTaskExecutor placeLookupExecutor) {
		return create(builder, snapshots, settings, meters, placeLookupExecutor);
	}

	/**
	 * The look-ups run on threads made as needed (the bulkhead bounds how many are under way): one
	 * the time limit gave up on may still hold its thread until its read timeout, and a new
	 * look-up must not wait behind it.
	 * Started, measured and stopped by Spring; not a default candidate, so Spring Boot still
	 * provides its {@code applicationTaskExecutor}.
	 */
	@Bean(name = LOOKUP_EXECUTOR, defaultCandidate = false)
	ThreadPoolTaskExecutor placeLookupExecutor(ObjectProvider<ThreadPoolTaskExecutorBuilder> builder) {
		return lookupThreads(builder.getIfAvailable(ThreadPoolTaskExecutorBuilder::new));
	}

	static ThreadPoolTaskExecutor lookupThreads(ThreadPoolTaskExecutorBuilder builder) {
		return builder.corePoolSize(0)
			.maxPoolSize(Integer.MAX_VALUE)
			.queueCapacity(0)
			.threadNamePrefix("place-lookup-")
			.build();
	}

	static PlaceDirectory create(RestClient.Builder builder, PlaceSnapshots snapshots, Settings settings,
			MeterRegistry meters, ThreadPoolTaskExecutor callers) {
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build());
		requestFactory.setReadTimeout(settings.readTimeout());
		RestClient places = builder.baseUrl(settings.baseUrl()).requestFactory(requestFactory).build();

		BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();
		Bulkhead bulkhead = bulkheads.bulkhead(NAME, BulkheadConfig.custom()
			.maxConcurrentCalls(settings.maxConcurrentCalls())
			.maxWaitDuration(Duration.ZERO)
			.build());
		TimeLimiterRegistry timeLimiters = TimeLimiterRegistry.ofDefaults();
		TimeLimiter timeLimiter = timeLimiters.timeLimiter(NAME,
				TimeLimiterConfig.custom().timeoutDuration(settings.timeout()).cancelRunningFuture(true).build());
		CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.ofDefaults();
		CircuitBreaker circuitBreaker = circuitBreakers.circuitBreaker(NAME, CircuitBreakerConfig.custom()
			.slidingWindowSize(settings.circuitWindow())
			.minimumNumberOfCalls(settings.circuitWindow())
			.failureRateThreshold(settings.failureRateThreshold())
			.waitDurationInOpenState(settings.openFor())
			.permittedNumberOfCallsInHalfOpenState(2)
			.build());
		RetryRegistry retries = RetryRegistry.ofDefaults();
		Retry retry = retries.retry(NAME, RetryConfig.custom()
			.maxAttempts(settings.attempts())
			.intervalFunction(IntervalFunction.ofExponentialRandomBackoff(settings.backoff(), 2.0, 0.5))
			.retryExceptions(ResourceAccessException.class, HttpServerErrorException.class)
			.build());

		TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
		TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(timeLimiters).bindTo(meters);
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers).bindTo(meters);
		TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
		return new PlaceDirectory(places, snapshots, bulkhead, timeLimiter, circuitBreaker, retry, meters, callers);
	}

	@ConfigurationProperties("places")
	record Settings(String baseUrl, Duration connectTimeout, Duration readTimeout, Duration timeout, int attempts,
			Duration backoff, int maxConcurrentCalls, int circuitWindow, float failureRateThreshold,
			Duration openFor) {
	}

}
