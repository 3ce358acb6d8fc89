package org.communityplaces.referrals.referral;

import java.util.function.Function;

/**
 * The scores an outcome is judged by: the UCLA 3-item loneliness scale, the four ONS personal
 * wellbeing questions and the LSNS-6 social network total, each with which way is better.
 */
public enum OutcomeMeasure {

	UCLA_LONELINESS("ucla-loneliness", true, Referral.Scores::uclaLoneliness),
	ONS4_LIFE_SATISFACTION("ons4-life-satisfaction", false, ons4(Referral.Ons4::lifeSatisfaction)),
	ONS4_WORTHWHILE("ons4-worthwhile", false, ons4(Referral.Ons4::worthwhile)),
	ONS4_HAPPINESS("ons4-happiness", false, ons4(Referral.Ons4::happiness)),
	ONS4_ANXIETY("ons4-anxiety", true, ons4(Referral.Ons4::anxiety)),
	LSNS6_SOCIAL_NETWORK("lsns6-social-network", false,
			scores -> scores.lsns6() == null ? null : scores.lsns6().total());

	private final String code;

	private final boolean lowerIsBetter;

	private final Function<Referral.Scores, Integer> score;

	OutcomeMeasure(String code, boolean lowerIsBetter, Function<Referral.Scores, Integer> score) {
		this.code = code;
		this.lowerIsBetter = lowerIsBetter;
		this.score = score;
	}

	public String code() {
		return code;
	}

	/** This measure's score among those recorded, or null when it was not asked. */
	public Integer of(Referral.Scores scores) {
		return scores == null ? null : score.apply(scores);
	}

	/** How much better the follow-up is than the baseline: positive is better, whichever way the scale runs. */
	public int improvement(int baseline, int followUp) {
		return lowerIsBetter ? baseline - followUp : followUp - baseline;
	}

	private static Function<Referral.Scores, Integer> ons4(Function<Referral.Ons4, Integer> question) {
		return scores -> scores.ons4() == null ? null : question.apply(scores.ons4());
	}

}
