package org.communityplaces.places.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The real time, moved on by hand, so months pass in a test without waiting for them. */
final class MovableClock extends Clock {

	private volatile Duration ahead = Duration.ZERO;

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(instant(), zone);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(ahead);
	}

	void advance(Duration duration) {
		ahead = ahead.plus(duration);
	}

	void reset() {
		ahead = Duration.ZERO;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		MovableClock clock() {
			return new MovableClock();
		}

	}

}
