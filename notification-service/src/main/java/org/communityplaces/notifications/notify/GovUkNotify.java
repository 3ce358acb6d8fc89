package org.communityplaces.notifications.notify;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * The part of GOV.UK Notify's REST API this service uses (there is no Notify client library on
 * Maven Central): e-mails and text messages from one template each, every request signed
 * with a fresh token as Notify asks (HS256 under the key's secret, issued by the service id,
 * at most 30 seconds old when it arrives).
 */
@Component
@EnableConfigurationProperties(NotifySettings.class)
public class GovUkNotify {

	private final NotifySettings settings;

	private final RestClient http;

	private final JsonMapper json;

	private final Clock clock;

	GovUkNotify(NotifySettings settings, JsonMapper json, Clock clock) {
		this.settings = settings;
		this.json = json;
		this.clock = clock;
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
			.connectTimeout(settings.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build());
		requests.setReadTimeout(settings.timeout());
		this.http = RestClient.builder().baseUrl(settings.baseUrl().toString()).requestFactory(requests).build();
	}

	public NotifySettings settings() {
		return settings;
	}

	/**
	 * @param reference ours for this message, shown in Notify's records, or null; never personal data
	 * @throws Refused when Notify refuses the message itself (trying again cannot help)
	 */
	public void email(String address, String subject, String body, String reference) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("email_address", address);
		message.put("template_id", settings.emailTemplateId());
		message.put("personalisation", Map.of("subject", subject, "body", body));
		send("/v2/notifications/email", message, reference);
	}

	/** @param phoneNumber a UK mobile number */
	public void textMessage(String phoneNumber, String body, String reference) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("phone_number", phoneNumber);
		message.put("template_id", settings.textTemplateId());
		message.put("personalisation", Map.of("body", body));
		send("/v2/notifications/sms", message, reference);
	}

	/**
	 * Posts a letter: the address as Notify prints it, in {@code address_line_1} to
	 * {@code address_line_7} (the addressee first, the postcode last, at least three lines), and
	 * the letter template's {@code ((subject))} and {@code ((body))}.
	 * @param addressLines the addressee, the lines of the address, then its postcode
	 */
	public void letter(List<String> addressLines, String subject, String body, String reference) {
		if (addressLines.size() < 3 || addressLines.size() > 7) {
			throw new Refused("a letter's address has 3 to 7 lines");
		}
		Map<String, String> personalisation = new LinkedHashMap<>();
		for (int line = 0; line < addressLines.size(); line++) {
			personalisation.put("address_line_" + (line + 1), addressLines.get(line));
		}
		personalisation.put("subject", subject);
		personalisation.put("body", body);
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("template_id", settings.letterTemplateId());
		message.put("personalisation", personalisation);
		send("/v2/notifications/letter", message, reference);
	}

	private void send(String path, Map<String, Object> message, String reference) {
		if (settings.apiKey() == null) {
			throw new Refused("no GOV.UK Notify key is configured");
		}
		if (reference != null) {
			message.put("reference", reference);
		}
		try {
			http.post()
				.uri(path)
				.header("Authorization", "Bearer " + token())
				.contentType(MediaType.APPLICATION_JSON)
				.body(json.writeValueAsString(message))
				.retrieve()
				.toBodilessEntity();
		}
		catch (HttpClientErrorException refusal) {
			// Notify asks that a message it refused as invalid, or a request it could not
			// authenticate, is not sent again as it is; a rate limit passes
			if (refusal.getStatusCode().isSameCodeAs(HttpStatus.BAD_REQUEST)
					|| refusal.getStatusCode().isSameCodeAs(HttpStatus.FORBIDDEN)) {
				throw new Refused("GOV.UK Notify refused it (" + refusal.getStatusCode().value() + " "
						+ errorKind(refusal.getResponseBodyAsString()) + ")");
			}
			throw refusal;
		}
	}

	private String token() {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(settings.serviceId())
			.issueTime(Date.from(clock.instant()))
			.build();
		SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
		try {
			token.sign(new MACSigner(settings.secret().getBytes(StandardCharsets.UTF_8)));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign a GOV.UK Notify token", ex);
		}
		return token.serialize();
	}

	/** The kind of Notify's first error ("ValidationError"), never its message, which may quote the address. */
	private String errorKind(String body) {
		try {
			JsonNode errors = json.readTree(body).path("errors");
			return errors.isArray() && !errors.isEmpty() ? errors.get(0).path("error").asString("unknown") : "unknown";
		}
		catch (RuntimeException unreadable) {
			return "unreadable answer";
		}
	}

	/** Notify refused the message itself: sending it again as it is cannot succeed. */
	public static final class Refused extends RuntimeException {

		Refused(String reason) {
			super(reason);
		}

	}

}
