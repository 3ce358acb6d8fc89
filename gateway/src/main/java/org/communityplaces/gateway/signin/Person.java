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

}
