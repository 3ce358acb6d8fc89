package org.communityplaces.referrals.lifecycle;

import java.util.Optional;
import java.util.Set;

import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.caller.Role;
import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.referral.ReferralProblems;
import org.communityplaces.referrals.referral.ReferralStatus;

import static org.communityplaces.referrals.referral.ReferralStatus.ACCEPTED;
import static org.communityplaces.referrals.referral.ReferralStatus.CANCELLED;
import static org.communityplaces.referrals.referral.ReferralStatus.COMPLETED;
import static org.communityplaces.referrals.referral.ReferralStatus.FAILED;
import static org.communityplaces.referrals.referral.ReferralStatus.IN_PROGRESS;
import static org.communityplaces.referrals.referral.ReferralStatus.ON_HOLD;
import static org.communityplaces.referrals.referral.ReferralStatus.REJECTED;
import static org.communityplaces.referrals.referral.ReferralStatus.REQUESTED;

/**
 * The decisions on a referral once it is made: what each does (the state machine), who may
 * take it, the words on its button and the coded reasons it must give. The host answers a
 * request; host and referrer then look after the person together; only the referrer cancels.
 */
enum LifecycleAction {

	ACCEPT("accept", "accept", "Accept", Set.of(Role.HOST), null),
	REJECT("reject", "reject", "Decline", Set.of(Role.HOST), "reject-reason"),
	COMPLETE("complete", "complete", "Mark as completed", Set.of(Role.HOST, Role.REFERRER), null),
	HOLD("hold", "put on hold", "Put on hold", Set.of(Role.HOST, Role.REFERRER), "hold-reason"),
	RESUME("resume", "resume", "Resume", Set.of(Role.HOST, Role.REFERRER), null),
	FAIL("fail", "close as failed", "Close as not working out", Set.of(Role.HOST, Role.REFERRER), "fail-reason"),
	CANCEL("cancel", "cancel", "Cancel the referral", Set.of(Role.REFERRER), "cancel-reason");

	private final String code;

	private final String description;

	private final String label;

	private final Set<Role> allowed;

	private final String reasons;

	/**
	 * @param code its name in the API: the path it is sent to, and the action a view lists
	 * @param description what it does, in the answers that refuse it and in the audit log
	 * @param reasons the contract's vocabulary of the reasons it must give, or null for none
	 */
	LifecycleAction(String code, String description, String label, Set<Role> allowed, String reasons) {
		this.code = code;
		this.description = description;
		this.label = label;
		this.allowed = allowed;
		this.reasons = reasons;
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

	/** The rule, as the list of actions on a referral reads it: this caller may take this action on it now. */
	boolean availableTo(Caller caller, Referral referral) {
		return allowed.contains(caller.role()) && next(referral).isPresent();
	}

	/**
	 * The same rule, as a request reads it.
	 * @return where the action takes the referral
	 * @throws org.communityplaces.platform.caller.CallerProblems.NotAllowed when the caller's role may not take it
	 * @throws ReferralProblems.IllegalTransition when it is not possible in the referral's status
	 */
	ReferralStatus takenBy(Caller caller, Referral referral) {
		if (!allowed.contains(caller.role())) {
			throw ReferralProblems.notAllowed(caller, description);
		}
		return next(referral).orElseThrow(() -> new ReferralProblems.IllegalTransition(referral.status(), description));
	}

	/** The vocabulary of the coded reasons this action must give, or null when it takes no reason. */
	String reasons() {
		return reasons;
	}

	/**
	 * The state machine: where this action takes the referral from its status ({@link #RESUME}
	 * back to the status before the hold).
	 * @return empty when the action is not possible now
	 */
	private Optional<ReferralStatus> next(Referral referral) {
		ReferralStatus status = referral.status();
		ReferralStatus next = switch (this) {
			case ACCEPT -> status == REQUESTED ? ACCEPTED : null;
			case REJECT -> status == REQUESTED ? REJECTED : null;
			case CANCEL -> switch (status) {
				case DRAFT, REQUESTED, ACCEPTED, IN_PROGRESS, ON_HOLD -> CANCELLED;
				default -> null;
			};
			case COMPLETE -> status == IN_PROGRESS ? COMPLETED : null;
			case FAIL -> status == ACCEPTED || status == IN_PROGRESS ? FAILED : null;
			case HOLD -> status == ACCEPTED || status == IN_PROGRESS ? ON_HOLD : null;
			case RESUME -> status == ON_HOLD ? referral.heldFrom() : null;
		};
		return Optional.ofNullable(next);
	}

}
