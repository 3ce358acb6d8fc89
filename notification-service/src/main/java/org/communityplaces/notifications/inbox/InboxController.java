package org.communityplaces.notifications.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.communityplaces.notifications.delivery.Notification;
import org.communityplaces.notifications.delivery.Notifications;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.caller.CallerProblems;
import org.communityplaces.platform.caller.Role;
import org.communityplaces.platform.problem.Problem;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Each host's and referrer's portal inbox, and for admins who was told what about a referral. */
@RestController
@RequestMapping("/api/notifications")
class InboxController {

	private final Notifications notifications;

	private final Clock clock;

	InboxController(Notifications notifications, Clock clock) {
		this.notifications = notifications;
		this.clock = clock;
	}

	@GetMapping("/inbox")
	List<InboxItem> inbox(Caller caller, @RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		return notifications.inbox(recipient(caller), unread, page, size).stream().map(InboxItem::of).toList();
	}

	@GetMapping("/inbox/unread-count")
	Map<String, Long> unreadCount(Caller caller) {
		return Map.of("unread", notifications.unread(recipient(caller)));
	}

	@PostMapping("/inbox/{id}/read")
	Map<String, Long> markRead(Caller caller, @PathVariable String id) {
		String recipient = recipient(caller);
		if (!notifications.markRead(recipient, id, clock.instant())) {
			throw new Problem(HttpStatus.NOT_FOUND, "Notification not found", "There is no such notification in your inbox.");
		}
		return Map.of("unread", notifications.unread(recipient));
	}

	/** Who was told what about a referral, and how far each delivery got, without addresses. */
	@GetMapping
	List<Delivery> aboutReferral(Caller caller, @RequestParam @Pattern(regexp = "[0-9A-Za-z-]{1,64}",
			message = "must be a referral id") String referralId) {
		if (!caller.is(Role.ADMIN)) {
			throw new CallerProblems.NotAllowed("Only admins see every alert about a referral.");
		}
		return notifications.aboutReferral(referralId).stream().map(Delivery::of).toList();
	}

	private static String recipient(Caller caller) {
		if (caller.email() == null) {
			throw new CallerProblems.NotAllowed("Only hosts and referrers have an inbox.");
		}
		return caller.email().toLowerCase(Locale.ROOT);
	}

	record InboxItem(String id, String type, String referralId, String subject, String text, Instant createdAt,
			Instant readAt) {

		static InboxItem of(Notification notification) {
			return new InboxItem(notification.id(), notification.event().type(), notification.event().referralId(),
					notification.message().subject(), notification.message().text(), notification.timeline().createdAt(),
					notification.timeline().readAt());
		}

	}

	/** @param recipient the recipient's role, never their address */
	record Delivery(String recipient, String type, String channel, String subject, String status, int attempts,
			String lastError, Instant createdAt, Instant sentAt) {

		static Delivery of(Notification notification) {
			Notification.Delivery delivery = notification.delivery();
			return new Delivery(notification.recipient().role(), notification.event().type(),
					delivery.channel().name().toLowerCase(Locale.ROOT), notification.message().subject(),
					delivery.status().name().toLowerCase(Locale.ROOT), delivery.attempts(), delivery.lastError(),
					notification.timeline().createdAt(), notification.timeline().sentAt());
		}

	}

}
