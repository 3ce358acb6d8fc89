package org.communityplaces.referrals.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.communityplaces.platform.audit.AuditLog;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.caller.CallerProblems;
import org.communityplaces.platform.caller.Role;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Need-to-know, checked on every referral asked for: a referrer sees their organisation's
 * referrals, a host the referrals to their places once sent. Asking for anyone else's is
 * answered as if it did not exist, and written to the audit log; every showing of personal
 * data is written there too, before it is shown, with what the caller may do to it.
 */
@Component
public class ReferralAccess {

	private final ReferralStore referrals;

	private final AuditLog audit;

	private final List<ReferralActions> actions;

	private final ZoneId timeZone;

	/** @param timeZone where the service counts days, the days of a list's dates among them */
	ReferralAccess(ReferralStore referrals, AuditLog audit, List<ReferralActions> actions,
			@Value("${referrals.response.time-zone}") ZoneId timeZone) {
		this.referrals = referrals;
		this.audit = audit;
		this.actions = actions;
		this.timeZone = timeZone;
	}

	/** The referral, if the caller may see it; otherwise 404, audited. */
	public Referral visible(Caller caller, String id, String purpose) {
		Referral referral = referrals.find(id);
		if (!maySee(caller, referral)) {
			audit.refused(caller, "referral", id, purpose);
			throw new ReferralProblems.NotFound();
		}
		return referral;
	}

	/**
	 * The caller's own referrals, as narrowed: their organisation's, or their places' inbox by
	 * deadline, or everyone's anonymously. Only referrers, who see the person's name, search by it.
	 */
	List<Referral> listed(Caller caller, ReferralFilter filter, int page, int size) {
		if (filter.name() != null && !caller.is(Role.REFERRER)) {
			throw new CallerProblems.NotAllowed("Only referrers search referrals by the person's name.");
		}
		List<Criteria> all = new ArrayList<>();
		all.add(visibleTo(caller));
		if (filter.status() != null) {
			all.add(Criteria.where("status").is(filter.status()));
		}
		if (filter.placeId() != null) {
			all.add(Criteria.where("place.id").is(filter.placeId()));
		}
		String madeAt = caller.is(Role.HOST) ? "timeline.requestedAt" : "timeline.createdAt";
		if (filter.from() != null) {
			all.add(Criteria.where(madeAt).gte(startOf(filter.from())));
		}
		if (filter.to() != null) {
			all.add(Criteria.where(madeAt).lt(startOf(filter.to().plusDays(1))));
		}
		Sort order = caller.is(Role.HOST) ? Sort.by(Sort.Order.asc("deadline.respondBy"), Sort.Order.asc("_id"))
				: Sort.by(Sort.Order.desc("timeline.createdAt"), Sort.Order.desc("_id"));
		if (filter.nameWords().isEmpty()) {
			return referrals.find(new Criteria().andOperator(all), order, page, size);
		}
		// Names are stored encrypted, so the store cannot match them: the organisation's referrals
		// are read in order, decrypted and matched here.
		return referrals.findMatching(new Criteria().andOperator(all), order,
				referral -> namedBy(referral.person(), filter.nameWords()), page, size);
	}

	private static boolean namedBy(Referral.Person person, List<String> words) {
		String names = ((person.firstName() == null ? "" : person.firstName()) + " "
				+ (person.lastName() == null ? "" : person.lastName()))
			.toLowerCase(Locale.ROOT);
		return words.stream().allMatch(word -> names.contains(word.toLowerCase(Locale.ROOT)));
	}

	/** The referrals this caller may see, as a query: the same need-to-know as {@link #visible}. */
	public Criteria visibleTo(Caller caller) {
		return switch (caller.role()) {
			case REFERRER -> Criteria.where("referrer.organisation").is(caller.organisation());
			case HOST -> Criteria.where("place.hostEmail")
				.is(caller.email().toLowerCase(Locale.ROOT))
				.and("status")
				.ne(ReferralStatus.DRAFT);
			case COMMISSIONER, ADMIN -> new Criteria();
		};
	}

	private Instant startOf(LocalDate day) {
		return day.atStartOfDay(timeZone).toInstant();
	}

	/** What this caller is shown of the referral; a showing of personal data is audited first. */
	public Object shown(Caller caller, Referral referral, String purpose) {
		return shown(caller, List.of(referral), purpose).get(0);
	}

	public List<Object> shown(Caller caller, List<Referral> shown, String purpose) {
		if (caller.is(Role.REFERRER) || caller.is(Role.HOST)) {
			audit.shown(caller, "referral", shown.stream().map(Referral::id).toList(), purpose);
		}
		return shown.stream().map(referral -> view(caller, referral)).toList();
	}

	private Object view(Caller caller, Referral referral) {
		List<AvailableAction> available = actions.stream()
			.flatMap(feature -> feature.available(caller, referral).stream())
			.toList();
		return switch (caller.role()) {
			case REFERRER -> ReferralViews.ReferrerView.of(referral, available);
			case HOST -> ReferralViews.HostView.of(referral, available);
			case COMMISSIONER, ADMIN -> ReferralViews.AnonymousView.of(referral, available);
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
