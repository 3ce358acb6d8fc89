package org.communityplaces.referrals.referral;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.communityplaces.platform.outbox.OutboxEntry;

import org.springframework.stereotype.Component;

/**
 * Writes the referral events of the contract (contracts/asyncapi.yaml) as outbox entries.
 * Events carry ids and the professional contacts that route an alert, never the person.
 */
@Component
class ReferralEvents {

	static final String TOPIC = "referral-events";

	private static final int SCHEMA_VERSION = 1;

	private final JsonMapper json;

	ReferralEvents(JsonMapper json) {
		this.json = json;
	}

	OutboxEntry requested(Referral referral, Instant at) {
		UUID eventId = UUID.randomUUID();
		return entry(new ReferralRequested(eventId, "ReferralRequested", at, SCHEMA_VERSION, referral.id(),
				referral.place().id(), referral.place().name(), referral.place().hostEmail()), eventId, at);
	}

	OutboxEntry accepted(Referral referral, Instant at) {
		UUID eventId = UUID.randomUUID();
		return entry(new ReferralAccepted(eventId, "ReferralAccepted", at, SCHEMA_VERSION, referral.id(),
				referral.place().id(), referral.place().name(), referral.referrer().email()), eventId, at);
	}

	private OutboxEntry entry(Record event, UUID eventId, Instant at) {
		return OutboxEntry.pending(eventId.toString(), event.getClass().getSimpleName(), TOPIC,
				json.writeValueAsString(event), at);
	}

	record ReferralRequested(UUID eventId, String type, Instant occurredAt, int schemaVersion, String referralId,
			String placeId, String placeName, String hostEmail) {
	}

	record ReferralAccepted(UUID eventId, String type, Instant occurredAt, int schemaVersion, String referralId,
			String placeId, String placeName, String referrerEmail) {
	}

}
