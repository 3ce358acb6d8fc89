package org.communityplaces.gateway.pages;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The web app's pages, each its own content ({@code pages/<name>.html}: its title, then what goes
 * in its main area) inside the one layout ({@code pages/layout.html}: the head, with the
 * contract's vocabularies as JSON for the scripts, and the banner),
 * served at {@code /<name>.html} with its script {@code /assets/<name>.js}; the home page also at
 * {@code /}. Put together once at start-up; the ETag lets a browser ask again cheaply, while
 * the sign-in check still runs on every request.
 */
@Configuration(proxyBeanMethods = false)
class Pages {

	private static final Pattern TITLE = Pattern.compile("\\A\\s*<title>(.+?)</title>\\s*", Pattern.DOTALL);

	/** Referral ids as the referral service makes them (UUIDs), with room for other forms. */
	private static final Pattern REFERRAL_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	@Bean
	RouterFunction<ServerResponse> pageRoutes(JsonMapper json) throws IOException {
		// Inside a script element, only "</" could end it early
		String vocabularies = json.writeValueAsString(VocabulariesController.ALL).replace("</", "<\\/");
		PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
		String layout = resources.getResource("classpath:pages/layout.html").getContentAsString(StandardCharsets.UTF_8);
		RouterFunctions.Builder routes = RouterFunctions.route();
		for (Resource content : resources.getResources("classpath:pages/*.html")) {
			String name = content.getFilename().substring(0, content.getFilename().length() - ".html".length());
			if (name.equals("layout")) {
				continue;
			}
			HandlerFunction<ServerResponse> page = served(assembled(layout, name,
					content.getContentAsString(StandardCharsets.UTF_8), vocabularies));
			routes.GET("/" + name + ".html", page);
			if (name.equals("index")) {
				routes.GET("/", page);
			}
		}
		routes.GET("/referrals/{id}", Pages::referral);
		return routes.build();
	}

	/**
	 * The stable address of a referral's page, the one every alert links to: it survives the
	 * sign-in in between (the sign-in page comes back to it), and leads to the page. A mangled
	 * id leads to the list rather than to a page that cannot load.
	 */
	private static Mono<ServerResponse> referral(ServerRequest request) {
		String id = request.pathVariable("id");
		URI page = REFERRAL_ID.matcher(id).matches() ? URI.create("/referral.html?id=" + id)
				: URI.create("/referrals.html");
		return ServerResponse.seeOther(page).build();
	}

	private static byte[] assembled(String layout, String name, String content, String vocabularies) {
		Matcher title = TITLE.matcher(content);
		if (!title.find()) {
			throw new IllegalStateException("pages/" + name + ".html must begin with its <title>");
		}
		return layout.replace("{title}", title.group(1))
			.replace("{script}", name)
			.replace("{vocabularies}", vocabularies)
			.replace("{main}", content.substring(title.end()).stripTrailing())
			.getBytes(StandardCharsets.UTF_8);
	}

	private static HandlerFunction<ServerResponse> served(byte[] page) {
		String etag = "\"" + HexFormat.of().formatHex(sha256(page), 0, 12) + "\"";
		return request -> request.checkNotModified(etag)
			.switchIfEmpty(Mono.defer(() -> ServerResponse.ok()
				.contentType(HTML)
				.eTag(etag)
				.cacheControl(CacheControl.noCache())
				.bodyValue(page)));
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
