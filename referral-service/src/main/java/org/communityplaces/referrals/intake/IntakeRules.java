package org.communityplaces.referrals.intake;

import java.util.ArrayList;
import java.util.List;

import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.caller.CallerProblems;
import org.communityplaces.platform.caller.Role;
import org.communityplaces.referrals.referral.AvailableAction;
import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.referral.ReferralActions;
import org.communityplaces.referrals.referral.ReferralProblems;
import org.communityplaces.referrals.referral.ReferralStatus;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who may make, send and re-make referrals, and when: referrers only. A draft is sent once;
 * a referral that came to nothing (declined, expired, cancelled or failed) is referred
 * elsewhere once. The same rules list the actions and refuse the requests.
 */
@Component
@Order(1)
class IntakeRules implements ReferralActions {

	void mayRefer(Caller caller) {
		if (!caller.is(Role.REFERRER)) {
			throw new CallerProblems.NotAllowed("Only referrers make referrals.");
		}
	}

	void maySubmit(Caller caller, Referral referral) {
		if (!caller.is(Role.REFERRER)) {
			throw ReferralProblems.notAllowed(caller, "submit");
		}
		if (!submittable(referral)) {
			throw new ReferralProblems.IllegalTransition(referral.status(), "submit");
		}
	}

	void mayReRefer(Caller caller, Referral referral) {
		if (!caller.is(Role.REFERRER)) {
			throw ReferralProblems.notAllowed(caller, "re-refer");
		}
		if (!reReferable(referral)) {
			throw new ReferralProblems.Conflict(referral.attempts().next() != null
					? "This referral was already referred again, as " + referral.attempts().next() + "."
					: referral.erasure() != null
							? "The person's details on this referral were erased, so it cannot be referred again."
					: "Only a referral that was declined, expired, cancelled or failed can be referred again; this one is "
							+ referral.status().code() + ".");
		}
	}

	@Override
	public List<AvailableAction> available(Caller caller, Referral referral) {
		List<AvailableAction> available = new ArrayList<>();
		if (caller.is(Role.REFERRER) && submittable(referral)) {
			available.add(AvailableAction.withoutInput(referral, "submit", "Send to the place", "submit"));
		}
		if (caller.is(Role.REFERRER) && reReferable(referral)) {
			available.add(AvailableAction.place(referral, "re-refer", "Refer them to another place", "re-referrals"));
		}
		return available;
	}

	private static boolean submittable(Referral referral) {
		return referral.status() == ReferralStatus.DRAFT;
	}

	/** A referral that came to nothing, was not referred elsewhere yet, and still holds the person's details. */
	private static boolean reReferable(Referral referral) {
		return referral.status().closed() && referral.status() != ReferralStatus.COMPLETED
				&& referral.attempts().next() == null && referral.erasure() == null;
	}

}
