package org.communityplaces.notifications.delivery;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.communityplaces.notifications.preference.Preference;
import org.communityplaces.notifications.preference.Preferences;
import org.communityplaces.platform.outbound.OutboundAddresses;
import org.communityplaces.platform.outbound.PinnedHttpClient;

import org.springframework.stereotype.Component;

/**
 * POSTs a notification to the recipient's webhook, signed so the receiver can tell it came
 * from here and is fresh: {@code X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>" under their secret>}. Receivers should refuse a signature older than five
 * minutes. Redirects are not followed, and the address is checked again before each request and
 * the request made to the addresses that were checked.
 */
@Component
class WebhookSender {

	static final String SIGNATURE = "X-Signature";

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	/** A receiver slower than this is retried later, so that it does not hold up other deliveries. */
	private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

	private final Preferences preferences;

	private final OutboundAddresses addresses;

	private final Clock clock;

	WebhookSender(Preferences preferences, OutboundAddresses addresses, Clock clock) {
		this.preferences = preferences;
		this.addresses = addresses;
		this.clock = clock;
	}

	void send(Notification notification) {
		String url = notification.delivery().address();
		OutboundAddresses.Verdict verdict = addresses.check(url);
		if (verdict.refusal() != null) {
			throw new Refused("webhook address refused: " + verdict.refusal());
		}
		Preference preference = preferences.of(notification.recipient().email());
		if (preference.webhookSecret() == null || !url.equals(preference.webhookUrl())) {
			throw new Refused("the recipient no longer takes webhooks at this address");
		}
		String body = notification.message().webhookBody();
		long timestamp = clock.instant().getEpochSecond();
		HttpPost request = new HttpPost(URI.create(url));
		request.setHeader("X-Notification-Id", notification.id());
		request.setHeader(SIGNATURE, "t=" + timestamp + ",v1=" + sign(preference.webhookSecret(), timestamp, body));
		request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
		int status;
		try (CloseableHttpClient http = PinnedHttpClient.to(verdict.addresses(), CONNECT_TIMEOUT, READ_TIMEOUT)) {
			status = http.execute(request, response -> {
				EntityUtils.consume(response.getEntity());
				return response.getCode();
			});
		}
		catch (IOException ex) {
			throw new Unreachable(ex);
		}
		if (status / 100 != 2) {
			throw new Unreachable(new IOException("webhook answered " + status));
		}
	}


	static String sign(String secret, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is part of every JVM", ex);
		}
	}

	/** Worth trying again later: the receiver was down or said so. */
	static class Unreachable extends RuntimeException {

		Unreachable(Exception cause) {
			super(cause);
		}

	}

	/** Not worth trying again: the address is no longer allowed. */
	static class Refused extends RuntimeException {

		Refused(String reason) {
			super(reason);
		}

	}

}
