package org.communityplaces.referrals.subjectaccess;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.client.RestClient;

/**
 * What notification-service holds about a person's referrals: the alerts raised about them and
 * the messages for the person. Asked on the admin's behalf, with the token the gateway relayed
 * for them, behind retries with jittered backoff and a circuit breaker. A copy of what is held
 * is not held up by it: when it cannot answer, the copy says so.
 */
class NotificationsHeld {

	private static final Logger log = LoggerFactory.getLogger(NotificationsHeld.class);

	/** Referral ids asked for in one request, well inside notification-service's limit and a request line's. */
	private static final int IDS_A_REQUEST = 100;

	private final RestClient notifications;

	private final CircuitBreaker circuitBreaker;

	private final Retry retry;

	NotificationsHeld(RestClient notifications, CircuitBreaker circuitBreaker, Retry retry) {
		this.notifications = notifications;
		this.circuitBreaker = circuitBreaker;
		this.retry = retry;
	}

	/** @return what is held about these referrals, or empty when notification-service did not answer */
	Optional<Held> about(List<String> referralIds) {
		String token = SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken caller
				? caller.getToken().getTokenValue() : null;
		List<Notification> alerts = new ArrayList<>();
		List<PersonMessage> personMessages = new ArrayList<>();
		try {
			for (int from = 0; from < referralIds.size(); from += IDS_A_REQUEST) {
				List<String> some = referralIds.subList(from, Math.min(referralIds.size(), from + IDS_A_REQUEST));
				Supplier<Held> asked = () -> remote(some, token);
				Held held = CircuitBreaker.decorateSupplier(circuitBreaker, Retry.decorateSupplier(retry, asked)).get();
				alerts.addAll(held.notifications());
				personMessages.addAll(held.personMessages());
			}
		}
		catch (RuntimeException unanswered) {
			log.info("Notification service did not answer for a subject access request ({}); the copy says so",
					unanswered.getClass().getSimpleName());
			return Optional.empty();
		}
		return Optional.of(new Held(alerts, personMessages));
	}

	private Held remote(List<String> referralIds, String token) {
		Held held = notifications.get()
			.uri(uri -> uri.path("/api/notifications/subject-access").queryParam("referralId", referralIds.toArray()).build())
			.headers(headers -> {
				if (token != null) {
					headers.setBearerAuth(token);
				}
			})
			.retrieve()
			.body(Held.class);
		return held == null ? new Held(List.of(), List.of()) : held;
	}

	record Held(List<Notification> notifications, List<PersonMessage> personMessages) {

		Held {
			notifications = notifications == null ? List.of() : notifications;
			personMessages = personMessages == null ? List.of() : personMessages;
		}

	}

	/**
	 * An alert to the host or the referrer about a referral.
	 * @param recipient their role
	 * @param channel email, digest, text, webhook or inbox
	 * @param status pending, sent or failed
	 */
	record Notification(String referralId, String type, String recipient, String channel, String subject, String text,
			String status, Instant createdAt, Instant sentAt, Instant readAt) {
	}

	/**
	 * A message for the person: where and when, or the reminder the day before.
	 * @param to where it goes, held only until it is sent
	 */
	record PersonMessage(String referralId, String kind, String way, String status, String outcome, Instant askedAt,
			Instant doneAt, List<String> to, String recipientName, String subject, List<String> paragraphs) {

		PersonMessage {
			to = to == null ? List.of() : to;
			paragraphs = paragraphs == null ? List.of() : paragraphs;
		}

	}

}
