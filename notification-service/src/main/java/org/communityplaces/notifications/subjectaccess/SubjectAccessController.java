package org.communityplaces.notifications.subjectaccess;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import org.communityplaces.notifications.delivery.Notification;
import org.communityplaces.notifications.delivery.Notifications;
import org.communityplaces.notifications.person.PersonMessagesHeld;
import org.communityplaces.platform.audit.AuditLog;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.caller.CallerProblems;
import org.communityplaces.platform.caller.Role;
import org.communityplaces.platform.problem.Problem;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For an admin answering a person's request for a copy of everything held about them
 * (referral-service asks, on the admin's behalf, with the ids of that person's referrals): the
 * alerts raised about those referrals and the messages for the person. Recipients are named by
 * role, never by address.
 */
@RestController
class SubjectAccessController {

	private static final Pattern REFERRAL_ID = Pattern.compile("[0-9A-Za-z-]{1,64}");

	private final Notifications notifications;

	private final PersonMessagesHeld personMessages;

	private final AuditLog audit;

	SubjectAccessController(Notifications notifications, PersonMessagesHeld personMessages, AuditLog audit) {
		this.notifications = notifications;
		this.personMessages = personMessages;
		this.audit = audit;
	}

	@GetMapping("/api/notifications/subject-access")
	Held held(Caller caller,
			@Parameter(description = "the person's referrals; the parameter once for each") @RequestParam @Size(
					max = 200, message = "must be at most 200 referral ids") List<String> referralId,
			HttpServletRequest request) {
		if (!caller.is(Role.ADMIN)) {
			throw new CallerProblems.NotAllowed("Only admins answer a request for a copy of what is held about a person.");
		}
		// Checked as sent: binding a list trims what surrounds each value, control characters too
		List<String> sent = List.of(request.getParameterValues("referralId"));
		if (!sent.stream().allMatch(id -> REFERRAL_ID.matcher(id).matches())) {
			throw new Problem(HttpStatus.BAD_REQUEST, "Invalid request", "Invalid value for referralId.", "referralId",
					"must be a referral id");
		}
		List<String> referrals = List.copyOf(new LinkedHashSet<>(sent));
		audit.shown(caller, "referral", referrals, "subject access: the alerts and messages held about the person");
		return new Held(
				referrals.stream()
					.flatMap(id -> notifications.aboutReferral(id).stream())
					.map(HeldNotification::of)
					.toList(),
				referrals.stream().flatMap(id -> personMessages.about(id).stream()).toList());
	}

	record Held(List<HeldNotification> notifications, List<PersonMessagesHeld.Held> personMessages) {
	}

	/**
	 * One alert to a host or a referrer about a referral, its words and how far it got.
	 * @param recipient the recipient's role, never their address
	 */
	record HeldNotification(String referralId, String type, String recipient, String channel, String subject,
			String text, String status, Instant createdAt, Instant sentAt, Instant readAt) {

		static HeldNotification of(Notification notification) {
			return new HeldNotification(notification.event().referralId(), notification.event().type(),
					notification.recipient().role(), notification.delivery().channel().name().toLowerCase(Locale.ROOT),
					notification.message().subject(), notification.message().text(),
					notification.delivery().status().name().toLowerCase(Locale.ROOT),
					notification.timeline().createdAt(), notification.timeline().sentAt(),
					notification.timeline().readAt());
		}

	}

}
