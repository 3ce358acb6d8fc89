package org.communityplaces.gateway.signin;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The built-in user store and its lockout, from {@code gateway.sign-in} (empty by default; the
 * embedded stack's {@code demo} profile seeds demo users).
 *
 * @param maxFailures failed sign-ins in a row before the account is locked
 * @param lockFor how long a locked account stays locked
 */
@ConfigurationProperties("gateway.sign-in")
record SignInSettings(List<Person> users, int maxFailures, Duration lockFor) {

	SignInSettings {
		users = users == null ? List.of() : List.copyOf(users);
	}

}
