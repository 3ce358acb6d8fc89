package org.communityplaces.notifications.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.communityplaces.notifications.preference.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a day, one e-mail per recipient who chose the digest, listing what happened since the
 * last one. If the mail server is down the items wait for the next run; none is lost. Each
 * recipient's digest is claimed for the day before it is sent, so two instances running the
 * digest at once (a lost or expired job lock) send it once between them.
 */
@Component
class Digests {

	private static final Logger log = LoggerFactory.getLogger(Digests.class);

	/** Far longer than one e-mail takes; after it, a claim whose instance died may be taken over. */
	private static final Duration CLAIM = Duration.ofMinutes(10);

	private final Notifications notifications;

	private final DigestClaims claims;

	private final Mailer mailer;

	private final MailTemplates templates;

	private final Clock clock;

	private final MeterRegistry meters;

	private final String portalUrl;

	private final ZoneId zone;

	Digests(Notifications notifications, DigestClaims claims, Mailer mailer, MailTemplates templates, Clock clock,
			MeterRegistry meters, @Value("${notifications.portal-url}") String portalUrl,
			@Value("${notifications.digest.time-zone}") ZoneId zone) {
		this.notifications = notifications;
		this.claims = claims;
		this.mailer = mailer;
		this.templates = templates;
		this.clock = clock;
		this.meters = meters;
		this.portalUrl = portalUrl;
		this.zone = zone;
	}

	@SchedulerLock(name = "digests", lockAtMostFor = "1h", lockAtLeastFor = "${notifications.digest.lock-at-least-for:5m}")
	@Scheduled(cron = "${notifications.digest.cron}", zone = "${notifications.digest.time-zone}")
	void sendDigests() {
		LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
		claims.forgetBefore(today);
		Map<String, List<Notification>> byAddress = new LinkedHashMap<>();
		for (Notification waiting : notifications.pending(Channel.DIGEST)) {
			byAddress.computeIfAbsent(waiting.delivery().address(), address -> new ArrayList<>()).add(waiting);
		}
		byAddress.forEach((address, items) -> {
			String key = DigestClaims.keyOf(today, address);
			Instant claimedUntil = clock.instant().plus(CLAIM);
			if (!claims.claim(key, today, clock.instant(), claimedUntil)) {
				return;
			}
			List<String> lines = items.stream().map(item -> item.message().subject()).toList();
			MailTemplates.Rendered digest = templates.render(
					items.size() == 1 ? "Your referral alerts: 1 update" : "Your referral alerts: " + items.size() + " updates",
					lines, "Open the portal", portalUrl);
			try {
				mailer.send(address, digest.subject(), digest.text(), digest.html(), key);
			}
			catch (RuntimeException failure) {
				claims.release(key, claimedUntil);
				meters.counter("notifications.retried", "channel", "digest").increment(items.size());
				log.warn("Digest of {} alerts not sent ({}); they wait for the next run", items.size(),
						failure.getClass().getSimpleName());
				return;
			}
			meters.counter("notifications.sent", "channel", "digest").increment(items.size());
			try {
				items.forEach(item -> notifications.sent(item.id(), clock.instant()));
				claims.sent(key, clock.instant());
			}
			catch (RuntimeException storeAway) {
				// Sent but not recorded: the claim keeps today's copy from going again, the alerts
				// still pending go in tomorrow's digest; the other recipients are not held up
				log.warn("Digest of {} alerts sent but not recorded ({})", items.size(),
						storeAway.getClass().getSimpleName());
			}
		});
	}

}
