package org.communityplaces.platform.outbox;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The one way a service stores a change together with the events it causes. An event is an
 * immutable past-tense record (as in Spring Modulith); it is serialised once, into the
 * contract's envelope: {@code eventId}, {@code type} (the record's simple name),
 * {@code occurredAt} and {@code schemaVersion}, then the record's own fields. The change and
 * its events are one single-document write, conditional on the version that was read, so
 * they cannot part and of two concurrent changes exactly one wins; only once it is stored is
 * the relay told, which sends the events straight away.
 */
public class Outbox {

	static final int SCHEMA_VERSION = 1;

	private final MongoTemplate mongo;

	private final JsonMapper json;

	private final ApplicationEventPublisher publisher;

	private final String topic;

	Outbox(MongoTemplate mongo, JsonMapper json, ApplicationEventPublisher publisher, String topic) {
		this.mongo = mongo;
		this.json = json;
		this.publisher = publisher;
		this.topic = topic;
	}

	/** The pending outbox entry for this event, for an aggregate about to be inserted with it. */
	public OutboxEntry entry(Record event, Instant occurredAt) {
		String eventId = UUID.randomUUID().toString();
		String type = event.getClass().getSimpleName();
		ObjectNode envelope = json.createObjectNode();
		envelope.put("eventId", eventId);
		envelope.put("type", type);
		envelope.put("occurredAt", occurredAt.toString());
		envelope.put("schemaVersion", SCHEMA_VERSION);
		envelope.setAll((ObjectNode) json.valueToTree(event));
		String to = event instanceof OwnTopic own ? own.topic() : topic;
		return OutboxEntry.pending(eventId, type, to, json.writeValueAsString(envelope), occurredAt);
	}

	/**
	 * Inserts a new aggregate, whose {@code outbox} already holds the entries of its first
	 * events (or none), and tells the relay once it is stored.
	 * @throws org.springframework.dao.DuplicateKeyException as {@link MongoTemplate#insert(Object)} does
	 */
	public <T> T insert(T aggregate) {
		T stored = mongo.insert(aggregate);
		publisher.publishEvent(new OutboxWritten(mongo.getConverter()
			.getMappingContext()
			.getRequiredPersistentEntity(stored.getClass())
			.getIdentifierAccessor(stored)
			.getRequiredIdentifier()));
		return stored;
	}

	/**
	 * Applies {@code changes} to the aggregate only if it is still at {@code version}, moves the
	 * version on and appends the events to its outbox, in one write; then tells the relay.
	 * The outbox is only ever appended to here, so the relay's marks on sent entries survive.
	 * @return the aggregate as stored after the change
	 * @throws OptimisticLockingFailureException when it changed (or went) since it was read
	 */
	public <T> T update(Class<T> type, Object id, long version, Update changes, Instant occurredAt,
			Record... events) {
		changes.inc("version", 1);
		if (events.length > 0) {
			changes.push("outbox").each(Arrays.stream(events).map(event -> entry(event, occurredAt)).toArray());
		}
		T stored = mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("version").is(version)), changes,
				FindAndModifyOptions.options().returnNew(true), type);
		if (stored == null) {
			throw new OptimisticLockingFailureException(type.getSimpleName() + " " + id + " changed since it was read");
		}
		if (events.length > 0) {
			publisher.publishEvent(new OutboxWritten(id));
		}
		return stored;
	}

}
