package org.communityplaces.referrals.erasure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.caller.Role;
import org.communityplaces.referrals.referral.AvailableAction;
import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.referral.ReferralActions;
import org.communityplaces.referrals.referral.ReferralProblems;
import org.communityplaces.referrals.referral.ReferralStore;

import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * A person withdraws the consent their referral is held on, and the referrer records it: the
 * referral and every earlier or later attempt of it (each a copy of the same details and
 * consent) lose the person's details ({@link PersonalDataErasure}), and the one still open is
 * cancelled, its host told no more than that it was withdrawn. Only where the lawful basis is
 * explicit consent: a referral held for health and social care is not held on consent, so
 * withdrawing it does not erase it (the person can still ask for it to be cancelled).
 */
@Component
@Order(6)
class ConsentWithdrawal implements ReferralActions {

	static final String ACTION = "withdraw-consent";

	/** What the action does, in the answers that refuse it and in the audit trail. */
	static final String DESCRIPTION = "record the withdrawal of consent for";

	private static final String EXPLICIT_CONSENT = "explicit-consent";

	/** Attempts changed by someone else while they are erased are read again, this many times. */
	private static final int TRIES = 3;

	private final ReferralStore referrals;

	private final PersonalDataErasure erasure;

	ConsentWithdrawal(ReferralStore referrals, PersonalDataErasure erasure) {
		this.referrals = referrals;
		this.erasure = erasure;
	}

	@Override
	public List<AvailableAction> available(Caller caller, Referral referral) {
		if (!caller.is(Role.REFERRER) || whyNot(referral) != null) {
			return List.of();
		}
		return List.of(new AvailableAction(ACTION, "Record that they withdrew consent", "POST",
				"/api/referrals/" + referral.id() + "/" + ACTION, "consent-withdrawal", null, null, null));
	}

	/**
	 * The same rule, as a request reads it, then the erasure of the referral as read and of its
	 * other attempts.
	 * @param referral one the caller may see
	 * @return the referral as stored after
	 */
	Referral withdraw(Caller caller, Referral referral) {
		if (!caller.is(Role.REFERRER)) {
			throw ReferralProblems.notAllowed(caller, DESCRIPTION);
		}
		String whyNot = whyNot(referral);
		if (whyNot != null) {
			throw new ReferralProblems.Conflict(whyNot);
		}
		Referral after = erasure.erase(referral, PersonalDataErasure.CONSENT_WITHDRAWN, caller);
		for (String attempt : otherAttempts(referral)) {
			eraseAttempt(caller, attempt);
		}
		return after;
	}

	private void eraseAttempt(Caller caller, String id) {
		for (int tried = 1;; tried++) {
			Referral attempt = referrals.find(id);
			if (attempt.erasure() != null) {
				return;
			}
			try {
				erasure.erase(attempt, PersonalDataErasure.CONSENT_WITHDRAWN, caller);
				return;
			}
			catch (OptimisticLockingFailureException changedMeanwhile) {
				if (tried == TRIES) {
					throw changedMeanwhile;
				}
			}
		}
	}

	/** The referrals made for the same person by referring them again, before and after this one. */
	private Set<String> otherAttempts(Referral referral) {
		Set<String> attempts = new LinkedHashSet<>(referral.attempts().previous());
		String next = referral.attempts().next();
		while (next != null && attempts.add(next)) {
			next = referrals.find(next).attempts().next();
		}
		attempts.remove(referral.id());
		return attempts;
	}

	/** @return null when consent can be withdrawn from the referral now, otherwise why not */
	private static String whyNot(Referral referral) {
		if (referral.erasure() != null) {
			return "The person's details on this referral were erased already.";
		}
		if (referral.consent() == null || !EXPLICIT_CONSENT.equals(referral.consent().lawfulBasis())) {
			return "This referral is held for the person's health and social care, not on their consent, so withdrawing "
					+ "consent does not erase it. Cancel it if they no longer want to go.";
		}
		return null;
	}

}
