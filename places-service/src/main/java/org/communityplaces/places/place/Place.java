package org.communityplaces.places.place;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A community place that takes referrals, and the host who answers for it. */
@Document("places")
record Place(@Id String id, String name, PlaceKind kind, String hostEmail, String postcode, Instant createdAt) {
}
