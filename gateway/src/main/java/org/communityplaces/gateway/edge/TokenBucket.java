package org.communityplaces.gateway.edge;

/** A token bucket: tokens refill continuously at the steady rate, up to the burst. */
final class TokenBucket {

	private double tokens;

	private long updatedAt = System.nanoTime();

	TokenBucket(double tokens) {
		this.tokens = tokens;
	}

	/** @return 0 if a token was taken, else the milliseconds until one will be there */
	synchronized long take(double capacity, double perSecond, long now) {
		refill(capacity, perSecond, now);
		if (tokens >= 1) {
			tokens -= 1;
			return 0;
		}
		return (long) Math.ceil((1 - tokens) / perSecond * 1000);
	}

	synchronized boolean fullBy(double capacity, double perSecond, long now) {
		refill(capacity, perSecond, now);
		return tokens >= capacity;
	}

	private void refill(double capacity, double perSecond, long now) {
		tokens = Math.min(capacity, tokens + (now - updatedAt) / 1e9 * perSecond);
		updatedAt = now;
	}

}
