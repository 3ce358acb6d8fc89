package org.communityplaces.platform.caller;

/**
 * Who is asking: the signed-in person the gateway vouches for. A referrer's
 * {@code organisation} is their organisation's id (its ODS code where it has one); a host is
 * known by the e-mail address the places catalogue holds as the host contact of their places.
 */
public record Caller(String id, Role role, String name, String email, String organisation,
		String organisationName) {

	public boolean is(Role other) {
		return role == other;
	}

	/** A host answers for a place whose host contact is their own e-mail address. */
	public boolean hosts(String placeHostEmail) {
		return role == Role.HOST && email != null && email.equalsIgnoreCase(placeHostEmail);
	}

	/** A referrer sees the referrals their organisation made. */
	public boolean belongsTo(String referringOrganisation) {
		return role == Role.REFERRER && organisation != null && organisation.equals(referringOrganisation);
	}

}
