package org.communityplaces.referrals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** A clock the tests move by hand, so deadlines pass without waiting for them. */
public final class TestClock extends Clock {

	/** A Monday morning, so working days are easy to count. */
	public static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

	private volatile Instant now = START;

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(now, zone);
	}

	@Override
	public Instant instant() {
		return now;
	}

	public void set(Instant instant) {
		now = instant;
	}

	public void advance(Duration duration) {
		now = now.plus(duration);
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		TestClock clock() {
			return new TestClock();
		}

	}

}
