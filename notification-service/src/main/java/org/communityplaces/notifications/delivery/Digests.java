package org.communityplaces.notifications.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.communityplaces.notifications.preference.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a day, one e-mail per recipient who chose the digest, listing what happened since the
 * last one. If the mail server is down the items wait for the next run; none is lost.
 */
@Component
class Digests {

	private static final Logger log = LoggerFactory.getLogger(Digests.class);

	private final Notifications notifications;

	private final Mailer mailer;

	private final MailTemplates templates;

	private final Clock clock;

	private final MeterRegistry meters;

	private final String portalUrl;

	Digests(Notifications notifications, Mailer mailer, MailTemplates templates, Clock clock, MeterRegistry meters,
			@Value("${notifications.portal-url}") String portalUrl) {
		this.notifications = notifications;
		this.mailer = mailer;
		this.templates = templates;
		this.clock = clock;
		this.meters = meters;
		this.portalUrl = portalUrl;
	}

	@Scheduled(cron = "${notifications.digest.cron}", zone = "${notifications.digest.time-zone}")
	void sendDigests() {
		Map<String, List<Notification>> byAddress = new LinkedHashMap<>();
		for (Notification waiting : notifications.pending(Channel.DIGEST)) {
			byAddress.computeIfAbsent(waiting.delivery().address(), address -> new ArrayList<>()).add(waiting);
		}
		byAddress.forEach((address, items) -> {
			List<String> lines = items.stream().map(item -> item.message().subject()).toList();
			MailTemplates.Rendered digest = templates.render(
					items.size() == 1 ? "Your referral alerts: 1 update" : "Your referral alerts: " + items.size() + " updates",
					lines, "Open the portal", portalUrl);
			try {
				mailer.send(address, digest.subject(), digest.text(), digest.html(), null);
			}
			catch (RuntimeException failure) {
				meters.counter("notifications.retried", "channel", "digest").increment(items.size());
				log.warn("Digest of {} alerts not sent ({}); they wait for the next run", items.size(),
						failure.getClass().getSimpleName());
				return;
			}
			items.forEach(item -> notifications.sent(item.id(), clock.instant()));
			meters.counter("notifications.sent", "channel", "digest").increment(items.size());
		});
	}

}
