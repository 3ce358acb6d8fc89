package org.communityplaces.referrals.message;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.caller.Role;
import org.communityplaces.referrals.referral.AvailableAction;
import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.referral.ReferralActions;
import org.communityplaces.referrals.referral.ReferralProblems;
import org.communityplaces.referrals.referral.ReferralStatus;
import org.communityplaces.referrals.referral.ReferralStore;

import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Messages between the referrer's organisation and the host about a referral, while it is with
 * the place: from when it is sent until it closes. Nobody else writes or reads them; the other
 * side is told that a message was written, never what it says.
 */
@Component
@Order(5)
class Messages implements ReferralActions {

	/** Why the referral is read, in the audit log. */
	static final String PURPOSE = "write message";

	private static final Set<Role> WRITERS = Set.of(Role.REFERRER, Role.HOST);

	private final ReferralStore referrals;

	private final Clock clock;

	Messages(ReferralStore referrals, Clock clock) {
		this.referrals = referrals;
		this.clock = clock;
	}

	/** @param text already trimmed and checked for length by the request */
	Referral write(Caller caller, Referral referral, String text) {
		if (!WRITERS.contains(caller.role())) {
			throw ReferralProblems.notAllowed(caller, "write a message on");
		}
		String whyNot = whyNotNow(referral.status());
		if (whyNot != null) {
			throw new ReferralProblems.Conflict(whyNot);
		}
		Instant now = clock.instant();
		String role = Referral.roleOf(caller);
		Referral.Place place = referral.place();
		return referrals.update(referral,
				new Update().push("messages", new Referral.Message(caller.id(), role, caller.name(), text, now)), now,
				new ReferralMessageWritten(referral.id(), place.id(), place.name(), referral.referrer().email(),
						place.hostEmail(), role));
	}

	@Override
	public List<AvailableAction> available(Caller caller, Referral referral) {
		if (!WRITERS.contains(caller.role()) || whyNotNow(referral.status()) != null) {
			return List.of();
		}
		String reader = caller.is(Role.HOST) ? "referrer" : "host";
		return List.of(AvailableAction.message(referral, "write-message", "Write a message to the " + reader,
				"messages"));
	}

	/** Why nobody can write on a referral in this status, in words for the writer; null when they can. */
	private static String whyNotNow(ReferralStatus status) {
		if (status == ReferralStatus.DRAFT) {
			return "This referral has not been sent to the place yet, so there is nobody to write to.";
		}
		if (status.closed()) {
			return "This referral is closed, so no more messages can be written on it. "
					+ "Its messages are still here to read.";
		}
		return null;
	}

}
