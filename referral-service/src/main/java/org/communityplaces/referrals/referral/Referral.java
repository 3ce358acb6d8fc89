package org.communityplaces.referrals.referral;

import java.time.Instant;
import java.util.List;

import org.communityplaces.platform.outbox.OutboxEntry;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A referral of one person by one referrer to one place. The events it causes wait in
 * {@link #outbox()} until relayed.
 */
@Document("referrals")
record Referral(@Id String id, @Version Long version, ReferralStatus status, Referrer referrer, Person person,
		Place place, Instant requestedAt, Instant decidedAt, List<OutboxEntry> outbox) {

	record Referrer(String name, String email, String organisation) {
	}

	record Person(String firstName) {
	}

	record Place(String id, String name, String hostEmail) {
	}

}
