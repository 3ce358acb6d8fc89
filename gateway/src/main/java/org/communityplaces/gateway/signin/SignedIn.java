package org.communityplaces.gateway.signin;

import java.security.Principal;
import java.util.Optional;

import org.springframework.security.core.Authentication;

/** Who is signed in, however they signed in: a password (HTTP Basic or the sign-in page) or a provider. */
final class SignedIn {

	private SignedIn() {
	}

	static Optional<Person> person(Principal principal) {
		if (principal instanceof Authentication authentication) {
			if (authentication.getPrincipal() instanceof Person person) {
				return Optional.of(person);
			}
			if (authentication.getPrincipal() instanceof ProviderSignIn.SignedInWithProvider provider) {
				return Optional.of(provider.person());
			}
		}
		return Optional.empty();
	}

}
