package org.communityplaces.gateway.signin;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The JWKS the services check relayed tokens against. */
@RestController
class PublicKeysController {

	private final RelayTokens tokens;

	PublicKeysController(RelayTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping("/.well-known/jwks.json")
	Map<String, Object> publicKeys() {
		return tokens.publicKeys();
	}

}
