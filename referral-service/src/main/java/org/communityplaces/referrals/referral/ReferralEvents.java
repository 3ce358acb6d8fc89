package org.communityplaces.referrals.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.communityplaces.platform.outbox.OutboxEntry;

import org.springframework.stereotype.Component;

/**
 * Writes the referral events of the contract (contracts/asyncapi.yaml) as outbox entries.
 * Events carry ids, the place, codes and the professional contacts that route an alert:
 * never the person's details, notes, NHS number, reason texts or scores.
 */
@Component
class ReferralEvents {

	static final String TOPIC = "referral-events";

	private static final int SCHEMA_VERSION = 1;

	private final JsonMapper json;

	ReferralEvents(JsonMapper json) {
		this.json = json;
	}

	OutboxEntry requested(Referral referral, Instant at, Instant respondBy) {
		return entry(event("ReferralRequested", referral, at, "hostEmail", referral.place().hostEmail(), "respondBy",
				respondBy));
	}

	OutboxEntry reminderDue(Referral referral, Instant at) {
		return entry(event("ReferralReminderDue", referral, at, "hostEmail", referral.place().hostEmail(),
				"respondBy", referral.respondBy()));
	}

	OutboxEntry accepted(Referral referral, Instant at) {
		return entry(event("ReferralAccepted", referral, at, "referrerEmail", referral.referrer().email()));
	}

	OutboxEntry rejected(Referral referral, Instant at, String reason) {
		return entry(event("ReferralRejected", referral, at, "referrerEmail", referral.referrer().email(), "reason",
				reason));
	}

	OutboxEntry cancelled(Referral referral, Instant at, String reason) {
		return entry(event("ReferralCancelled", referral, at, "hostEmail", referral.place().hostEmail(), "reason",
				reason));
	}

	OutboxEntry expired(Referral referral, Instant at) {
		return entry(event("ReferralExpired", referral, at, "referrerEmail", referral.referrer().email(), "hostEmail",
				referral.place().hostEmail()));
	}

	OutboxEntry attendanceRecorded(Referral referral, Instant at, LocalDate on, boolean attended,
			ReferralStatus statusAfter) {
		return entry(event("AttendanceRecorded", referral, at, "referrerEmail", referral.referrer().email(),
				"sessionDate", on.toString(), "attended", attended, "referralStatus", statusAfter.code()));
	}

	OutboxEntry completed(Referral referral, Instant at) {
		return entry(event("ReferralCompleted", referral, at, "referrerEmail", referral.referrer().email(),
				"hostEmail", referral.place().hostEmail()));
	}

	OutboxEntry failed(Referral referral, Instant at, String reason) {
		return entry(event("ReferralFailed", referral, at, "referrerEmail", referral.referrer().email(), "hostEmail",
				referral.place().hostEmail(), "reason", reason));
	}

	OutboxEntry outcomeRecorded(Referral referral, Instant at, String timepoint, List<String> measures) {
		return entry(event("OutcomeRecorded", referral, at, "timepoint", timepoint, "measures", measures));
	}

	private static Map<String, Object> event(String type, Referral referral, Instant at, Object... fields) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("eventId", UUID.randomUUID().toString());
		event.put("type", type);
		event.put("occurredAt", at.toString());
		event.put("schemaVersion", SCHEMA_VERSION);
		event.put("referralId", referral.id());
		event.put("placeId", referral.place().id());
		event.put("placeName", referral.place().name());
		for (int i = 0; i < fields.length; i += 2) {
			Object value = fields[i + 1];
			event.put((String) fields[i], value instanceof Instant instant ? instant.toString() : value);
		}
		return event;
	}

	private OutboxEntry entry(Map<String, Object> event) {
		return OutboxEntry.pending((String) event.get("eventId"), (String) event.get("type"), TOPIC,
				json.writeValueAsString(event), Instant.parse((String) event.get("occurredAt")));
	}

}
