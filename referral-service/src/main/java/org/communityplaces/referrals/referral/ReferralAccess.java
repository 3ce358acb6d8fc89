package org.communityplaces.referrals.referral;

import java.util.List;
import java.util.Locale;

import org.communityplaces.platform.audit.AuditLog;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.caller.CallerProblems;
import org.communityplaces.platform.caller.Role;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Need-to-know, checked on every referral asked for: a referrer sees their organisation's
 * referrals, a host the referrals to their places once sent. Asking for anyone else's is
 * answered as if it did not exist, and written to the audit log; every showing of personal
 * data is written there too, before it is shown.
 */
@Component
class ReferralAccess {

	private final Referrals referrals;

	private final AuditLog audit;

	ReferralAccess(Referrals referrals, AuditLog audit) {
		this.referrals = referrals;
		this.audit = audit;
	}

	/** The referral, if the caller may see it; otherwise 404, audited. */
	Referral visible(Caller caller, String id, String purpose) {
		Referral referral = referrals.find(id);
		if (!maySee(caller, referral)) {
			audit.refused(caller, "referral", id, purpose);
			throw new ReferralProblems.NotFound();
		}
		return referral;
	}

	/** The referral, if the caller may see it and do this to it. */
	Referral actionable(Caller caller, String id, Action action) {
		Referral referral = visible(caller, id, action.description());
		if (!action.allowedFor(caller.role())) {
			throw new CallerProblems.NotAllowed(
					"A " + caller.role().name().toLowerCase(Locale.ROOT) + " cannot " + action.description() + " a referral.");
		}
		return referral;
	}

	/** The caller's own referrals: their organisation's, or their places' inbox by deadline, or everyone's anonymously. */
	List<Referral> listed(Caller caller, ReferralStatus status, int page, int size) {
		Criteria criteria = switch (caller.role()) {
			case REFERRER -> Criteria.where("referrer.organisation").is(caller.organisation());
			case HOST -> Criteria.where("place.hostEmail")
				.is(caller.email().toLowerCase(Locale.ROOT))
				.and("status")
				.ne(ReferralStatus.DRAFT);
			case COMMISSIONER, ADMIN -> new Criteria();
		};
		if (status != null) {
			criteria = new Criteria().andOperator(criteria, Criteria.where("status").is(status));
		}
		Sort order = caller.is(Role.HOST) ? Sort.by(Sort.Order.asc("respondBy"), Sort.Order.asc("_id"))
				: Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id"));
		return referrals.find(criteria, order, page, size);
	}

	/** What this caller is shown of the referral; a showing of personal data is audited first. */
	Object shown(Caller caller, Referral referral, String purpose) {
		return shown(caller, List.of(referral), purpose).get(0);
	}

	List<Object> shown(Caller caller, List<Referral> shown, String purpose) {
		return switch (caller.role()) {
			case REFERRER -> {
				audit.shown(caller, "referral", shown.stream().map(Referral::id).toList(), purpose);
				yield shown.stream().<Object>map(ReferralViews.ReferrerView::of).toList();
			}
			case HOST -> {
				audit.shown(caller, "referral", shown.stream().map(Referral::id).toList(), purpose);
				yield shown.stream().<Object>map(ReferralViews.HostView::of).toList();
			}
			case COMMISSIONER, ADMIN -> shown.stream().<Object>map(ReferralViews.AnonymousView::of).toList();
		};
	}

	private static boolean maySee(Caller caller, Referral referral) {
		return switch (caller.role()) {
			case REFERRER -> caller.belongsTo(referral.referrer().organisation());
			case HOST -> caller.hosts(referral.place().hostEmail()) && referral.status() != ReferralStatus.DRAFT;
			case COMMISSIONER, ADMIN -> true;
		};
	}

}
