package org.communityplaces.notifications.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.communityplaces.notifications.preference.Preference;
import org.communityplaces.notifications.preference.Preferences;
import org.communityplaces.notifications.preference.WebhookAddresses;

import org.springframework.stereotype.Component;

/**
 * POSTs a notification to the recipient's webhook, signed so the receiver can tell it came
 * from here and is fresh: {@code X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>" under their secret>}. Receivers should refuse a signature older than five
 * minutes. Redirects are not followed, and the address is checked again before each request.
 */
@Component
class WebhookSender {

	static final String SIGNATURE = "X-Signature";

	private final Preferences preferences;

	private final WebhookAddresses addresses;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	WebhookSender(Preferences preferences, WebhookAddresses addresses, Clock clock) {
		this.preferences = preferences;
		this.addresses = addresses;
		this.clock = clock;
	}

	void send(Notification notification) {
		String url = notification.delivery().address();
		String refusal = addresses.refusal(url).orElse(null);
		if (refusal != null) {
			throw new Refused("webhook address refused: " + refusal);
		}
		Preference preference = preferences.of(notification.recipient().email());
		if (preference.webhookSecret() == null || !url.equals(preference.webhookUrl())) {
			throw new Refused("the recipient no longer takes webhooks at this address");
		}
		String body = notification.message().webhookBody();
		long timestamp = clock.instant().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.header("X-Notification-Id", notification.id())
			.header(SIGNATURE, "t=" + timestamp + ",v1=" + sign(preference.webhookSecret(), timestamp, body))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<Void> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException ex) {
			throw new Unreachable(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Unreachable(ex);
		}
		if (response.statusCode() / 100 != 2) {
			throw new Unreachable(new IOException("webhook answered " + response.statusCode()));
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
