package org.communityplaces.referrals.fhir;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.caller.CallerProblems;
import org.communityplaces.platform.caller.Role;
import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.referral.ReferralAccess;
import org.communityplaces.referrals.referral.ReferralStatus;
import org.communityplaces.referrals.referral.ReferralStore;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Referrals read through FHIR, by the same need-to-know as the JSON API: one referral the caller
 * may see, a search of the referrals they may see, and a referring organisation's completed
 * referrals of a period for its GP system to file. Every showing is audited as the JSON API's is.
 */
@Component
class FhirReferrals {

	/** The two resources each referral is. */
	enum Kind {

		SERVICE_REQUEST("ServiceRequest"), TASK("Task");

		final String resourceType;

		Kind(String resourceType) {
			this.resourceType = resourceType;
		}

	}

	private final ReferralAccess access;

	private final ReferralStore store;

	private final FhirResources resources;

	private final JsonMapper json;

	private final Clock clock;

	private final ZoneId timeZone;

	FhirReferrals(ReferralAccess access, ReferralStore store, FhirResources resources, JsonMapper json, Clock clock,
			@Value("${referrals.response.time-zone}") ZoneId timeZone) {
		this.access = access;
		this.store = store;
		this.resources = resources;
		this.json = json;
		this.clock = clock;
		this.timeZone = timeZone;
	}

	/** The referral as this caller sees it, or 404 as the JSON API answers. */
	Resource read(Caller caller, Kind kind, String id) {
		Referral referral = access.visible(caller, id, "view referral as FHIR");
		return resource(caller, kind, referral, access.shown(caller, referral, "view referral as FHIR"));
	}

	/** The resource this caller is shown of a referral just made or found. */
	Resource shown(Caller caller, Referral referral, String purpose) {
		return resource(caller, Kind.SERVICE_REQUEST, referral, access.shown(caller, referral, purpose));
	}

	/**
	 * The referrals the caller may see that match, those changed longest ago first, at most
	 * {@code count} of them; {@code total} counts them all. Only referrers, who see the NHS number,
	 * search by it.
	 */
	Bundle search(Caller caller, FhirSearch search, String self, String base) {
		if (search.nhsNumber() != null && !caller.is(Role.REFERRER)) {
			throw new CallerProblems.NotAllowed("Only referrers search referrals by the person's NHS number.");
		}
		List<Criteria> all = new ArrayList<>();
		all.add(access.visibleTo(caller));
		if (search.statuses() != null) {
			all.add(Criteria.where("status").in(search.statuses()));
		}
		if (search.nhsNumber() != null) {
			all.add(Criteria.where("person.nhsNumber").is(search.nhsNumber()));
		}
		List<Matched> matched = store.find(new Criteria().andOperator(all))
			.stream()
			.map(referral -> new Matched(referral, lastUpdated(caller, referral)))
			.filter(candidate -> search.lastUpdated().test(candidate.lastUpdated()))
			.sorted(Comparator.comparing(Matched::lastUpdated).thenComparing(candidate -> candidate.referral().id()))
			.toList();
		List<Referral> page = matched.stream().limit(search.count()).map(Matched::referral).toList();
		Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(matched.size());
		bundle.setId(UUID.randomUUID().toString());
		bundle.getMeta().setLastUpdated(Date.from(clock.instant()));
		bundle.addLink().setRelation("self").setUrl(self);
		List<Object> views = access.shown(caller, page, "search referrals as FHIR");
		for (int i = 0; i < page.size(); i++) {
			Resource resource = resource(caller, search.kind(), page.get(i), views.get(i));
			bundle.addEntry()
				.setFullUrl(base + "/" + search.kind().resourceType + "/" + resource.getIdPart())
				.setResource(resource)
				.getSearch()
				.setMode(Bundle.SearchEntryMode.MATCH);
		}
		return bundle;
	}

	/**
	 * The referring organisation's referrals completed between two days (in the service's time
	 * zone, both included), each as its ServiceRequest and its Task, for a GP system to file.
	 */
	Bundle completed(Caller caller, LocalDate start, LocalDate end, String base) {
		if (!caller.is(Role.REFERRER)) {
			throw new CallerProblems.NotAllowed("Only referrers export their organisation's completed referrals.");
		}
		if (start.isAfter(end)) {
			throw new FhirProblems.InvalidParameter("start", "must not be after end");
		}
		List<Referral> completed = store.find(new Criteria().andOperator(access.visibleTo(caller),
				Criteria.where("status").is(ReferralStatus.COMPLETED), Criteria.where("timeline.closedAt")
					.gte(start.atStartOfDay(timeZone).toInstant())
					.lt(end.plusDays(1).atStartOfDay(timeZone).toInstant())))
			.stream()
			.sorted(Comparator.comparing((Referral referral) -> referral.timeline().closedAt())
				.thenComparing(Referral::id))
			.toList();
		Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
		bundle.setId(UUID.randomUUID().toString());
		bundle.setTimestamp(Date.from(clock.instant()));
		List<Object> views = access.shown(caller, completed, "export completed referrals as FHIR");
		for (int i = 0; i < completed.size(); i++) {
			for (Kind kind : Kind.values()) {
				Resource resource = resource(caller, kind, completed.get(i), views.get(i));
				bundle.addEntry()
					.setFullUrl(base + "/" + kind.resourceType + "/" + resource.getIdPart())
					.setResource(resource);
			}
		}
		return bundle;
	}

	/**
	 * When the referral last changed as this caller sees it: a step in its life and, for the
	 * referrer's organisation and the host, who see them, a visit recorded or a message written.
	 * Scores are left out: only the referrer's organisation, who records them, sees them. Read
	 * from the stored referral, so a search narrows by it before anything is shown.
	 */
	static Instant lastUpdated(Caller caller, Referral referral) {
		List<Instant> changes = new ArrayList<>();
		changes.add(referral.timeline().createdAt());
		referral.history().forEach(step -> changes.add(step.at()));
		if (caller.is(Role.REFERRER) || caller.is(Role.HOST)) {
			referral.attendance().forEach(visit -> changes.add(visit.recordedAt()));
			referral.messages().forEach(message -> changes.add(message.at()));
		}
		return changes.stream().filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
	}

	/** The resource made from the view the JSON API gives this caller, and nothing else of the referral. */
	private Resource resource(Caller caller, Kind kind, Referral referral, Object shown) {
		JsonNode view = json.valueToTree(shown);
		Instant lastUpdated = lastUpdated(caller, referral);
		return kind == Kind.SERVICE_REQUEST ? resources.serviceRequest(view, lastUpdated)
				: resources.task(view, lastUpdated);
	}

	private record Matched(Referral referral, Instant lastUpdated) {
	}

	/**
	 * What a search asked for.
	 *
	 * @param statuses the referral statuses the FHIR status stands for, or null for any
	 * @param nhsNumber the person's NHS number, ten digits, or null
	 * @param lastUpdated which times of the last change match
	 * @param count at most this many in the answer
	 */
	record FhirSearch(Kind kind, Set<ReferralStatus> statuses, String nhsNumber, Predicate<Instant> lastUpdated,
			int count) {
	}

	/** The status code a referral in each status has as this kind of resource. */
	static Function<ReferralStatus, String> statusCode(Kind kind) {
		return kind == Kind.SERVICE_REQUEST ? status -> FhirResources.REQUEST_STATUS.get(status).toCode()
				: status -> FhirResources.TASK_STATUS.get(status).toCode();
	}

}
