package org.communityplaces.gateway.signin;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Someone who signs in: their role, and what the services need to know of them (name, work
 * e-mail, and for a referrer their organisation).
 *
 * @param passwordHash with its algorithm, e.g. {@code {bcrypt}$2a$12$...}; never the password;
 *        none for someone an OpenID Connect provider vouches for
 */
record Person(String username, String passwordHash, String role, String name, String email, String organisation,
		String organisationName) implements UserDetails {

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	/** Who signed in, as their session keeps them in the shared store: the hash stays in the configuration. */
	Person withoutPasswordHash() {
		return new Person(username, null, role, name, email, organisation, organisationName);
	}

}
