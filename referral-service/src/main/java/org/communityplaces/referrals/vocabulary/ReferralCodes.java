package org.communityplaces.referrals.vocabulary;

import java.util.LinkedHashSet;
import java.util.List;

import org.communityplaces.contracts.Vocabularies;
import org.communityplaces.contracts.Vocabularies.Vocabulary;
import org.communityplaces.platform.problem.Problem;
import org.communityplaces.referrals.referral.AvailableAction.ReasonChoice;
import org.communityplaces.referrals.referral.ReferralProblems;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The coded terms a referral uses (reasons, needs, interests, accessibility, age bands,
 * contact and consent methods, lawful bases, what the host may see, decision reasons,
 * timepoints), as the contract's vocabularies define them once for every service. Free text would carry personal detail into
 * places it should not go; codes can be counted, filtered and shown to a host safely.
 */
@Component
public class ReferralCodes {

	private final Vocabularies vocabularies = Vocabularies.load();

	/**
	 * @param vocabulary the contract's vocabulary, such as {@code need}
	 * @param field the request field, named in the answer if a code is unknown
	 * @return the codes, without repeats, in the order given
	 */
	public List<String> check(String vocabulary, String field, List<String> given) {
		if (given == null) {
			return List.of();
		}
		Vocabulary known = vocabularies.get(vocabulary);
		for (int i = 0; i < given.size(); i++) {
			if (given.get(i) == null || !known.has(given.get(i))) {
				throw new UnknownCode(field + "[" + i + "]", known);
			}
		}
		return List.copyOf(new LinkedHashSet<>(given));
	}

	/** @return the code, or null when none is given */
	public String check(String vocabulary, String field, String given) {
		Vocabulary known = vocabularies.get(vocabulary);
		if (given != null && !known.has(given)) {
			throw new ReferralProblems.InvalidField(field, "must be " + inWords(known.codes()));
		}
		return given;
	}

	public Vocabulary vocabulary(String code) {
		return vocabularies.get(code);
	}

	/** A decision's reasons to choose from, {@code other} needing words to say what it is. */
	public List<ReasonChoice> reasons(String vocabulary) {
		return vocabularies.get(vocabulary)
			.terms()
			.stream()
			.map(term -> new ReasonChoice(term.code(), term.name(), term.code().equals("other")))
			.toList();
	}

	/** {@code a, b or c} */
	static String inWords(List<String> codes) {
		int last = codes.size() - 1;
		return last == 0 ? codes.get(0) : String.join(", ", codes.subList(0, last)) + " or " + codes.get(last);
	}

	static class UnknownCode extends Problem {

		UnknownCode(String field, Vocabulary known) {
			super(HttpStatus.BAD_REQUEST, "Invalid request",
					"Invalid value for " + field + ": not a known " + known.code() + " code.", field,
					"must be one of " + inWords(known.codes()));
		}

	}

}
