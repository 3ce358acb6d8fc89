package org.communityplaces.gateway.signin;

import java.security.Principal;
import java.util.List;
import java.util.stream.StreamSupport;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** For the pages: who is signed in, and which providers the sign-in page offers. */
@RestController
class SignedInController {

	private final List<Provider> providers;

	SignedInController(ObjectProvider<ReactiveClientRegistrationRepository> registrations) {
		this.providers = registrations.getIfAvailable() instanceof InMemoryReactiveClientRegistrationRepository configured
				? StreamSupport.stream(configured.spliterator(), false).map(Provider::of).toList() : List.of();
	}

	@GetMapping("/api/me")
	Mono<ResponseEntity<PersonView>> me(Mono<Principal> principal) {
		return principal.flatMap(signedIn -> Mono.justOrEmpty(SignedIn.person(signedIn)))
			.map(person -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(PersonView.of(person)));
	}

	@GetMapping("/sign-in/providers")
	List<Provider> providers() {
		return providers;
	}

	record Provider(String name, String signInAddress) {

		static Provider of(ClientRegistration registration) {
			return new Provider(registration.getClientName(),
					"/oauth2/authorization/" + registration.getRegistrationId());
		}

	}

}
