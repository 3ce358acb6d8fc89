package org.communityplaces.notifications.notify;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * GOV.UK Notify, when a deployment has a key for it ({@code NOTIFY_API_KEY}): e-mails go through
 * it instead of SMTP when an e-mail template is named, and text messages are offered when a
 * text template is named. Each template shows the message as it is given: the e-mail template's
 * subject is {@code ((subject))} and its body {@code ((body))}; the text template's body is
 * {@code ((body))}.
 *
 * @param apiKey as Notify shows it: the key's name, the service id and the secret, joined by hyphens
 */
@ConfigurationProperties("notifications.notify")
public record NotifySettings(String apiKey, URI baseUrl, String emailTemplateId, String textTemplateId,
		Duration timeout, String letterTemplateId) {

	private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	private static final Pattern KEY = Pattern.compile("^.+-(" + UUID + ")-(" + UUID + ")$");

	@ConstructorBinding
	public NotifySettings {
		apiKey = blankAsNull(apiKey);
		letterTemplateId = blankAsNull(letterTemplateId);
		emailTemplateId = blankAsNull(emailTemplateId);
		textTemplateId = blankAsNull(textTemplateId);
		baseUrl = baseUrl == null ? URI.create("https://api.notifications.service.gov.uk") : baseUrl;
		timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
		if (apiKey != null && !KEY.matcher(apiKey).matches()) {
			throw new IllegalArgumentException("notifications.notify.api-key (NOTIFY_API_KEY) is not a GOV.UK Notify "
					+ "API key: expected the key's name, the service id and the secret, joined by hyphens");
		}
		requireTemplateId("notifications.notify.email-template-id", emailTemplateId);
		requireTemplateId("notifications.notify.text-template-id", textTemplateId);
		requireTemplateId("notifications.notify.letter-template-id", letterTemplateId);
		if (apiKey == null && (emailTemplateId != null || textTemplateId != null || letterTemplateId != null)) {
			throw new IllegalArgumentException(
					"A GOV.UK Notify template is named but notifications.notify.api-key (NOTIFY_API_KEY) is not set");
		}
	}

	/** Whether e-mails go through Notify rather than SMTP. */
	public boolean sendsEmail() {
		return apiKey != null && emailTemplateId != null;
	}

	/** Without letters: a deployment that sends none. */
	public NotifySettings(String apiKey, URI baseUrl, String emailTemplateId, String textTemplateId,
			Duration timeout) {
		this(apiKey, baseUrl, emailTemplateId, textTemplateId, timeout, null);
	}

	/** Whether letters can be posted to people who chose them. */
	public boolean sendsLetters() {
		return apiKey != null && letterTemplateId != null;
	}

	/** Whether recipients may choose text messages. */
	public boolean sendsTextMessages() {
		return apiKey != null && textTemplateId != null;
	}

	/** The service id the tokens are issued by. */
	String serviceId() {
		return keyPart(1);
	}

	/** The secret that signs each token. */
	String secret() {
		return keyPart(2);
	}

	private String keyPart(int group) {
		Matcher matcher = KEY.matcher(apiKey);
		if (!matcher.matches()) {
			throw new IllegalStateException("No GOV.UK Notify key is configured");
		}
		return matcher.group(group);
	}

	private static void requireTemplateId(String property, String value) {
		if (value != null && !value.matches(UUID)) {
			throw new IllegalArgumentException(property + " is not a GOV.UK Notify template id (a UUID)");
		}
	}

	private static String blankAsNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	@Override
	public String toString() {
		return "NotifySettings[baseUrl=" + baseUrl + ", emailTemplateId=" + emailTemplateId + ", textTemplateId="
				+ textTemplateId + ", letterTemplateId=" + letterTemplateId + ", apiKey=" + (apiKey == null ? "none" : "set") + "]";
	}

}
