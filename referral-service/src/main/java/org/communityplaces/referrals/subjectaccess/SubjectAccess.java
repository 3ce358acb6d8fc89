package org.communityplaces.referrals.subjectaccess;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.communityplaces.platform.audit.AuditEntry;
import org.communityplaces.platform.audit.AuditLog;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.caller.CallerProblems;
import org.communityplaces.platform.caller.Role;
import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.referral.ReferralStore;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * A person's right to a copy of what is held about them, answered by an admin: every referral
 * about them, what notification-service holds about those referrals, and the audit trail of
 * who was shown or changed them; nothing about anyone else. Finding them and making the copy
 * are each written to the audit trail before the answer leaves, as every showing of a referral is.
 */
@Component
class SubjectAccess {

	static final String SEARCHED = "subject access: finding the person's referrals";

	static final String COPIED = "subject access: a copy of everything held about the person";

	private final ReferralStore referrals;

	private final MongoTemplate mongo;

	private final AuditLog audit;

	private final NotificationsHeld notifications;

	private final DocumentWriter writer;

	private final Clock clock;

	SubjectAccess(ReferralStore referrals, MongoTemplate mongo, AuditLog audit, NotificationsHeld notifications,
			DocumentWriter writer, Clock clock) {
		this.referrals = referrals;
		this.mongo = mongo;
		this.audit = audit;
		this.notifications = notifications;
		this.writer = writer;
		this.clock = clock;
	}

	/** The person's referrals, to tell whether they are the one asked about. */
	Found find(Caller caller, String nhsNumber, String firstName, String lastName, String postcodeDistrict) {
		mayAsk(caller);
		Subject subject = Subject.of(nhsNumber, firstName, lastName, postcodeDistrict);
		List<Referral> found = about(subject);
		audit.shown(caller, "referral", ids(found), SEARCHED);
		return new Found(subject.inWords(), found.stream().map(writer::found).toList());
	}

	/** Everything held about the person, in words. */
	SubjectAccessDocument copy(Caller caller, String nhsNumber, String firstName, String lastName,
			String postcodeDistrict) {
		mayAsk(caller);
		Subject subject = Subject.of(nhsNumber, firstName, lastName, postcodeDistrict);
		List<Referral> found = about(subject);
		List<String> ids = ids(found);
		audit.shown(caller, "referral", ids, COPIED);
		List<AuditEntry> trail = ids.isEmpty() ? List.of()
				: mongo.find(Query.query(Criteria.where("objectType").is("referral").and("objectId").in(ids))
					.with(Sort.by("at", "_id")), AuditEntry.class);
		Optional<NotificationsHeld.Held> sent = ids.isEmpty() ? Optional.of(new NotificationsHeld.Held(null, null))
				: notifications.about(ids);
		return writer.write(subject, found, sent, trail, clock.instant());
	}

	/** Admins only: nobody else sees every referral about a person, whoever made it. */
	private static void mayAsk(Caller caller) {
		if (!caller.is(Role.ADMIN)) {
			throw new CallerProblems.NotAllowed("Only admins answer a request for a copy of what is held about a person.");
		}
	}

	/** The person's referrals, oldest first. */
	private List<Referral> about(Subject subject) {
		return referrals.find(subject.criteria())
			.stream()
			.filter(subject::isAbout)
			.sorted(Comparator.comparing((Referral referral) -> referral.timeline().createdAt())
				.thenComparing(Referral::id))
			.toList();
	}

	private static List<String> ids(List<Referral> found) {
		return found.stream().map(Referral::id).toList();
	}

	/** @param searchedFor how the person was looked up, in words */
	record Found(String searchedFor, List<FoundReferral> referrals) {
	}

	/**
	 * @param name the person's first and last name as held
	 * @param madeOn the day it was made, in words
	 * @param status in words
	 */
	record FoundReferral(String id, String name, String postcodeDistrict, String madeOn, String place, String status) {
	}

}
