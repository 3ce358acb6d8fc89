package org.communityplaces.places.oruk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.communityplaces.places.place.Attendance;
import org.communityplaces.places.place.Freshness;
import org.communityplaces.places.place.OpeningTime;
import org.communityplaces.places.place.Place;
import org.communityplaces.places.place.PlaceStatus;
import org.communityplaces.places.taxonomy.Taxonomy;
import org.communityplaces.places.taxonomy.TaxonomyTerm;
import org.communityplaces.places.taxonomy.Taxonomies;

import org.springframework.stereotype.Component;

/**
 * Writes places as Open Referral UK 3.0 documents. A place is one service at one location;
 * the ids of the parts (location, schedules, cost option, contact, attributes) are derived
 * from the place id, so they are stable from one read to the next. The host's e-mail and
 * phone stay out of the open API: they are for routing referrals, not for publishing.
 */
@Component
class OrukDocuments {

	private final Taxonomies taxonomies;

	private final Freshness freshness;

	OrukDocuments(Taxonomies taxonomies, Freshness freshness) {
		this.taxonomies = taxonomies;
		this.freshness = freshness;
	}

	Map<String, Object> service(Place place) {
		Map<String, Object> service = serviceSummary(place);
		service.put("schedules", schedules(place));
		service.put("service_at_locations", List.of(serviceAtLocationOfService(place)));
		service.put("cost_options", costOptions(place));
		service.put("contacts", contacts(place));
		service.put("attributes", attributes(place));
		service.put("capacities", capacities(place));
		return service;
	}

	/** An active place closed until a later day is, for now, temporarily closed. */
	private PlaceStatus status(Place place) {
		return place.status() == PlaceStatus.ACTIVE && freshness.closedUntil(place.upkeep().closedUntil()) != null
				? PlaceStatus.TEMPORARILY_CLOSED : place.status();
	}

	Map<String, Object> serviceSummary(Place place) {
		Map<String, Object> service = new LinkedHashMap<>();
		service.put("id", place.id());
		service.put("organization_id", place.organization().id());
		service.put("name", place.name());
		service.put("description", place.description() == null ? "" : place.description());
		service.put("status", status(place).hsds());
		if (place.offer().minimumAge() != null) {
			service.put("minimum_age", place.offer().minimumAge());
		}
		if (place.offer().maximumAge() != null) {
			service.put("maximum_age", place.offer().maximumAge());
		}
		service.put("last_modified", place.timeline().lastModified().toString());
		service.put("organization", organization(place));
		return service;
	}

	Map<String, Object> serviceAtLocationSummary(Place place) {
		Map<String, Object> link = new LinkedHashMap<>();
		link.put("id", place.serviceAtLocationId());
		link.put("service_id", place.id());
		link.put("location_id", locationId(place));
		link.put("location", locationSummary(place));
		Map<String, Object> service = new LinkedHashMap<>(serviceSummary(place));
		service.remove("organization");
		link.put("service", service);
		return link;
	}

	/** A service at its location, whole: the location with its address and access, and all the service offers. */
	Map<String, Object> serviceAtLocation(Place place) {
		Map<String, Object> link = serviceAtLocationOfService(place);
		Map<String, Object> service = service(place);
		service.remove("service_at_locations");
		link.put("service", service);
		return link;
	}

