package org.communityplaces.referrals.subjectaccess;

import java.net.http.HttpClient;
import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/** The call to notification-service for a copy of what is held, set from {@code notifications.*} in application.yml. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SubjectAccessConfiguration.Settings.class)
class SubjectAccessConfiguration {

	private static final String NAME = "notifications";

	@Bean
	NotificationsHeld notificationsHeld(RestClient.Builder builder, Settings settings, MeterRegistry meters) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build());
		requests.setReadTimeout(settings.readTimeout());
		RestClient notifications = builder.clone().baseUrl(settings.baseUrl()).requestFactory(requests).build();

		CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.ofDefaults();
		CircuitBreaker circuitBreaker = circuitBreakers.circuitBreaker(NAME,
				CircuitBreakerConfig.custom().waitDurationInOpenState(settings.openFor()).build());
		RetryRegistry retries = RetryRegistry.ofDefaults();
		Retry retry = retries.retry(NAME, RetryConfig.custom()
			.maxAttempts(settings.attempts())
			.intervalFunction(IntervalFunction.ofExponentialRandomBackoff(settings.backoff(), 2.0, 0.5))
			.retryExceptions(ResourceAccessException.class, HttpServerErrorException.class)
			.build());
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers).bindTo(meters);
		TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
		return new NotificationsHeld(notifications, circuitBreaker, retry);
	}

	/**
	 * @param openFor how long a failing notification-service is left alone before it is asked again
	 */
	@ConfigurationProperties("notifications")
	record Settings(String baseUrl, Duration connectTimeout, Duration readTimeout, int attempts, Duration backoff,
			Duration openFor) {
	}

}
