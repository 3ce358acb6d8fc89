package org.communityplaces.referrals.fhir;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.communityplaces.referrals.fhir.FhirReferrals.FhirSearch;
import org.communityplaces.referrals.fhir.FhirReferrals.Kind;
import org.communityplaces.referrals.referral.ReferralStatus;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * A FHIR search's parameters, read strictly: only those the CapabilityStatement names, each at
 * most as often as it may be given, and each value as FHIR writes it, or a 400 naming it.
 */
@Component
class FhirSearchParameters {

	private static final Map<String, Integer> MOST_TIMES = Map.of("status", 1, "patient:identifier", 1, "_lastUpdated",
			2, "_count", 1);

	private static final Pattern DATE = Pattern.compile("(eq|gt|ge|lt|le)?(\\d{4}-\\d{2}-\\d{2})(T.*)?");

	private static final Pattern NHS_NUMBER = Pattern.compile("(?:" + Pattern.quote(FhirResources.NHS_NUMBER)
			+ "\\|)?(\\d{10})");

	private final ZoneId timeZone;

	FhirSearchParameters(@Value("${referrals.response.time-zone}") ZoneId timeZone) {
		this.timeZone = timeZone;
	}

	FhirSearch read(Kind kind, MultiValueMap<String, String> parameters) {
		for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
			Integer most = MOST_TIMES.get(parameter.getKey());
			if (most == null || (kind == Kind.TASK && parameter.getKey().equals("patient:identifier"))) {
				throw new FhirProblems.InvalidParameter(parameter.getKey(),
						"is not a search parameter of " + kind.resourceType + " here (see /fhir/metadata)");
			}
			if (parameter.getValue().size() > most) {
				throw new FhirProblems.InvalidParameter(parameter.getKey(), "may be given at most " + most
						+ (most == 1 ? " time" : " times"));
			}
		}
		return new FhirSearch(kind, statuses(kind, parameters.getFirst("status")),
				nhsNumber(parameters.getFirst("patient:identifier")),
				lastUpdated(parameters.getOrDefault("_lastUpdated", List.of())), count(parameters.getFirst("_count")));
	}

	private static Set<ReferralStatus> statuses(Kind kind, String status) {
		if (status == null) {
			return null;
		}
		Set<ReferralStatus> statuses = Arrays.stream(ReferralStatus.values())
			.filter(referral -> FhirReferrals.statusCode(kind).apply(referral).equals(status))
			.collect(Collectors.toSet());
		if (statuses.isEmpty()) {
			throw new FhirProblems.InvalidParameter("status", "must be one of " + Arrays.stream(ReferralStatus.values())
				.map(FhirReferrals.statusCode(kind))
				.distinct()
				.collect(Collectors.joining(", ")));
		}
		return statuses;
	}

	private static String nhsNumber(String identifier) {
		if (identifier == null) {
			return null;
		}
		Matcher matcher = NHS_NUMBER.matcher(identifier);
		if (!matcher.matches()) {
			throw new FhirProblems.InvalidParameter("patient:identifier",
					"must be an NHS number of ten digits, as " + FhirResources.NHS_NUMBER + "|9434765919");
		}
		return matcher.group(1);
	}

	private Predicate<Instant> lastUpdated(List<String> values) {
		Predicate<Instant> all = at -> true;
		for (String value : values) {
			all = all.and(oneLastUpdated(value));
		}
		return all;
	}

	/** One {@code _lastUpdated}: a prefix, and a day or a date-time with its offset, between the years 1900 and 2200. */
	private Predicate<Instant> oneLastUpdated(String value) {
		Matcher matcher = DATE.matcher(value);
		String refusal = "must be gt, ge, lt, le or eq and a date-time with its offset, such as "
				+ "gt2026-11-23T10:00:00Z, or a day, such as ge2026-11-23";
		if (!matcher.matches()) {
			throw new FhirProblems.InvalidParameter("_lastUpdated", refusal);
		}
		Instant from;
		Instant until;
		try {
			if (matcher.group(3) == null) {
				LocalDate day = LocalDate.parse(matcher.group(2));
				from = day.atStartOfDay(timeZone).toInstant();
				until = day.plusDays(1).atStartOfDay(timeZone).toInstant();
			}
			else {
				from = OffsetDateTime.parse(matcher.group(2) + matcher.group(3)).toInstant();
				until = from.plusMillis(1);
			}
		}
		catch (DateTimeException ex) {
			throw new FhirProblems.InvalidParameter("_lastUpdated", refusal);
		}
		int year = LocalDate.parse(matcher.group(2)).getYear();
		if (year < 1900 || year > 2200) {
			throw new FhirProblems.InvalidParameter("_lastUpdated", "must be between the years 1900 and 2200");
		}
		String prefix = matcher.group(1) == null ? "eq" : matcher.group(1);
		Instant start = from;
		Instant end = until;
		return switch (prefix) {
			case "gt" -> at -> !at.isBefore(end);
			case "ge" -> at -> !at.isBefore(start);
			case "lt" -> at -> at.isBefore(start);
			case "le" -> at -> at.isBefore(end);
			default -> at -> !at.isBefore(start) && at.isBefore(end);
		};
	}

	private static int count(String count) {
		if (count == null) {
			return 50;
		}
		if (!count.matches("\\d{1,3}") || Integer.parseInt(count) < 1 || Integer.parseInt(count) > 200) {
			throw new FhirProblems.InvalidParameter("_count", "must be a whole number from 1 to 200");
		}
		return Integer.parseInt(count);
	}

}
