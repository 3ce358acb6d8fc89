package org.communityplaces.referrals.telling;

import java.time.LocalDate;
import java.util.List;

import org.communityplaces.platform.audit.AuditLog;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.caller.Role;
import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.referral.ReferralAccess;
import org.communityplaces.referrals.referral.ReferralProblems;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where and when as a letter the referrer prints and hands over, for a person with no phone
 * or internet (or as well as what was sent): the same words the person is sent, addressed by
 * name, with nothing else about them. For the referring organisation only, once the place has
 * said yes; every reading is audited as other readings of a referral are.
 */
@RestController
class LetterController {

	private static final String PURPOSE = "print where and when for the person";

	private final ReferralAccess access;

	private final AuditLog audit;

	LetterController(ReferralAccess access, AuditLog audit) {
		this.access = access;
		this.audit = audit;
	}

	@GetMapping("/api/referrals/{id}/letter")
	Letter letter(Caller caller, @PathVariable String id) {
		if (!caller.is(Role.REFERRER)) {
			throw ReferralProblems.notAllowed(caller, "print the letter for the person");
		}
		Referral referral = access.visible(caller, id, PURPOSE);
		if (!Referral.Telling.letterReady(referral.status())) {
			throw new ReferralProblems.Conflict(
					"The letter is ready once the place has said yes; this referral is " + referral.status().code() + ".");
		}
		audit.shown(caller, "referral", List.of(referral.id()), PURPOSE);
		Referral.Visit visit = referral.telling().visit();
		return new Letter(referral.id(), WhereAndWhen.recipientName(referral), referral.place().name(),
				WhereAndWhen.subject(referral), WhereAndWhen.paragraphs(referral),
				visit == null ? null : visit.firstVisitOn(), WhereAndWhen.organisation(referral));
	}

	/**
	 * @param to the person's name, the only thing about them on it
	 * @param paragraphs the words they are sent: where, when if known, who to ask for, who to tell if they cannot go
	 * @param firstVisitOn the day the host gave, or null
	 * @param from the referrer's organisation
	 */
	record Letter(String referralId, String to, String placeName, String heading, List<String> paragraphs,
			LocalDate firstVisitOn, String from) {
	}

}
