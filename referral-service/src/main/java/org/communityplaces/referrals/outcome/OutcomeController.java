package org.communityplaces.referrals.outcome;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.referral.ReferralAccess;
import org.communityplaces.referrals.referral.ReferralAnswers;
import org.communityplaces.referrals.vocabulary.Code;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OutcomeController {

	private final Outcomes outcomes;

	private final ReferralAccess access;

	private final ReferralAnswers answers;

	OutcomeController(Outcomes outcomes, ReferralAccess access, ReferralAnswers answers) {
		this.outcomes = outcomes;
		this.access = access;
		this.answers = answers;
	}

	@PostMapping("/api/referrals/{id}/outcomes")
	ResponseEntity<Object> outcome(Caller caller, @PathVariable String id, @Valid @RequestBody OutcomeRecord record,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		Referral referral = ReferralAnswers.unchanged(access.visible(caller, id, "record outcome"), ifMatch);
		return answers.withVersion(caller, outcomes.record(caller, referral, record), "record outcome");
	}

	/** @param timepoint {@code baseline} or {@code follow-up}, the contract's {@code outcome-timepoint} codes */
	record OutcomeRecord(@NotNull @Code("outcome-timepoint") String timepoint, @PastOrPresent LocalDate measuredOn,
			@Min(3) @Max(9) Integer uclaLoneliness, @Valid Ons4Scores ons4, @Valid Lsns6Answers lsns6) {
	}

	record Ons4Scores(@NotNull @Min(0) @Max(10) Integer lifeSatisfaction, @NotNull @Min(0) @Max(10) Integer worthwhile,
			@NotNull @Min(0) @Max(10) Integer happiness, @NotNull @Min(0) @Max(10) Integer anxiety) {
	}

	/**
	 * The six LSNS-6 questions, all answered or the whole left out, each as the scale codes how
	 * many people: 0 none, 1 one, 2 two, 3 three or four, 4 five to eight, 5 nine or more.
	 */
	record Lsns6Answers(
			@NotNull(message = ALL_SIX) @Min(value = 0, message = ANSWER) @Max(value = 5, message = ANSWER)
			Integer relativesSeenMonthly,
			@NotNull(message = ALL_SIX) @Min(value = 0, message = ANSWER) @Max(value = 5, message = ANSWER)
			Integer relativesToTalkTo,
			@NotNull(message = ALL_SIX) @Min(value = 0, message = ANSWER) @Max(value = 5, message = ANSWER)
			Integer relativesToCallOnForHelp,
			@NotNull(message = ALL_SIX) @Min(value = 0, message = ANSWER) @Max(value = 5, message = ANSWER)
			Integer friendsSeenMonthly,
			@NotNull(message = ALL_SIX) @Min(value = 0, message = ANSWER) @Max(value = 5, message = ANSWER)
			Integer friendsToTalkTo,
			@NotNull(message = ALL_SIX) @Min(value = 0, message = ANSWER) @Max(value = 5, message = ANSWER)
			Integer friendsToCallOnForHelp) {

		static final String ALL_SIX = "must be answered: give all six social network answers, or leave lsns6 out";

		static final String ANSWER = "must be an answer from 0 (none) to 5 (nine or more)";

	}

}
