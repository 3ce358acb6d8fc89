package org.communityplaces.referrals.message;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.referral.ReferralAccess;
import org.communityplaces.referrals.referral.ReferralAnswers;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MessageController {

	private final Messages messages;

	private final ReferralAccess access;

	private final ReferralAnswers answers;

	MessageController(Messages messages, ReferralAccess access, ReferralAnswers answers) {
		this.messages = messages;
		this.access = access;
		this.answers = answers;
	}

	/** Answers the referral with the message added, as the writer sees it. */
	@PostMapping("/api/referrals/{id}/messages")
	ResponseEntity<Object> write(Caller caller, @PathVariable String id, @Valid @RequestBody MessageText message,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		Referral referral = ReferralAnswers.unchanged(access.visible(caller, id, Messages.PURPOSE), ifMatch);
		return answers.withVersion(caller, messages.write(caller, referral, message.text()), Messages.PURPOSE);
	}

	/** Plain text, kept without the spaces and blank lines around it. */
	record MessageText(@NotBlank(message = "Write your message") @Size(max = 2000,
			message = "Your message must be 2,000 characters or fewer") String text) {

		MessageText {
			text = text == null ? null : text.strip();
		}

	}

}
