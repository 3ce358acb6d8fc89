package org.communityplaces.notifications.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.communityplaces.notifications.notify.GovUkNotify;
import org.communityplaces.notifications.preference.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Sends e-mail, text message and webhook notifications: at once when they are raised, and again
 * with exponential backoff and jitter while the mail server or the receiving system fails, so an
 * outage delays alerts but loses none. Each channel has its own bounded lane of threads, which
 * works through one address at a time; the sweep only hands addresses to the lanes, so neither
 * the scheduler nor another recipient waits on a slow receiver. A delivery is claimed before it
 * is tried, so two instances never send the same one together; a crash between sending and
 * recording it sends it again, once (an e-mail with the same {@code Message-ID}).
 */
@Component
class Deliveries {

	private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

	private static final Duration LEASE = Duration.ofMinutes(2);

	/** Addresses a sweep looks at for each channel. */
	private static final int SWEEP_LIMIT = 100;

	/** Deliveries to one address in one turn on a thread, after which others have their turn. */
	private static final int TURN = 20;

	private final Notifications notifications;

	private final Mailer mailer;

	private final WebhookSender webhooks;

	private final GovUkNotify notify;

	private final Clock clock;

	private final MeterRegistry meters;

	private final Duration initialBackoff;

	private final Duration maxBackoff;

	private final int maxAttempts;

	/** The channels sent one alert at one time; the digest gathers its alerts, the inbox sends nothing. */
	private final Map<Channel, DeliveryLane> lanes = new EnumMap<>(Channel.class);

	Deliveries(Notifications notifications, Mailer mailer, WebhookSender webhooks, GovUkNotify notify, Clock clock,
			MeterRegistry meters,
			@Qualifier(DeliveryExecutorConfiguration.EMAIL_EXECUTOR) ThreadPoolTaskExecutor emails,
			@Qualifier(DeliveryExecutorConfiguration.TEXT_EXECUTOR) ThreadPoolTaskExecutor texts,
			@Qualifier(DeliveryExecutorConfiguration.WEBHOOK_EXECUTOR) ThreadPoolTaskExecutor webhookCalls,
			@Value("${notifications.delivery.initial-backoff}") Duration initialBackoff,
			@Value("${notifications.delivery.max-backoff}") Duration maxBackoff,
			@Value("${notifications.delivery.max-attempts}") int maxAttempts) {
		this.notifications = notifications;
		this.mailer = mailer;
		this.webhooks = webhooks;
		this.notify = notify;
		this.clock = clock;
		this.meters = meters;
		lanes.put(Channel.EMAIL, new DeliveryLane(emails));
		lanes.put(Channel.TEXT, new DeliveryLane(texts));
		lanes.put(Channel.WEBHOOK, new DeliveryLane(webhookCalls));
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

	/** A full lane leaves the alert due in the store, for the sweep. */
	@EventListener
	void created(NotificationsCreated created) {
		for (Notification notification : created.notifications()) {
			Notification.Delivery delivery = notification.delivery();
			DeliveryLane lane = lanes.get(delivery.channel());
			if (lane != null && delivery.status() == Notification.Status.PENDING) {
				lane.take(delivery.address(), address -> workThrough(delivery.channel(), address));
			}
		}
	}

	/**
	 * Catches what is due again after a failure, and what a stopped instance left: hands each
	 * address with something due to its channel's lane, while the lane has room, and sends
	 * nothing itself.
	 */
	@SchedulerLock(name = "deliveries-sweep", lockAtMostFor = "2m")
	@Scheduled(fixedDelayString = "${notifications.delivery.sweep-interval}")
	void sweep() {
		Instant now = clock.instant();
		lanes.forEach((channel, lane) -> {
			if (lane.full()) {
				return;
			}
			for (String address : notifications.dueAddresses(channel, now, lane.inHand(), SWEEP_LIMIT)) {
				if (!lane.take(address, taken -> workThrough(channel, taken))) {
					return;
				}
			}
		});
	}

	/** On a lane's thread: what is due to one address, oldest first, for one turn. */
	private void workThrough(Channel channel, String address) {
		for (int sent = 0; sent < TURN; sent++) {
			Notification due = notifications.nextDue(channel, address, clock.instant());
			if (due == null || !deliver(due)) {
				return;
			}
		}
	}

	/** @return false when another instance had claimed it */
	private boolean deliver(Notification notification) {
		Instant now = clock.instant();
		if (!notifications.claim(notification, now.plus(LEASE))) {
			return false;
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
			return true;
		}
		catch (RuntimeException failure) {
			failedAttempt(notification, channel, failure);
			return true;
		}
		// Before it is recorded, so the logs show each time an alert went out, even where its record failed
		log.info("Notification {} sent over {} (attempt {})", notification.id(), channel, delivery.attempts() + 1);
		Instant sentAt = clock.instant();
		notifications.sent(notification.id(), sentAt);
		counter("notifications.sent", channel).increment();
		Timer.builder("notifications.delivery.latency")
			.description("From the event to its delivery")
			.tag("channel", channel)
			.publishPercentileHistogram()
			.register(meters)
			.record(Duration.between(notification.timeline().occurredAt(), sentAt));
		return true;
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
