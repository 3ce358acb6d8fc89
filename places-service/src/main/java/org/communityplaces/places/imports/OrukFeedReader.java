package org.communityplaces.places.imports;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.communityplaces.platform.outbound.OutboundAddresses;
import org.communityplaces.platform.outbound.PinnedHttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Reads every service of a council's Open Referral UK 3.0 feed: the pages of {@code /services}
 * ({@code page} from 1 to {@code total_pages}), and each listed service whole from
 * {@code /services/{id}} when the list gives only its one-to-one fields (as ORUK's list does),
 * so that its locations, schedules and cost options come too. The whole feed is read before
 * anything is imported, so a feed that breaks halfway changes nothing. Only from the addresses
 * the SSRF guard checked, without following redirects, each answer within the timeouts and
 * all of them within the size limit.
 */
@Component
class OrukFeedReader {

	private final OutboundAddresses addresses;

	private final FeedSettings settings;

	OrukFeedReader(OutboundAddresses feedAddresses, FeedSettings settings) {
		this.addresses = feedAddresses;
		this.settings = settings;
	}

	/** @throws Unreadable saying in plain words why the feed could not be read */
	List<JsonNode> services(String url) {
		OutboundAddresses.Verdict verdict = addresses.check(url);
		if (verdict.refusal() != null) {
			throw new Unreadable("its address is not allowed: " + verdict.refusal());
		}
		String list = servicesAddress(url);
		Budget budget = new Budget(settings.maxBytes().toBytes());
		List<JsonNode> services = new ArrayList<>();
		try (CloseableHttpClient http = PinnedHttpClient.to(verdict.addresses(), settings.connectTimeout(), settings.readTimeout())) {
			RestClient rest = RestClient.builder().requestFactory(requestFactory(http)).build();
			int totalPages = 1;
			for (int page = 1; page <= totalPages; page++) {
				if (page > settings.maxPages()) {
					throw new Unreadable("it has more than " + settings.maxPages() + " pages of " + settings.perPage()
							+ " services, more than a run reads");
				}
				String where = "page " + page + " of /services";
				JsonNode answer = get(rest, UriComponentsBuilder.fromUriString(list)
					.replaceQueryParam("page", page)
					.replaceQueryParam("per_page", settings.perPage())
					.build(true)
					.toUri(), where, budget);
				JsonNode contents = answer.path("contents");
				if (!contents.isArray()) {
					throw new Unreadable(where + " is not an ORUK page of services: it has no contents list");
				}
				for (JsonNode service : contents) {
					services.add(whole(rest, list, service, budget));
				}
				JsonNode pages = answer.path("total_pages");
				totalPages = contents.isEmpty() || answer.path("last_page").asBoolean(false) ? page
						: pages.canConvertToInt() ? pages.intValue() : page;
			}
		}
		catch (IOException closing) {
			// the connections are let go of anyway
		}
		catch (IllegalArgumentException unencoded) {
			// Characters java.net.URI takes but a built address refuses, such as letters outside ASCII
			throw new Unreadable("its address has characters that must be percent-encoded");
		}
		if (services.isEmpty()) {
			throw new Unreadable("it lists no services");
		}
		return services;
	}

	/** The service as the list gave it if it is whole, or else as {@code /services/{id}} gives it. */
	private JsonNode whole(RestClient rest, String list, JsonNode service, Budget budget) {
		JsonNode id = service.path("id");
		if (service.has("service_at_locations") || !(id.isString() || id.isIntegralNumber())
				|| id.asString().isBlank()) {
			return service;
		}
		URI one = UriComponentsBuilder.fromUriString(list)
			.replaceQuery(null)
			.path("/" + UriUtils.encodePathSegment(id.asString(), StandardCharsets.UTF_8))
			.build(true)
			.toUri();
		return get(rest, one, "service " + id.asString(), budget);
	}

	private JsonNode get(RestClient rest, URI uri, String where, Budget budget) {
		byte[] body;
		try {
			body = rest.get().uri(uri).accept(MediaType.APPLICATION_JSON).exchange((request, response) -> {
				if (response.getStatusCode().is3xxRedirection()) {
					throw new Unreadable(where + " answered with a redirect to "
							+ response.getHeaders().getFirst("Location") + ", which is not followed: save that address instead");
				}
				if (!response.getStatusCode().is2xxSuccessful()) {
					throw new Unreadable(where + " answered " + response.getStatusCode().value());
				}
				return budget.spend(response.getBody().readNBytes(budget.left() + 1));
			}, true);
		}
		catch (RestClientException ex) {
			throw new Unreadable(where + " could not be read: " + why(ex));
		}
		try {
			JsonNode answer = JsonMapper.shared().readTree(body);
			if (answer == null || !answer.isObject()) {
				throw new Unreadable(where + " is not a JSON object");
			}
			return answer;
		}
		catch (JacksonException ex) {
			throw new Unreadable(where + " is not valid JSON");
		}
	}

	private static String why(RestClientException ex) {
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof InterruptedIOException) {
			return "its server did not answer in time";
		}
		if (cause instanceof ConnectException) {
			return "its server refused the connection";
		}
		if (cause instanceof UnknownHostException) {
			return "its host name does not resolve";
		}
		if (cause instanceof SSLException) {
			return "its secure connection could not be checked";
		}
		return "its server could not be reached";
	}

	/** The feed's list of services: the address given, ending in {@code /services} if it does not already. */
	static String servicesAddress(String url) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(url).fragment(null);
		String path = builder.build(true).getPath();
		String trimmed = path == null ? "" : path.replaceAll("/+$", "");
		return builder.replacePath(trimmed.endsWith("/services") ? trimmed : trimmed + "/services")
			.build(true)
			.toUriString();
	}

	private HttpComponentsClientHttpRequestFactory requestFactory(CloseableHttpClient http) {
		HttpComponentsClientHttpRequestFactory factory = new HttpComponentsClientHttpRequestFactory(http);
		factory.setConnectionRequestTimeout(settings.connectTimeout());
		factory.setReadTimeout(settings.readTimeout());
		return factory;
	}


	/** What a run may still read, so that a feed cannot fill the service's memory. */
	private final class Budget {

		private long left;

		Budget(long bytes) {
			this.left = bytes;
		}

		int left() {
			return (int) Math.min(left, Integer.MAX_VALUE - 1);
		}

		byte[] spend(byte[] read) {
			if (read.length > left) {
				throw new Unreadable("it is larger than " + settings.maxBytes().toMegabytes() + " MB, more than a run reads");
			}
			left -= read.length;
			return read;
		}

	}

	/** Why a feed could not be read, in words for the admin who saved it. */
	static class Unreadable extends RuntimeException {

		Unreadable(String reason) {
			super(reason);
		}

	}

}
