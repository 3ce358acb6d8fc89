package org.communityplaces.referrals.erasure;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a person's details are kept once their referral has closed.
 *
 * @param keepFor from the day it closed, counted in the service's time zone (P7Y)
 * @param checkInterval how often the service looks for referrals past it
 */
@ConfigurationProperties("referrals.retention")
record RetentionPeriod(Period keepFor, Duration checkInterval) {

	RetentionPeriod {
		if (keepFor == null || keepFor.isNegative() || keepFor.isZero()) {
			throw new IllegalArgumentException("referrals.retention.keep-for must be a period of at least a day, such as P7Y");
		}
	}

	/** Referrals closed before this, seen at {@code now}, are past their retention period. */
	Instant closedBefore(Instant now, ZoneId timeZone) {
		return now.atZone(timeZone).minus(keepFor).toInstant();
	}

}
