package org.communityplaces.referrals.vocabulary;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.communityplaces.contracts.Vocabularies.Term;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The coded terms the forms offer, from the contract's vocabularies: a referral's reasons,
 * needs, interests and accessibility, and what the person may let the place see (with their
 * labels), and the reasons each decision may give.
 */
@RestController
class CodesController {

	/** This answer's keys, which API clients use, and the vocabulary each lists. */
	private static final List<Map.Entry<String, String>> LABELLED = List.of(Map.entry("reason", "referral-reason"),
			Map.entry("need", "need"), Map.entry("interest", "activity"), Map.entry("accessibility", "accessibility"),
			Map.entry("sharing", "shared-with-host"));

	private static final List<String> DECISIONS = List.of("reject", "cancel", "fail", "hold");

	private final ReferralCodes codes;

	CodesController(ReferralCodes codes) {
		this.codes = codes;
	}

	@GetMapping("/api/referrals/codes")
	ResponseEntity<Map<String, Object>> codes() {
		Map<String, Object> all = new LinkedHashMap<>();
		for (Map.Entry<String, String> listed : LABELLED) {
			Map<String, String> labels = new LinkedHashMap<>();
			codes.vocabulary(listed.getValue()).terms().forEach(term -> labels.put(term.code(), term.name()));
			all.put(listed.getKey(), labels);
		}
		Map<String, List<String>> decisions = new LinkedHashMap<>();
		for (String decision : DECISIONS) {
			decisions.put(decision,
					codes.vocabulary(decision + "-reason").terms().stream().map(Term::code).sorted().toList());
		}
		all.put("decisionReasons", decisions);
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate()).body(all);
	}

}
