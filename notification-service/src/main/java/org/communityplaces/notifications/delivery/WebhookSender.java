package org.communityplaces.notifications.delivery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.communityplaces.notifications.preference.Preference;
import org.communityplaces.notifications.preference.Preferences;
import org.communityplaces.platform.outbound.OutboundAddresses;

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
		try (CloseableHttpClient http = client(verdict.addresses())) {
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

	/**
	 * A client for one request that connects only to the addresses checked: its host name is
	 * still the one sent in the Host header and checked against the certificate (and SNI).
	 */
	private static CloseableHttpClient client(List<InetAddress> checked) {
		DnsResolver pinned = new DnsResolver() {

			@Override
			public InetAddress[] resolve(String host) {
				return checked.toArray(InetAddress[]::new);
			}

			@Override
			public String resolveCanonicalHostname(String host) {
				return host;
			}

		};
		return HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(pinned)
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(Timeout.ofSeconds(5))
					.setSocketTimeout(Timeout.ofSeconds(10))
					.build())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(10)).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.build();
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
