package org.communityplaces.gateway.signin;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Sign-in with an OpenID Connect provider (Keycloak, Entra ID...): the provider vouches for who
 * someone is, and its ID token's claims say which of our roles they have, mapped by
 * {@code gateway.sign-in.oidc}. Someone with no role, or with more than one, is not let in:
 * guessing which they meant could show them data that is not theirs to see. Their e-mail
 * address and organisation are the keys to hosts' and referrers' data, so the provider must
 * have verified the address, and the organisation must be one code of the configured form
 * (an ODS code by default): a referrer must have one, and nobody may bring a malformed one.
 */
class ProviderSignIn implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

	/** Why someone was not let in, as the sign-in page is told: {@code ?refused=<reason>}. */
	static final Set<String> REFUSALS = Set.of("no-role", "many-roles", "unverified-email", "organisation");

	/** Whatever form is configured, a code is never longer than this. */
	private static final int LONGEST_ORGANISATION = 64;

	private static final int LONGEST_NAME = 200;

	private static final Set<String> OUR_ROLES = Set.of("referrer", "host", "commissioner", "admin");

	private final OidcReactiveOAuth2UserService provider = new OidcReactiveOAuth2UserService();

	private final SignInSettings.Oidc mapping;

	private final Pattern organisationCode;

	ProviderSignIn(SignInSettings.Oidc mapping) {
		this.mapping = mapping;
		this.organisationCode = Pattern.compile(mapping.organisationPattern());
	}

	@Override
	public Mono<OidcUser> loadUser(OidcUserRequest request) {
		return provider.loadUser(request).map(this::person);
	}

	private OidcUser person(OidcUser user) {
		Set<String> roles = claimValues(user.getClaim(mapping.roleClaim())).stream()
			.map(this::ourRole)
			.filter(OUR_ROLES::contains)
			.collect(Collectors.toSet());
		if (roles.isEmpty()) {
			throw refused("no-role", "no role maps to one of ours");
		}
		if (roles.size() > 1) {
			throw refused("many-roles", "more than one role maps to ours");
		}
		String role = roles.iterator().next();
		if (!Boolean.TRUE.equals(user.getEmailVerified()) || user.getEmail() == null || user.getEmail().isBlank()) {
			throw refused("unverified-email", "the provider has not verified the e-mail address");
		}
		Object organisation = user.getClaim(mapping.organisationClaim());
		boolean wellFormed = organisation instanceof String code && code.length() <= LONGEST_ORGANISATION
				&& organisationCode.matcher(code).matches();
		if (organisation == null ? role.equals("referrer") : !wellFormed) {
			throw refused("organisation", "the organisation claim is missing or not a code of the configured form");
		}
		Object organisationName = user.getClaim(mapping.organisationNameClaim());
		if (organisationName != null && !(organisationName instanceof String name && name.length() <= LONGEST_NAME
				&& name.codePoints().noneMatch(Character::isISOControl))) {
			throw refused("organisation", "the organisation's name is not a line of text");
		}
		Person person = new Person(user.getSubject(), null, role, user.getFullName(), user.getEmail(),
				(String) organisation, (String) organisationName);
		return new SignedInWithProvider(person, user);
	}

	private static OAuth2AuthenticationException refused(String reason, String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(reason, description, null));
	}

	private String ourRole(String providerRole) {
		String mapped = mapping.roles().get(providerRole);
		return (mapped != null ? mapped : providerRole).toLowerCase(Locale.ROOT);
	}

	private static List<String> claimValues(Object claim) {
		if (claim instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		return claim == null ? List.of() : List.of(String.valueOf(claim));
	}

	/** The provider's person, with the role and details the gateway relays for them. */
	static final class SignedInWithProvider extends DefaultOidcUser {

		private final Person person;

		SignedInWithProvider(Person person, OidcUser user) {
			super(person.getAuthorities(), user.getIdToken(), user.getUserInfo());
			this.person = person;
		}

		Person person() {
			return person;
		}

	}

}
