package org.communityplaces.platform.testing;

import java.util.ArrayList;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;

/** What a service has stored, as canonical text that compares equal only when nothing changed. */
public final class StoredState {

	private StoredState() {
	}

	/**
	 * Every collection of the service's database but the ones named, each document as JSON, in a
	 * fixed order. Leave out collections that change on reads or on their own, such as an audit trail.
	 */
	public static Supplier<String> of(MongoTemplate mongo, String... changingOnTheirOwn) {
		Set<String> left = Set.of(changingOnTheirOwn);
		return () -> mongo.getCollectionNames()
			.stream()
			.filter(collection -> !left.contains(collection))
			.sorted()
			.map(collection -> collection + ":\n" + mongo.getCollection(collection)
				.find()
				.map(Document::toJson)
				.into(new ArrayList<>())
				.stream()
				.sorted()
				.collect(Collectors.joining("\n")))
			.collect(Collectors.joining("\n"));
	}

}
