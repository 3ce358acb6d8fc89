package org.communityplaces.gateway.signin;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Locks an account after repeated failed sign-ins, so a password cannot be guessed by trying.
 * Counted per gateway instance, in memory.
 */
final class Lockout {

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	private final SignInSettings settings;

	private final Clock clock;

	Lockout(SignInSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	boolean locked(String username) {
		return lockedUntil(username) != null;
	}

	/** Until when the account is locked, or null when it is not. */
	Instant lockedUntil(String username) {
		Failures record = failures.get(key(username));
		return record != null && record.lockedUntil() != null && record.lockedUntil().isAfter(clock.instant())
				? record.lockedUntil() : null;
	}

	void failed(String username) {
		failures.compute(key(username), (name, record) -> {
			int count = record == null || record.lockedUntil() != null ? 1 : record.count() + 1;
			Instant lockedUntil = count >= settings.maxFailures() ? clock.instant().plus(settings.lockFor()) : null;
			return new Failures(count, lockedUntil);
		});
	}

	/** A sign-in succeeded, or an admin unlocked the account: the count starts again. */
	void reset(String username) {
		failures.remove(key(username));
	}

	private static String key(String username) {
		return username == null ? "" : username.toLowerCase(Locale.ROOT);
	}

	private record Failures(int count, Instant lockedUntil) {
	}

}
