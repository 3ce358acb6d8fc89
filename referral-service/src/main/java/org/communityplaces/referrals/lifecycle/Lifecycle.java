package org.communityplaces.referrals.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Size;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.referrals.referral.AvailableAction;
import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.referral.ReferralActions;
import org.communityplaces.referrals.referral.ReferralMetrics;
import org.communityplaces.referrals.referral.ReferralProblems;
import org.communityplaces.referrals.referral.ReferralStatus;
import org.communityplaces.referrals.referral.ReferralStore;
import org.communityplaces.referrals.telling.PersonMessages;
import org.communityplaces.referrals.vocabulary.ReferralCodes;

import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Decisions on a referral: accept, reject, complete, hold, resume, fail or cancel. Whether the
 * caller may take one now is {@link LifecycleAction}'s rule, which both lists the actions on
 * a referral and refuses the others (403 for the wrong role, 409 for the wrong status).
 */
@Component
@Order(3)
class Lifecycle implements ReferralActions {

	/** A withdrawal of consent cancels with this reason, erasing the person's details with it: never chosen here. */
	private static final String CONSENT_WITHDRAWN = "consent-withdrawn";

	private final ReferralStore referrals;

	private final ReferralCodes codes;

	private final ReferralMetrics metrics;

	private final PersonMessages personMessages;

	private final Clock clock;

	Lifecycle(ReferralStore referrals, ReferralCodes codes, ReferralMetrics metrics, PersonMessages personMessages,
			Clock clock) {
		this.referrals = referrals;
		this.codes = codes;
		this.metrics = metrics;
		this.personMessages = personMessages;
		this.clock = clock;
	}

	/**
	 * The host says yes, with the day of the first visit if they know it. Where and when (the
	 * place's address, its session, who to ask for) is kept with the referral as it stands now,
	 * and the person is told it the way they chose.
	 */
	Referral accept(Caller caller, Referral referral, LocalDate firstVisitOn) {
		LifecycleAction.ACCEPT.takenBy(caller, referral);
		if (firstVisitOn != null && firstVisitOn.isBefore(personMessages.today())) {
			throw new LifecycleProblems.FirstVisitInThePast();
		}
		Referral accepted = decide(caller, referral, LifecycleAction.ACCEPT, Decision.NONE,
				personMessages.visit(referral, firstVisitOn));
		return personMessages.accepted(accepted);
	}

	Referral decide(Caller caller, Referral referral, LifecycleAction action, Decision decision) {
		return decide(caller, referral, action, decision, null);
	}

	private Referral decide(Caller caller, Referral referral, LifecycleAction action, Decision decision,
			Referral.Visit visit) {
		ReferralStatus next = action.takenBy(caller, referral);
		String reason = reasonFor(action, decision);
		Instant now = clock.instant();
		Update changes = ReferralStore.moveTo(next, caller, now, reason, blankToNull(decision.text()));
		switch (action) {
			case ACCEPT -> changes.set("timeline.decidedAt", now).set("telling.visit", visit);
			case REJECT -> changes.set("timeline.decidedAt", now);
			case HOLD -> changes.set("heldFrom", referral.status());
			case RESUME -> changes.unset("heldFrom");
			default -> {
			}
		}
		Referral after = referrals.update(referral, changes, now,
				LifecycleEvents.of(action, referral, reason).stream().toArray(Record[]::new));
		metrics.transitioned(after, reason);
		if (action == LifecycleAction.ACCEPT || action == LifecycleAction.REJECT) {
			metrics.decided(after, referral.timeline().requestedAt(), now);
		}
		return after;
	}

	@Override
	public List<AvailableAction> available(Caller caller, Referral referral) {
		List<AvailableAction> available = new ArrayList<>();
		for (LifecycleAction action : LifecycleAction.values()) {
			if (action.availableTo(caller, referral)) {
				available.add(action == LifecycleAction.ACCEPT
						? AvailableAction.firstVisit(referral, action.code(), action.label(), action.code())
						: action.reasons() == null
						? AvailableAction.withoutInput(referral, action.code(), action.label(), action.code())
						: AvailableAction.withReason(referral, action.code(), action.label(), action.code(),
								codes.reasons(action.reasons())
									.stream()
									.filter(choice -> !choice.code().equals(CONSENT_WITHDRAWN))
									.toList()));
			}
		}
		return available;
	}

	private String reasonFor(LifecycleAction action, Decision decision) {
		if (action.reasons() == null) {
			if (decision.reason() != null) {
				throw new ReferralProblems.InvalidField("reason", "this takes no reason");
			}
			return null;
		}
		codes.check(action.reasons(), "reason", decision.reason() == null ? "" : decision.reason());
		if (decision.reason().equals(CONSENT_WITHDRAWN)) {
			throw new ReferralProblems.InvalidField("reason",
					"record that they withdrew consent instead, which also erases their details");
		}
		if (decision.reason().equals("other") && blankToNull(decision.text()) == null) {
			throw new ReferralProblems.InvalidField("text", "say what the other reason is");
		}
		return decision.reason();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/** A reason code where the action needs one, and words where the code is {@code other}. */
	record Decision(String reason, @Size(max = 1000) String text) {

		static final Decision NONE = new Decision(null, null);

	}

}
