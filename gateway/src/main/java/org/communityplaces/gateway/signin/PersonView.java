package org.communityplaces.gateway.signin;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/** What the pages are told of the person signed in: enough to greet them and show their role's pages. */
record PersonView(String username, String name, String role, String email, String organisation,
		String organisationName) {

	private static final JsonMapper json = JsonMapper.builder().build();

	static PersonView of(Person person) {
		return new PersonView(person.username(), person.name(), person.role(), person.email(), person.organisation(),
				person.organisationName());
	}

	/** The answer to a sign-in from the sign-in page: who signed in, and the page to go on to. */
	Mono<Void> writeTo(ServerWebExchange exchange, String then) {
		SignedInAnswer answer = new SignedInAnswer(this, then);
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.OK);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		response.getHeaders().setCacheControl("no-store");
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(json.writeValueAsBytes(answer))));
	}

	private record SignedInAnswer(@JsonUnwrapped PersonView person, String then) {
	}

}
