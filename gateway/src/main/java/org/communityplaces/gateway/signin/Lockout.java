package org.communityplaces.gateway.signin;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

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

	/**
	 * Counts an attempt as failed before its password is checked, so that attempts made at the
	 * same time are all counted: the one that reaches the limit locks the account.
	 * @return false when the account is locked and the password must not be checked
	 */
	boolean reserveAttempt(String username) {
		Instant now = clock.instant();
		AtomicBoolean reserved = new AtomicBoolean();
		failures.compute(key(username), (name, record) -> {
			if (record != null && record.lockedUntil() != null && record.lockedUntil().isAfter(now)) {
				return record;
			}
			reserved.set(true);
			int count = record == null || record.lockedUntil() != null ? 1 : record.count() + 1;
			return new Failures(count, count >= settings.maxFailures() ? now.plus(settings.lockFor()) : null);
		});
		return reserved.get();
	}

	/** A sign-in succeeded, or an admin unlocked the account: the count starts again, reserved attempts with it. */
	void reset(String username) {
		failures.remove(key(username));
	}

	private static String key(String username) {
		return username == null ? "" : username.toLowerCase(Locale.ROOT);
	}

	private record Failures(int count, Instant lockedUntil) {
	}

}
