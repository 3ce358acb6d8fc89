package org.communityplaces.gateway.signin;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
 * guessing which they meant could show them data that is not theirs to see.
 */
class ProviderSignIn implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

	private static final Set<String> OUR_ROLES = Set.of("referrer", "host", "commissioner", "admin");

	private final OidcReactiveOAuth2UserService provider = new OidcReactiveOAuth2UserService();

	private final SignInSettings.Oidc mapping;

	ProviderSignIn(SignInSettings.Oidc mapping) {
		this.mapping = mapping;
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
		if (roles.size() != 1) {
			throw new OAuth2AuthenticationException(new OAuth2Error("access_denied",
					roles.isEmpty() ? "You have no role in Community places. Ask your administrator for one."
							: "You have more than one role in Community places. Ask your administrator to keep one.",
					null));
		}
		Person person = new Person(user.getSubject(), null, roles.iterator().next(), user.getFullName(), user.getEmail(),
				user.getClaimAsString(mapping.organisationClaim()), user.getClaimAsString(mapping.organisationNameClaim()));
		return new SignedInWithProvider(person, user);
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
