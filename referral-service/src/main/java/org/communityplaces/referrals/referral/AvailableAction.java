package org.communityplaces.referrals.referral;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing the caller may do to a referral now, as the web app offers it: a button with its
 * words, where to send it and what its form asks for.
 *
 * @param action what it does, such as {@code accept} or {@code record-baseline}
 * @param input {@code none}, {@code reason}, {@code attendance}, {@code outcome}, {@code place},
 * {@code message} (words to the other side, the label naming who reads them) or
 * {@code consent-withdrawal} (nothing to send, but a step to confirm what is erased)
 * @param reasons the coded reasons to choose from, when the input is a reason
 * @param attended whether the person came, when the input is attendance
 * @param timepoint {@code baseline} or {@code follow-up}, when the input is an outcome
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AvailableAction(String action, String label, String method, String href, String input,
		List<ReasonChoice> reasons, Boolean attended, String timepoint) {

	public static AvailableAction withoutInput(Referral referral, String action, String label, String path) {
		return new AvailableAction(action, label, "POST", href(referral, path), "none", null, null, null);
	}

	public static AvailableAction withReason(Referral referral, String action, String label, String path,
			List<ReasonChoice> reasons) {
		return new AvailableAction(action, label, "POST", href(referral, path), "reason", List.copyOf(reasons), null,
				null);
	}

	/** An answer that may give the day the person is expected first ({@code firstVisitOn}), or none. */
	public static AvailableAction firstVisit(Referral referral, String action, String label, String path) {
		return new AvailableAction(action, label, "POST", href(referral, path), "first-visit", null, null, null);
	}

	public static AvailableAction attendance(Referral referral, String action, String label, boolean attended) {
		return new AvailableAction(action, label, "POST", href(referral, "attendance"), "attendance", null, attended,
				null);
	}

	public static AvailableAction outcome(Referral referral, String action, String label, String timepoint) {
		return new AvailableAction(action, label, "POST", href(referral, "outcomes"), "outcome", null, null, timepoint);
	}

	public static AvailableAction place(Referral referral, String action, String label, String path) {
		return new AvailableAction(action, label, "POST", href(referral, path), "place", null, null, null);
	}

	public static AvailableAction message(Referral referral, String action, String label, String path) {
		return new AvailableAction(action, label, "POST", href(referral, path), "message", null, null, null);
	}

	private static String href(Referral referral, String path) {
		return "/api/referrals/" + referral.id() + "/" + path;
	}

	/** @param needsText true when words must say what the reason is ({@code other}) */
	public record ReasonChoice(String code, String label, boolean needsText) {
	}

}
