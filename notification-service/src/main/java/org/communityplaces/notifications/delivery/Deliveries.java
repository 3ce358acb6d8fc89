package org.communityplaces.notifications.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.communityplaces.notifications.notify.GovUkNotify;
import org.communityplaces.notifications.preference.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends e-mail and webhook notifications: at once when they are raised, and again with
 * exponential backoff and jitter while the mail server or the receiving system fails, so an
 * outage delays alerts but loses none. A delivery is claimed before it is tried, so two
 * instances never send the same one together; a crash between sending and recording it
 * sends it again, once.
 */
@Component
class Deliveries {

	private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

	private static final Duration LEASE = Duration.ofMinutes(2);

	/** The channels sent one alert at one time; the digest gathers its alerts, the inbox sends nothing. */
	private static final Set<Channel> ONE_BY_ONE = EnumSet.of(Channel.EMAIL, Channel.TEXT, Channel.WEBHOOK);

	private final Notifications notifications;

	private final Mailer mailer;

	private final WebhookSender webhooks;

	private final GovUkNotify notify;

	private final Clock clock;

	private final MeterRegistry meters;

	private final Duration initialBackoff;

	private final Duration maxBackoff;

	private final int maxAttempts;

	private final TaskExecutor sender;

	Deliveries(Notifications notifications, Mailer mailer, WebhookSender webhooks, GovUkNotify notify, Clock clock,
			MeterRegistry meters,
			@Qualifier(DeliveryExecutorConfiguration.DELIVERY_EXECUTOR) TaskExecutor sender,
			@Value("${notifications.delivery.initial-backoff}") Duration initialBackoff,
			@Value("${notifications.delivery.max-backoff}") Duration maxBackoff,
			@Value("${notifications.delivery.max-attempts}") int maxAttempts) {
		this.notifications = notifications;
		this.mailer = mailer;
		this.webhooks = webhooks;
		this.notify = notify;
		this.clock = clock;
		this.meters = meters;
		this.sender = sender;
		this.initialBackoff = initialBackoff;
		this.maxBackoff = maxBackoff;
		this.maxAttempts = maxAttempts;
		// Every channel's counters exist from the start, so a rate over them is zero rather than missing
		for (Channel channel : Channel.values()) {
			for (String name : List.of("notifications.sent", "notifications.retried", "notifications.failed")) {
				counter(name, channel.name().toLowerCase(Locale.ROOT));
			}
		}
	}

	@EventListener
	void created(NotificationsCreated created) {
		for (String id : created.ids()) {
			sender.execute(() -> {
				Notification notification = notifications.find(id);
				if (notification != null && ONE_BY_ONE.contains(notification.delivery().channel())
						&& notification.delivery().status() == Notification.Status.PENDING
						&& !notification.delivery().nextAttemptAt().isAfter(clock.instant())) {
					deliver(notification);
				}
			});
		}
	}

	/** Catches what is due again after a failure, and what a stopped instance left. */
	@Scheduled(fixedDelayString = "${notifications.delivery.sweep-interval}")
	void sweep() {
		for (Channel channel : ONE_BY_ONE) {
			for (Notification due : notifications.due(channel, clock.instant(), 100)) {
				deliver(due);
			}
		}
	}

	private void deliver(Notification notification) {
		Instant now = clock.instant();
		if (!notifications.claim(notification, now.plus(LEASE))) {
			return;
		}
		Notification.Delivery delivery = notification.delivery();
		String channel = delivery.channel().name().toLowerCase(Locale.ROOT);
		try {
			switch (delivery.channel()) {
				case EMAIL -> mailer.send(delivery.address(), notification.message().subject(), notification.message().text(),
						notification.message().html(), notification.id());
				case TEXT -> notify.textMessage(delivery.address(), notification.message().textMessage(), notification.id());
				case WEBHOOK -> webhooks.send(notification);
				default -> throw new IllegalStateException("Not delivered one by one: " + delivery.channel());
			}
		}
		catch (WebhookSender.Refused | GovUkNotify.Refused refused) {
			notifications.failed(notification.id(), delivery.attempts() + 1, refused.getMessage());
			counter("notifications.failed", channel).increment();
			log.warn("Notification {} not sent: {}", notification.id(), refused.getMessage());
			return;
		}
		catch (RuntimeException failure) {
			failedAttempt(notification, channel, failure);
			return;
		}
		Instant sentAt = clock.instant();
		notifications.sent(notification.id(), sentAt);
		counter("notifications.sent", channel).increment();
		Timer.builder("notifications.delivery.latency")
			.description("From the event to its delivery")
			.tag("channel", channel)
			.publishPercentileHistogram()
			.register(meters)
			.record(Duration.between(notification.timeline().occurredAt(), sentAt));
	}

	private void failedAttempt(Notification notification, String channel, RuntimeException failure) {
		int attempts = notification.delivery().attempts() + 1;
		String error = failure.getClass().getSimpleName();
		if (attempts >= maxAttempts) {
			notifications.failed(notification.id(), attempts, error);
			counter("notifications.failed", channel).increment();
			log.error("Notification {} given up after {} attempts ({})", notification.id(), attempts, error);
			return;
		}
		Duration wait = backoff(attempts);
		notifications.retryAt(notification.id(), attempts, clock.instant().plus(wait), error);
		counter("notifications.retried", channel).increment();
		log.warn("Notification {} over {} failed ({}); attempt {} in {} ms", notification.id(), channel, error,
				attempts + 1, wait.toMillis());
	}

	/** Doubling from the initial wait up to the cap, each wait a random half to whole of that. */
	private Duration backoff(int attempts) {
		long ceiling = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(attempts - 1, 30));
		return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
	}

	private Counter counter(String name, String channel) {
		return Counter.builder(name).tag("channel", channel).register(meters);
	}

}
