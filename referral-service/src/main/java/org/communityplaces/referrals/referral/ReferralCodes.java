package org.communityplaces.referrals.referral;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The coded terms of a referral (reasons, needs, interests, accessibility), from
 * {@code referrals/codes.json}. Free text would carry personal detail into places it should
 * not go; codes can be counted, filtered and shown to a host safely.
 */
@Component
class ReferralCodes {

	private final Map<String, Set<String>> codes;

	private final Map<String, Map<String, String>> labelled;

	ReferralCodes(JsonMapper json) {
		try (InputStream in = new ClassPathResource("referrals/codes.json").getInputStream()) {
			JsonNode document = json.readTree(in);
			this.codes = Map.of("reason", codesOf(document, "reason"), "need", codesOf(document, "need"),
					"interest", codesOf(document, "interest"), "accessibility", codesOf(document, "accessibility"));
			Map<String, Map<String, String>> labels = new LinkedHashMap<>();
			for (String vocabulary : List.of("reason", "need", "interest", "accessibility")) {
				Map<String, String> terms = new LinkedHashMap<>();
				document.path(vocabulary).properties().forEach(term -> terms.put(term.getKey(), term.getValue().asString()));
				labels.put(vocabulary, Collections.unmodifiableMap(terms));
			}
			this.labelled = Collections.unmodifiableMap(labels);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read referrals/codes.json", ex);
		}
	}

	/**
	 * @param vocabulary reason, need, interest or accessibility
	 * @param field the request field, named in the answer if a code is unknown
	 * @return the codes, without repeats, in the order given
	 */
	List<String> check(String vocabulary, String field, List<String> given) {
		if (given == null) {
			return List.of();
		}
		Set<String> known = codes.get(vocabulary);
		for (int i = 0; i < given.size(); i++) {
			if (given.get(i) == null || !known.contains(given.get(i))) {
				throw new ReferralProblems.UnknownCode(field + "[" + i + "]", vocabulary, known);
			}
		}
		return List.copyOf(new LinkedHashSet<>(given));
	}

	/** Every vocabulary's codes with their plain-English labels, in the file's order, for forms. */
	Map<String, Map<String, String>> labelled() {
		return labelled;
	}

	private static Set<String> codesOf(JsonNode document, String vocabulary) {
		Set<String> codes = new LinkedHashSet<>();
		document.path(vocabulary).propertyNames().forEach(codes::add);
		return Set.copyOf(codes);
	}

}
