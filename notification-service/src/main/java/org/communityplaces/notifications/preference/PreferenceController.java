package org.communityplaces.notifications.preference;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.communityplaces.notifications.notify.NotifySettings;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.caller.CallerProblems;
import org.communityplaces.platform.caller.Role;
import org.communityplaces.platform.outbound.OutboundAddresses;
import org.communityplaces.platform.problem.Problem;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A host or referrer chooses how they are alerted; admins choose which non-public hosts
 * webhooks may reach.
 */
@RestController
@RequestMapping("/api/notifications")
class PreferenceController {

	private static final SecureRandom random = new SecureRandom();

	private final Preferences preferences;

	private final OutboundAddresses webhookAddresses;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final List<Channel> offered;

	PreferenceController(Preferences preferences, OutboundAddresses webhookAddresses, MongoTemplate mongo, Clock clock,
			NotifySettings notify) {
		this.preferences = preferences;
		this.webhookAddresses = webhookAddresses;
		this.mongo = mongo;
		this.clock = clock;
		this.offered = Arrays.stream(Channel.values())
			.filter(channel -> channel != Channel.TEXT || notify.sendsTextMessages())
			.toList();
	}

	@GetMapping("/preferences")
	PreferenceView show(Caller caller) {
		return PreferenceView.of(preferences.of(recipient(caller)), null, offered);
	}

	/**
	 * Saves the choice. Choosing a webhook gives a new signing secret, shown in this answer
	 * only: the receiving system keeps it to check each request's signature.
	 */
	@PutMapping("/preferences")
	PreferenceView choose(Caller caller, @Valid @RequestBody PreferenceChoice choice) {
		String recipient = recipient(caller);
		Channel channel = Channel.valueOf(choice.channel().toUpperCase(Locale.ROOT));
		String phone = choice.phone() == null || choice.phone().isBlank() ? null
				: MobileNumbers.normalised(choice.phone()).orElseThrow(() -> new Problem(HttpStatus.BAD_REQUEST,
						"Invalid request", "Invalid value for phone: it must be a UK mobile number, such as 07700 900123.",
						"phone", "must be a UK mobile number, such as 07700 900123"));
		if (!offered.contains(channel)) {
			throw new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "Channel not offered",
					"Invalid value for channel: this service does not send text messages.", "channel",
					"must be one this service offers: " + String.join(", ", offered.stream()
						.map(offer -> offer.name().toLowerCase(Locale.ROOT))
						.toList()));
		}
		if (channel == Channel.TEXT && phone == null) {
			throw new Problem(HttpStatus.BAD_REQUEST, "Invalid request",
					"Invalid value for phone: text messages need a mobile number.", "phone",
					"must be given for text messages");
		}
		String secret = null;
		String webhookUrl = null;
		if (channel == Channel.WEBHOOK) {
			if (choice.webhookUrl() == null || choice.webhookUrl().isBlank()) {
				throw new Problem(HttpStatus.BAD_REQUEST, "Invalid request", "Invalid value for webhookUrl: a webhook needs a URL.",
						"webhookUrl", "must be given for a webhook");
			}
			webhookUrl = choice.webhookUrl().strip();
			String refusal = webhookAddresses.refusal(webhookUrl).orElse(null);
			if (refusal != null) {
				throw new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "Webhook address not allowed",
						"Invalid value for webhookUrl: " + refusal + ".", "webhookUrl", refusal);
			}
			byte[] key = new byte[32];
			random.nextBytes(key);
			secret = HexFormat.of().formatHex(key);
		}
		Preference preference = new Preference(recipient, channel,
				choice.email() == null || choice.email().isBlank() ? null : choice.email().strip().toLowerCase(Locale.ROOT),
				channel == Channel.TEXT ? phone : null, webhookUrl, secret, clock.instant());
		preferences.save(preference);
		return PreferenceView.of(preference, secret, offered);
	}

	@GetMapping("/webhook-hosts")
	List<AllowedWebhookHost> allowedHosts(Caller caller) {
		requireAdmin(caller);
		return mongo.findAll(AllowedWebhookHost.class);
	}

	@PutMapping("/webhook-hosts/{host}")
	AllowedWebhookHost allowHost(Caller caller, @PathVariable String host) {
		requireAdmin(caller);
		requireHostName(host);
		return mongo.save(new AllowedWebhookHost(host.toLowerCase(Locale.ROOT), caller.id(), clock.instant()));
	}

	@DeleteMapping("/webhook-hosts/{host}")
	ResponseEntity<Void> disallowHost(Caller caller, @PathVariable String host) {
		requireAdmin(caller);
		requireHostName(host);
		mongo.remove(Query.query(Criteria.where("_id")
			.is(host.toLowerCase(Locale.ROOT))), AllowedWebhookHost.class);
		return ResponseEntity.noContent().build();
	}

	private static String recipient(Caller caller) {
		if ((!caller.is(Role.HOST) && !caller.is(Role.REFERRER)) || caller.email() == null) {
			throw new CallerProblems.NotAllowed("Alerts go to hosts and referrers.");
		}
		return caller.email().toLowerCase(Locale.ROOT);
	}

	private static void requireHostName(String host) {
		if (!OutboundAddresses.isHostName(host)) {
			throw new Problem(HttpStatus.BAD_REQUEST, "Invalid request", "Invalid value for host: not a host name or address.",
					"host", "must be a host name or IP address");
		}
	}

	private static void requireAdmin(Caller caller) {
		if (!caller.is(Role.ADMIN)) {
			throw new CallerProblems.NotAllowed("Only admins choose which hosts webhooks may reach.");
		}
	}

	record PreferenceChoice(
			@NotNull @Pattern(regexp = "(?i)email|digest|text|webhook|inbox",
					message = "must be email, digest, text, webhook or inbox") String channel,
			@Email(regexp = ".+@.+\\..+", message = "must be an e-mail address") @Size(max = 254) String email,
			@Size(max = 30) String phone, @Size(max = 2000) String webhookUrl) {
	}

	/**
	 * @param webhookSecret only in the answer that made it
	 * @param channels the channels this service offers, as the alerts page lists them
	 */
	record PreferenceView(String channel, String email, String phone, String webhookUrl, String webhookSecret,
			Instant updatedAt, List<ChannelChoice> channels) {

		static PreferenceView of(Preference preference, String newSecret, List<Channel> offered) {
			return new PreferenceView(preference.channel().name().toLowerCase(Locale.ROOT),
					preference.channel() == Channel.EMAIL || preference.channel() == Channel.DIGEST ? preference.address()
							: null,
					preference.phone(), preference.webhookUrl(), newSecret, preference.updatedAt(),
					offered.stream()
						.map(channel -> new ChannelChoice(channel.name().toLowerCase(Locale.ROOT), channel.choice()))
						.toList());
		}

	}

	record ChannelChoice(String code, String name) {
	}

}
