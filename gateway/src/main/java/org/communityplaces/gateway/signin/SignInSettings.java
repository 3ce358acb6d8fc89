package org.communityplaces.gateway.signin;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The built-in user store and its lockout, from {@code gateway.sign-in} (empty by default; the
 * embedded stack's {@code demo} profile seeds demo users), and how people signing in with an
 * OpenID Connect provider are given their role.
 *
 * @param maxFailures failed sign-ins in a row before the account is locked
 * @param lockFor how long a locked account stays locked
 */
@ConfigurationProperties("gateway.sign-in")
record SignInSettings(List<Person> users, int maxFailures, Duration lockFor, Oidc oidc) {

	SignInSettings {
		users = users == null ? List.of() : List.copyOf(users);
		oidc = oidc == null ? new Oidc(null, null, null, null, null) : oidc;
	}

	/**
	 * What the provider's ID token says of a person. Whoever has no role that maps is not let in.
	 *
	 * @param roleClaim the claim holding the person's roles or groups (a string or a list)
	 * @param roles a provider's role or group to ours ({@code referrer}, {@code host},
	 * {@code commissioner}, {@code admin}); with none, the claim must hold our role names
	 * @param organisationClaim the claim holding a referrer's organisation id (its ODS code)
	 * @param organisationNameClaim the claim holding that organisation's name
	 * @param organisationPattern the form an organisation id must have (by default an ODS code:
	 * 3 to 10 capital letters and digits)
	 */
	record Oidc(String roleClaim, Map<String, String> roles, String organisationClaim, String organisationNameClaim,
			String organisationPattern) {

		Oidc {
			roleClaim = roleClaim == null ? "roles" : roleClaim;
			roles = roles == null ? Map.of() : Map.copyOf(roles);
			organisationClaim = organisationClaim == null ? "organisation" : organisationClaim;
			organisationNameClaim = organisationNameClaim == null ? "organisation_name" : organisationNameClaim;
			organisationPattern = organisationPattern == null ? "[A-Z0-9]{3,10}" : organisationPattern;
		}

	}

}
