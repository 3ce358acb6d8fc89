package org.communityplaces.notifications.preference;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A host an admin lets webhooks reach although it is not public (a council's own network). */
@Document("webhook_hosts")
record AllowedWebhookHost(@Id String host, String addedBy, Instant addedAt) {
}
