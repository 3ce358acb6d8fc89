package org.communityplaces.places.place;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.communityplaces.platform.problem.Problem;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpStatus;

/**
 * What an admin or host narrows their list of places by, each part optional: words in the name
 * (or the organisation's), the start of the postcode however it is spaced, the kind, the status.
 */
record PlaceFilter(String name, String postcode, PlaceKind kind, PlaceStatus status) {

	/**
	 * The filter as the request's parameters say it: a kind or status by its constant or its
	 * vocabulary code, exactly (Spring's own conversion would take {@code PUB} followed by
	 * control characters).
	 */
	static PlaceFilter of(String name, String postcode, String kind, String status) {
		return new PlaceFilter(name, postcode,
				kind == null ? null : PlaceKind.ofCode(kind).orElseThrow(() -> invalid("kind", PlaceKind.alternatives())),
				status == null ? null
						: PlaceStatus.ofHsds(status).orElseThrow(() -> invalid("status", PlaceStatus.alternatives())));
	}

	private static Problem invalid(String parameter, String alternatives) {
		String reason = "must be " + alternatives;
		return new Problem(HttpStatus.BAD_REQUEST, "Invalid request", "Invalid value for " + parameter + ": " + reason + ".",
				parameter, reason);
	}

	Criteria criteria() {
		List<Criteria> parts = new ArrayList<>();
		if (name != null && !name.isBlank()) {
			String containing = Pattern.quote(name.strip());
			parts.add(new Criteria().orOperator(Criteria.where("name").regex(containing, "i"),
					Criteria.where("organization.name").regex(containing, "i")));
		}
		if (postcode != null && !postcode.isBlank()) {
			String start = postcode.replace(" ", "").toUpperCase(Locale.ROOT);
			parts.add(Criteria.where("location.address.postcode")
				.regex("^" + String.join(" ?", start.split("")), "i"));
		}
		if (kind != null) {
			parts.add(Criteria.where("kind").is(kind));
		}
		if (status != null) {
			parts.add(Criteria.where("status").is(status));
		}
		return parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts);
	}

}
