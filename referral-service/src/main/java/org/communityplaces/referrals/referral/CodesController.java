package org.communityplaces.referrals.referral;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;


/**
 * The coded terms the forms offer: a referral's reasons, needs, interests and accessibility
 * (with their labels), and the reasons each decision may give.
 */
@RestController
class CodesController {

	private final ReferralCodes codes;

	CodesController(ReferralCodes codes) {
		this.codes = codes;
	}

	@GetMapping("/api/referrals/codes")
	ResponseEntity<Map<String, Object>> codes() {
		Map<String, Object> all = new LinkedHashMap<>(codes.labelled());
		Map<String, List<String>> decisions = new LinkedHashMap<>();
		for (Action action : List.of(Action.REJECT, Action.CANCEL, Action.FAIL, Action.HOLD)) {
			decisions.put(action.name().toLowerCase(), action.reasons().stream().sorted().toList());
		}
		all.put("decisionReasons", decisions);
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate()).body(all);
	}

}
