package org.communityplaces.gateway.signin;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.ConnectionString;
import org.communityplaces.platform.testing.MongoWireTestServer;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.SimpleReactiveMongoDatabaseFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Whether someone has an account must not show in how long a wrong sign-in takes: an unknown
 * username costs the same slow password check as a known one.
 */
class PasswordSignInTests {

	private final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	private final AtomicInteger checks = new AtomicInteger();

	private final List<String> costs = new CopyOnWriteArrayList<>();

	/** The real encoder, counting the slow checks it makes and at what cost. */
	private final PasswordEncoder passwords = new PasswordEncoder() {

		@Override
		public String encode(CharSequence password) {
			return bcrypt.encode(password);
		}

		@Override
		public boolean matches(CharSequence password, String hash) {
			checks.incrementAndGet();
			costs.add(hash.substring(0, "{bcrypt}$2a$05$".length()));
			return bcrypt.matches(password, hash);
		}

	};

	private final Person sam = new Person("sam", "{bcrypt}" + new BCryptPasswordEncoder(5).encode("right"), "referrer",
			"Sam Link", "sam@surgery.example.org", "C88001", "Hillsborough Surgery");

	private final PasswordSignIn signIn = new PasswordSignIn(Map.of("sam", sam), passwords,
			new Lockout(store(), new SignInSettings(List.of(sam), 5, Duration.ofMinutes(15), null), Clock.systemUTC()),
			Clock.systemUTC());

	@Test
	void anUnknownUsernameIsCheckedAsSlowlyAsAKnownOne() {
		assertThatThrownBy(() -> signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("sam", "wrong"))
			.block()).isInstanceOf(BadCredentialsException.class);
		assertThatThrownBy(() -> signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("nobody", "wrong"))
			.block()).isInstanceOf(BadCredentialsException.class);

		assertThat(checks).as("slow password checks").hasValue(2);
		assertThat(costs).as("each at the cost of the known person's hash").containsExactly("{bcrypt}$2a$05$",
				"{bcrypt}$2a$05$");
	}

	private static ReactiveMongoTemplate store() {
		return new ReactiveMongoTemplate(new SimpleReactiveMongoDatabaseFactory(
				new ConnectionString(MongoWireTestServer.databaseUri(PasswordSignInTests.class))));
	}

}
