package org.communityplaces.platform.mongo;

import com.mongodb.client.MongoClient;
import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Checks MongoDB with the {@code ping} command, which every MongoDB-wire server answers: real
 * MongoDB replica sets and the embedded store alike (the latter has no {@code hello}).
 */
class MongoPingHealthIndicator extends AbstractHealthIndicator {

	private final MongoClient mongo;

	MongoPingHealthIndicator(MongoClient mongo) {
		super("MongoDB health check failed");
		this.mongo = mongo;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Document answer = mongo.getDatabase("admin").runCommand(new Document("ping", 1));
		builder.status(answer.get("ok", Number.class).intValue() == 1 ? "UP" : "DOWN");
	}

}
