package org.communityplaces.gateway.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks a username and password against the built-in store, with lockout after repeated
 * failures. A slow password hash on every call would cost a core a few requests a second, so a
 * success is remembered for a minute under a digest of the credentials (never the password).
 * <p>
 * Each attempt is counted before its password is checked, so guesses sent all at once cannot
 * slip past the lock while the first of them is still being checked. An unknown username is
 * checked against a decoy hash as slow as a real one, so how long a refusal takes does not tell
 * who has an account.
 */
class PasswordSignIn implements ReactiveAuthenticationManager {

	private static final Duration REMEMBER = Duration.ofMinutes(1);

	private static final Pattern BCRYPT_COST = Pattern.compile("^\\{bcrypt}\\$2[aby]?\\$(\\d\\d)\\$");

	private final Map<String, Person> people;

	private final PasswordEncoder passwords;

	private final String decoyHash;

	private final Lockout lockout;

	private final Clock clock;

	private final Map<String, Remembered> recent = new ConcurrentHashMap<>();

	PasswordSignIn(Map<String, Person> people, PasswordEncoder passwords, Lockout lockout, Clock clock) {
		this.people = people;
		this.passwords = passwords;
		this.decoyHash = decoyHash(people, passwords);
		this.lockout = lockout;
		this.clock = clock;
	}

	@Override
	public Mono<Authentication> authenticate(Authentication attempt) {
		String username = attempt.getName();
		String password = String.valueOf(attempt.getCredentials());
		return lockout.lockedUntil(username)
			.flatMap(until -> Mono.<Authentication>error(new LockedException("Too many failed sign-ins")))
			.switchIfEmpty(Mono.defer(() -> notLocked(username, password)));
	}

	private Mono<Authentication> notLocked(String username, String password) {
		String digest = digest(username, password);
		Remembered remembered = recent.get(digest);
		if (remembered != null && remembered.until().isAfter(clock.instant())) {
			return Mono.just(signedIn(remembered.person()));
		}
		return lockout.reserveAttempt(username)
			.flatMap(reserved -> reserved
					? Mono.fromCallable(() -> check(username, password, digest))
						.subscribeOn(Schedulers.boundedElastic())
						.flatMap(person -> lockout.reset(username).thenReturn(signedIn(person)))
					: Mono.error(new LockedException("Too many failed sign-ins")));
	}

	private Person check(String username, String password, String digest) {
		Person person = people.get(username);
		boolean matches = passwords.matches(password, person == null ? decoyHash : person.getPassword());
		if (person == null || !matches) {
			throw new BadCredentialsException("Wrong username or password");
		}
		recent.put(digest, new Remembered(person, clock.instant().plus(REMEMBER)));
		return person;
	}

	/**
	 * The hash of a password nobody knows, made as slow to check as the people's own: at the cost
	 * of their bcrypt hashes, or the encoder's default for other kinds.
	 */
	private static String decoyHash(Map<String, Person> people, PasswordEncoder passwords) {
		String unknowable = UUID.randomUUID().toString();
		return people.values()
			.stream()
			.map(person -> BCRYPT_COST.matcher(String.valueOf(person.getPassword())))
			.filter(Matcher::find)
			.findFirst()
			.map(cost -> "{bcrypt}" + new BCryptPasswordEncoder(Integer.parseInt(cost.group(1))).encode(unknowable))
			.orElseGet(() -> passwords.encode(unknowable));
	}

	private static Authentication signedIn(Person person) {
		return UsernamePasswordAuthenticationToken.authenticated(person.withoutPasswordHash(), null,
				person.getAuthorities());
	}

	private static String digest(String username, String password) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha.digest((username + "\u0000" + password).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}

	private record Remembered(Person person, Instant until) {
	}

}
