package org.communityplaces.places.place;

import java.util.List;
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
 * an attempt written to the audit log. Every change is written there too.
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

	/**
	 * The parts of the place the caller may change, as the management API names them: for an
	 * admin all of it ({@code details} by replacing it whole) and its removal, for its host the
	 * parts a venue keeps up to date itself.
	 */
	static List<String> changesFor(Caller caller, Place place) {
		if (caller.is(Role.ADMIN)) {
			return List.of("details", "opening-times", "capacity", "host", "listing-dates", "confirm", "remove");
		}
		return caller.hosts(place.host().email())
				? List.of("opening-times", "capacity", "host", "listing-dates", "confirm")
				: List.of();
	}

	/** Writes to the audit trail that the caller made, changed, confirmed or removed the place. */
	public void changed(Caller caller, Place place, String purpose) {
		audit.changed(caller, "place", place.id(), purpose);
	}

	/** An admin, or the host whose contact the place holds. */
	public void requireSteward(Caller caller, Place place, String purpose) {
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
