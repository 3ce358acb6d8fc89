package org.communityplaces.referrals.attendance;

import java.util.Optional;
import java.util.Set;

import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.caller.Role;
import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.referral.ReferralProblems;
import org.communityplaces.referrals.referral.ReferralStatus;

/**
 * A session the person came to, or missed: recorded by the host or the referrer once the host
 * accepted. The first time they come the referral is under way; a session missed before they
 * ever came means it has failed.
 */
enum Session {

	ATTENDED("attend", "record attendance", "They came", true),
	MISSED("miss", "record a missed session", "They did not come", false);

	private static final Set<Role> ALLOWED = Set.of(Role.HOST, Role.REFERRER);

	private final String code;

	private final String description;

	private final String label;

	private final boolean attended;

	Session(String code, String description, String label, boolean attended) {
		this.code = code;
		this.description = description;
		this.label = label;
		this.attended = attended;
	}

	static Session of(boolean attended) {
		return attended ? ATTENDED : MISSED;
	}

	String code() {
		return code;
	}

	String description() {
		return description;
	}

	String label() {
		return label;
	}

	boolean attended() {
		return attended;
	}

	/** The rule, as the list of actions on a referral reads it. */
	boolean availableTo(Caller caller, Referral referral) {
		return ALLOWED.contains(caller.role()) && next(referral.status()).isPresent();
	}

	/** The same rule, as a request reads it: 403 for the wrong role, 409 for the wrong status. */
	ReferralStatus recordedBy(Caller caller, Referral referral) {
		if (!ALLOWED.contains(caller.role())) {
			throw ReferralProblems.notAllowed(caller, description);
		}
		return next(referral.status())
			.orElseThrow(() -> new ReferralProblems.IllegalTransition(referral.status(), description));
	}

	private Optional<ReferralStatus> next(ReferralStatus status) {
		ReferralStatus next = switch (status) {
			case ACCEPTED -> attended ? ReferralStatus.IN_PROGRESS : ReferralStatus.FAILED;
			case IN_PROGRESS -> ReferralStatus.IN_PROGRESS;
			default -> null;
		};
		return Optional.ofNullable(next);
	}

}
