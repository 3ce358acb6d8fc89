package org.communityplaces.referrals.telling;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.communityplaces.platform.outbox.OwnTopic;
import org.communityplaces.referrals.referral.Referral;

/**
 * A message for the person, the way they chose, on its own topic: only what sending it needs
 * (where to, the name to address it to, its words), never the rest of the referral. Only the
 * field of the chosen way is present.
 *
 * @param kind {@code where-and-when} or {@code day-before-reminder}
 * @param way a {@code hear-by} code other than {@code no-contact}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PersonToBeTold(String referralId, String referrerId, String kind, String way, String mobileNumber,
		String emailAddress, Referral.PostalAddress postalAddress, String recipientName, String subject,
		List<String> paragraphs) implements OwnTopic {

	static final String TOPIC = "person-messages";

	@Override
	public String topic() {
		return TOPIC;
	}

	static PersonToBeTold whereAndWhen(Referral referral) {
		return of(referral, "where-and-when", WhereAndWhen.subject(referral), WhereAndWhen.paragraphs(referral));
	}

	static PersonToBeTold reminder(Referral referral) {
		return of(referral, "day-before-reminder", WhereAndWhen.reminderSubject(referral),
				WhereAndWhen.reminder(referral));
	}

	private static PersonToBeTold of(Referral referral, String kind, String subject, List<String> paragraphs) {
		Referral.Telling telling = referral.telling();
		return new PersonToBeTold(referral.id(), referral.referrer().userId(), kind, telling.by(),
				telling.mobileNumber(), telling.emailAddress(), telling.postalAddress(),
				WhereAndWhen.recipientName(referral), subject, paragraphs);
	}

}
