package org.communityplaces.notifications.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Who has had their digest on which day, so each recipient gets one a day however many
 * instances run the digest at once. A claim is one document whose {@code _id} is the day and
 * the recipient: the store's unique {@code _id} lets only one instance insert it (no
 * transaction needed). An instance claims a recipient's digest just before sending it and
 * records it sent just after; a claim whose instance died before recording it expires, and a
 * later run that day takes it over and sends the digest again with the same
 * {@code Message-ID}. Kept a week, then forgotten.
 */
@Component
class DigestClaims {

	private static final int KEPT_DAYS = 7;

	private final MongoTemplate mongo;

	DigestClaims(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * The claim's key: the day and a hash of the address, so neither the claims nor the
	 * {@code Message-ID} made from the key hold the address.
	 */
	static String keyOf(LocalDate day, String address) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest(address.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
			return "digest-" + day + "-" + HexFormat.of().formatHex(hash, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}

	/**
	 * @return true when this instance may send the digest: nobody had claimed it, or the one
	 * who had did not record it sent before {@code now} (their claim expired)
	 */
	boolean claim(String key, LocalDate day, Instant now, Instant until) {
		try {
			mongo.insert(new DigestClaim(key, day.toString(), Status.CLAIMED, until, null));
			return true;
		}
		catch (DuplicateKeyException claimed) {
			Query expired = Query.query(
					Criteria.where("_id").is(key).and("status").is(Status.CLAIMED).and("claimedUntil").lt(now));
			return mongo.findAndModify(expired, new Update().set("claimedUntil", until), DigestClaim.class) != null;
		}
	}

	void sent(String key, Instant at) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(key)),
				new Update().set("status", Status.SENT).set("sentAt", at).unset("claimedUntil"), DigestClaim.class);
	}

	/** The send failed: a later run that day may try again at once, unless another has taken it over. */
	void release(String key, Instant until) {
		mongo.remove(Query.query(Criteria.where("_id").is(key).and("status").is(Status.CLAIMED).and("claimedUntil").is(until)),
				DigestClaim.class);
	}

	void forgetBefore(LocalDate today) {
		mongo.remove(Query.query(Criteria.where("day").lt(today.minusDays(KEPT_DAYS).toString())), DigestClaim.class);
	}

	@Document("digest_claims")
	record DigestClaim(@Id String id, String day, Status status, Instant claimedUntil, Instant sentAt) {
	}

	enum Status {

		CLAIMED, SENT

	}

}
