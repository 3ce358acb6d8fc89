package org.communityplaces.notifications.person;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Pattern;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.caller.CallerProblems;
import org.communityplaces.platform.caller.Role;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For the referrer who made a referral: whether the person was sent where and when and the
 * reminder, the way they chose, or why not. Nothing of the person is in it.
 */
@RestController
class PersonMessagesController {

	private final PersonMessages messages;

	PersonMessagesController(PersonMessages messages) {
		this.messages = messages;
	}

	@GetMapping("/api/notifications/person-messages")
	List<Sent> sent(Caller caller, @RequestParam @Pattern(regexp = "[0-9A-Za-z-]{1,64}",
			message = "must be a referral id") String referralId) {
		if (!caller.is(Role.REFERRER)) {
			throw new CallerProblems.NotAllowed("Only the referrer who made a referral sees what the person was sent.");
		}
		return messages.of(referralId, caller.id()).stream().map(Sent::of).toList();
	}

	/**
	 * @param kind {@code where-and-when} or {@code day-before-reminder}
	 * @param way {@code text}, {@code letter} or {@code email}
	 * @param status {@code pending}, {@code sent}, {@code not-sent} or {@code failed}
	 * @param outcome why it was not sent, in words, or null
	 */
	record Sent(String kind, String way, String status, String outcome, Instant askedAt, Instant doneAt) {

		static Sent of(PersonMessage message) {
			return new Sent(message.kind(), message.way(), message.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
					message.outcome(), message.createdAt(), message.doneAt());
		}

	}

}