	Map<String, Object> taxonomy(Taxonomy taxonomy) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("id", taxonomy.id());
		document.put("name", taxonomy.name());
		document.put("description", taxonomy.description());
		document.put("version", "1");
		return document;
	}

	Map<String, Object> term(TaxonomyTerm term) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("id", term.id());
		document.put("name", term.name());
		document.put("description", term.description());
		document.put("taxonomy", term.taxonomyCode());
		document.put("taxonomy_id", term.taxonomyId());
		document.put("term", term.code());
		return document;
	}

	private static String locationId(Place place) {
		return Taxonomies.stableId("location", place.id());
	}

	private Map<String, Object> organization(Place place) {
		Map<String, Object> organization = new LinkedHashMap<>();
		organization.put("id", place.organization().id());
		organization.put("name", place.organization().name());
		organization.put("description",
				place.organization().description() == null ? "" : place.organization().description());
		return organization;
	}

	private Map<String, Object> serviceAtLocationOfService(Place place) {
		Map<String, Object> link = new LinkedHashMap<>();
		link.put("id", place.serviceAtLocationId());
		link.put("service_id", place.id());
		link.put("location_id", locationId(place));
		Map<String, Object> location = locationSummary(place);
		location.put("addresses", address(place).map(List::of).orElse(List.of()));
		location.put("accessibility", accessibility(place));
		link.put("location", location);
		return link;
	}

	private static Map<String, Object> locationSummary(Place place) {
		Map<String, Object> location = new LinkedHashMap<>();
		location.put("id", locationId(place));
		location.put("location_type", place.location().attendance() == Attendance.ONLINE ? "virtual" : "physical");
		location.put("name", place.name());
		if (place.location().hasPosition()) {
			location.put("latitude", place.location().latitude());
			location.put("longitude", place.location().longitude());
		}
		return location;
	}

	/** The address as far as it is known; none for a place with neither a street nor a postcode. */
	private static Optional<Map<String, Object>> address(Place place) {
		Place.Address placeAddress = place.location().address();
		if (placeAddress.line1() == null && placeAddress.postcode() == null) {
			return Optional.empty();
		}
		Map<String, Object> address = new LinkedHashMap<>();
		address.put("id", Taxonomies.stableId("address", place.id()));
		address.put("location_id", locationId(place));
		address.put("address_1", Objects.toString(placeAddress.line1(), ""));
		address.put("city", Objects.toString(placeAddress.city(), ""));
		address.put("state_province", Objects.toString(placeAddress.city(), ""));
		address.put("postal_code", Objects.toString(placeAddress.postcode(), ""));
		address.put("country", "GB");
		address.put("address_type", "physical");
		return Optional.of(address);
	}

	private List<Map<String, Object>> accessibility(Place place) {
		List<Map<String, Object>> entries = new ArrayList<>();
		for (String code : place.offer().accessibility()) {
			taxonomies.term(Taxonomies.ACCESSIBILITY, code).ifPresent(term -> {
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("id", Taxonomies.stableId("accessibility", place.id(), code));
				entry.put("location_id", locationId(place));
				entry.put("description", term.name());
				entry.put("details", term.description());
				entries.add(entry);
			});
		}
		return entries;
	}

	private static List<Map<String, Object>> schedules(Place place) {
		List<Map<String, Object>> schedules = new ArrayList<>();
		List<OpeningTime> sessions = place.openingTimes();
		for (int i = 0; i < sessions.size(); i++) {
			OpeningTime session = sessions.get(i);
			Map<String, Object> schedule = new LinkedHashMap<>();
			schedule.put("id", Taxonomies.stableId("schedule", place.id(), String.valueOf(i)));
			schedule.put("service_id", place.id());
			schedule.put("freq", "WEEKLY");
			schedule.put("interval", 1);
			schedule.put("byday", session.days().stream().map(Enum::name).collect(Collectors.joining(",")));
			schedule.put("opens_at", session.opens());
			schedule.put("closes_at", session.closes());
			schedule.put("description", Optional.ofNullable(session.description())
				.orElse(session.days().stream().map(Enum::name).collect(Collectors.joining(",")) + " "
						+ session.opens() + " to " + session.closes() + " (UK time)"));
			schedules.add(schedule);
		}
		return schedules;
	}

	/** None when nobody has said what the place costs: unknown, not free. */
	private static List<Map<String, Object>> costOptions(Place place) {
		if (!place.costKnown()) {
			return List.of();
		}
		Map<String, Object> option = new LinkedHashMap<>();
		option.put("id", Taxonomies.stableId("cost_option", place.id()));
		option.put("service_id", place.id());
		if (place.offeredFree()) {
			option.put("option", "Free");
			option.put("amount", 0);
		}
		else {
			Place.Cost cost = place.offer().cost();
			option.put("option", cost.description() == null ? "Charge" : cost.description());
			if (cost.amount() != null) {
				option.put("amount", cost.amount());
				option.put("currency", "GBP");
			}
		}
		return List.of(option);
	}

	private static List<Map<String, Object>> contacts(Place place) {
		Map<String, Object> contact = new LinkedHashMap<>();
		contact.put("id", Taxonomies.stableId("contact", place.id()));
		contact.put("service_id", place.id());
		if (place.host().name() != null) {
			contact.put("name", place.host().name());
		}
		contact.put("title", "Host");
		return List.of(contact);
	}

	private List<Map<String, Object>> attributes(Place place) {
		List<TaxonomyTerm> terms = new ArrayList<>();
		taxonomies.term(Taxonomies.PLACE_KIND, place.kind().code()).ifPresent(terms::add);
		place.offer().activities().forEach(code -> taxonomies.term(Taxonomies.ACTIVITY, code).ifPresent(terms::add));
		place.offer()
			.accessibility()
			.forEach(code -> taxonomies.term(Taxonomies.ACCESSIBILITY, code).ifPresent(terms::add));
		List<Map<String, Object>> attributes = new ArrayList<>();
		for (TaxonomyTerm term : terms) {
			Map<String, Object> attribute = new LinkedHashMap<>();
			attribute.put("id", Taxonomies.stableId("attribute", place.id(), term.id()));
			attribute.put("link_id", place.id());
			attribute.put("link_type", "service");
			attribute.put("link_entity", "service");
			attribute.put("taxonomy_term_id", term.id());
			attribute.put("taxonomy_term", term(term));
			attributes.add(attribute);
		}
		return attributes;
	}

	/** HSDS 3.1's draft service_capacity, which ORUK 3.0 readers ignore and 3.1 readers understand. */
	private static List<Map<String, Object>> capacities(Place place) {
		if (place.capacity() == null) {
			return List.of();
		}
		Map<String, Object> capacity = new LinkedHashMap<>();
		capacity.put("id", Taxonomies.stableId("service_capacity", place.id()));
		capacity.put("service_id", place.id());
		capacity.put("available", place.capacity().available());
		capacity.put("maximum", place.capacity().maximum());
		capacity.put("description", "Places for new people referred");
		capacity.put("updated", place.capacity().updated().toString());
		return List.of(capacity);
	}

}
