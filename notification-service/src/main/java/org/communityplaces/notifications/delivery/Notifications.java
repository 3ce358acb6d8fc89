package org.communityplaces.notifications.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.communityplaces.notifications.preference.Channel;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The store of notifications: what was raised, for whom, how far its delivery got, and what
 * each recipient has read in their inbox.
 */
@Component
public class Notifications {

	private static final String COLLECTION = "notifications";

	private final MongoTemplate mongo;

	private final ApplicationEventPublisher publisher;

	Notifications(MongoTemplate mongo, ApplicationEventPublisher publisher) {
		this.mongo = mongo;
		this.publisher = publisher;
	}

	/**
	 * Stores the notifications an event raises, each at most once however often the event
	 * arrives, and has the new ones delivered at once.
	 */
	public void raise(List<Notification> raised) {
		List<Notification> created = new ArrayList<>();
		for (Notification notification : raised) {
			try {
				mongo.insert(notification);
				created.add(notification);
			}
			catch (DuplicateKeyException alreadyRaised) {
				// The event came again: this recipient was already told, or is being told.
			}
		}
		if (!created.isEmpty()) {
			publisher.publishEvent(new NotificationsCreated(created));
		}
	}

	/**
	 * The addresses with a delivery over one channel due now, those due longest first, leaving
	 * out the addresses already being worked through.
	 */
	Set<String> dueAddresses(Channel channel, Instant now, Set<String> skipping, int limit) {
		Query due = Query.query(Criteria.where("delivery.status")
			.is(Notification.Status.PENDING)
			.and("delivery.channel")
			.is(channel)
			.and("delivery.nextAttemptAt")
			.lte(now)
			.and("delivery.address")
			.nin(skipping)).with(Sort.by("delivery.nextAttemptAt")).limit(limit);
		due.fields().include("delivery.address");
		Set<String> addresses = new LinkedHashSet<>();
		for (Document found : mongo.find(due, Document.class, COLLECTION)) {
			addresses.add(found.get("delivery", Document.class).getString("address"));
		}
		return addresses;
	}

	/** The delivery to one address over one channel that has been due longest, if any is due now. */
	Notification nextDue(Channel channel, String address, Instant now) {
		return mongo.findOne(Query.query(Criteria.where("delivery.status")
			.is(Notification.Status.PENDING)
			.and("delivery.channel")
			.is(channel)
			.and("delivery.address")
			.is(address)
			.and("delivery.nextAttemptAt")
			.lte(now)).with(Sort.by("delivery.nextAttemptAt")), Notification.class);
	}

	List<Notification> pending(Channel channel) {
		return mongo.find(Query
			.query(Criteria.where("delivery.status").is(Notification.Status.PENDING).and("delivery.channel").is(channel))
			.with(Sort.by("timeline.createdAt")), Notification.class);
	}

	/**
	 * Takes a due delivery for this instance until {@code leaseUntil}: of several instances
	 * (or the prompt send and the sweep) only one gets it.
	 */
	boolean claim(Notification notification, Instant leaseUntil) {
		Query unchanged = Query.query(Criteria.where("_id")
			.is(notification.id())
			.and("delivery.status")
			.is(Notification.Status.PENDING)
			.and("delivery.attempts")
			.is(notification.delivery().attempts())
			.and("delivery.nextAttemptAt")
			.is(notification.delivery().nextAttemptAt()));
		return mongo.updateFirst(unchanged, new Update().set("delivery.nextAttemptAt", leaseUntil), Notification.class)
			.getModifiedCount() == 1;
	}

	void sent(String id, Instant at) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().set("delivery.status", Notification.Status.SENT)
					.set("timeline.sentAt", at)
					.unset("delivery.lastError"),
				Notification.class);
	}

	void retryAt(String id, int attempts, Instant next, String error) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().set("delivery.attempts", attempts)
					.set("delivery.nextAttemptAt", next)
					.set("delivery.lastError", error),
				Notification.class);
	}

	void failed(String id, int attempts, String error) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().set("delivery.status", Notification.Status.FAILED)
					.set("delivery.attempts", attempts)
					.set("delivery.lastError", error),
				Notification.class);
	}

	/** A recipient's inbox, newest first. */
	public List<Notification> inbox(String recipient, boolean unreadOnly, int page, int size) {
		Criteria criteria = Criteria.where("recipient.email").is(recipient);
		if (unreadOnly) {
			criteria.and("timeline.readAt").is(null);
		}
		return mongo.find(Query.query(criteria)
			.with(Sort.by(Sort.Order.desc("timeline.createdAt"), Sort.Order.desc("_id")))
			.skip((long) page * size)
			.limit(size), Notification.class);
	}

	public long unread(String recipient) {
		return mongo.count(Query.query(Criteria.where("recipient.email").is(recipient).and("timeline.readAt").is(null)),
				Notification.class);
	}

	/** @return false when the recipient has no such notification */
	public boolean markRead(String recipient, String id, Instant at) {
		Query theirs = Query.query(Criteria.where("_id").is(id).and("recipient.email").is(recipient));
		if (mongo.count(theirs, Notification.class) == 0) {
			return false;
		}
		mongo.updateFirst(theirs.addCriteria(Criteria.where("timeline.readAt").is(null)),
				new Update().set("timeline.readAt", at), Notification.class);
		return true;
	}

	/** Every alert about one referral, oldest first. */
	public List<Notification> aboutReferral(String referralId) {
		return mongo.find(
				Query.query(Criteria.where("event.referralId").is(referralId)).with(Sort.by("timeline.createdAt")),
				Notification.class);
	}

}
