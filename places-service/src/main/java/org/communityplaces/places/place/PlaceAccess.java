package org.communityplaces.places.place;

import java.util.regex.Pattern;

import org.communityplaces.platform.audit.AuditLog;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.caller.CallerProblems;
import org.communityplaces.platform.caller.Role;
import org.communityplaces.platform.problem.Problem;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may change the catalogue: admins change anything; a host keeps their own places' opening
 * times, capacity and host contact up to date, and is told another venue's place is not there,
 * an attempt written to the audit log.
 */
@Component
public class PlaceAccess {

	private final AuditLog audit;

	PlaceAccess(AuditLog audit) {
		this.audit = audit;
	}

	public static void requireAdmin(Caller caller) {
		if (!caller.is(Role.ADMIN)) {
			throw new CallerProblems.NotAllowed("Only admins register, replace, remove and import places.");
		}
	}

	/** Which places the caller looks after: a host their own, an admin every one. */
	static Criteria lookedAfterBy(Caller caller) {
		if (caller.is(Role.ADMIN)) {
			return new Criteria();
		}
		if (caller.is(Role.HOST) && caller.email() != null) {
			return Criteria.where("host.email").regex("^" + Pattern.quote(caller.email()) + "$", "i");
		}
		throw new CallerProblems.NotAllowed("Only hosts and admins look after places.");
	}

	/** An admin, or the host whose contact the place holds. */
	void requireSteward(Caller caller, Place place, String purpose) {
		if (caller.is(Role.ADMIN) || caller.hosts(place.host().email())) {
			return;
		}
		if (caller.is(Role.HOST)) {
			audit.refused(caller, "place", place.id(), purpose);
			throw new Problem(HttpStatus.NOT_FOUND, "Place not found", "There is no such place among yours.");
		}
		throw new CallerProblems.NotAllowed("Only the place's host or an admin keeps it up to date.");
	}

}
