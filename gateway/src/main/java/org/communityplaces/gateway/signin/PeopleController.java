package org.communityplaces.gateway.signin;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For admins: the people of the built-in store, whether each is locked out, and unlocking one.
 * People are added and removed in the gateway's configuration ({@code gateway.sign-in.users}),
 * or at the OpenID Connect provider for those who sign in there.
 */
@RestController
class PeopleController {

	private final SignInSettings settings;

	private final Lockout lockout;

	PeopleController(SignInSettings settings, Lockout lockout) {
		this.settings = settings;
		this.lockout = lockout;
	}

	@GetMapping("/api/people")
	Mono<List<Account>> people() {
		return Flux.fromStream(settings.users()
			.stream()
			.sorted(Comparator.comparing(Person::role).thenComparing(Person::username)))
			.concatMap(person -> lockout.lockedUntil(person.username())
				.map(until -> Account.of(person, until))
				.defaultIfEmpty(Account.of(person, null)))
			.collectList();
	}

	@PostMapping("/api/people/{username}/unlock")
	Mono<ResponseEntity<Object>> unlock(@PathVariable String username) {
		return settings.users().stream().filter(person -> person.username().equals(username)).findFirst()
			.map(person -> lockout.reset(username).thenReturn(ResponseEntity.<Object>ok(Account.of(person, null))))
			.orElseGet(() -> {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
						"Nobody of that username is in the built-in store.");
				problem.setTitle("No such person");
				return Mono.just(ResponseEntity.of(problem).build());
			});
	}

	/** A person as an admin sees them: never the password hash. */
	record Account(String username, String name, String role, String email, String organisationName,
			Instant lockedUntil) {

		static Account of(Person person, Instant lockedUntil) {
			return new Account(person.username(), person.name(), person.role(), person.email(), person.organisationName(),
					lockedUntil);
		}

	}

}
