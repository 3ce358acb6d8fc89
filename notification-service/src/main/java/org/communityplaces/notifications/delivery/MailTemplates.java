package org.communityplaces.notifications.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Fills the e-mail layouts ({@code templates/email.html} and {@code templates/email.txt}): a
 * heading, short paragraphs in plain English and one clearly named link. Every value is
 * escaped in the HTML part.
 */
@Component
public class MailTemplates {

	private final String html;

	private final String text;

	MailTemplates() {
		this.html = read("templates/email.html");
		this.text = read("templates/email.txt");
	}

	public Rendered render(String subject, List<String> paragraphs, String linkText, String link) {
		return render(subject, paragraphs, linkText, link, null, null);
	}

	/** With a second, lesser link after the first when {@code otherLinkText} is not null. */
	public Rendered render(String subject, List<String> paragraphs, String linkText, String link, String otherLinkText,
			String otherLink) {
		Map<String, String> htmlValues = Map.of("subject", HtmlUtils.htmlEscape(subject), "paragraphs",
				paragraphs.stream()
					.map(paragraph -> "<p style=\"margin:0 0 16px;\">" + HtmlUtils.htmlEscape(paragraph) + "</p>")
					.collect(Collectors.joining("\n")),
				"linkText", HtmlUtils.htmlEscape(linkText), "link", HtmlUtils.htmlEscape(link), "otherLink",
				otherLinkText == null ? ""
						: "<p style=\"margin:0 0 24px;\"><a href=\"" + HtmlUtils.htmlEscape(otherLink)
								+ "\" style=\"color:#1d70b8;\">" + HtmlUtils.htmlEscape(otherLinkText) + "</a></p>\n");
		Map<String, String> textValues = Map.of("subject", subject, "paragraphs", String.join("\n\n", paragraphs),
				"linkText", linkText, "link", link, "otherLink",
				otherLinkText == null ? "" : otherLinkText + ": " + otherLink + "\n\n");
		return new Rendered(subject, fill(text, textValues), fill(html, htmlValues));
	}

	private static String fill(String template, Map<String, String> values) {
		String filled = template;
		for (Map.Entry<String, String> value : values.entrySet()) {
			filled = filled.replace("{{" + value.getKey() + "}}", value.getValue());
		}
		return filled;
	}

	private static String read(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
	}

	public record Rendered(String subject, String text, String html) {
	}

}
