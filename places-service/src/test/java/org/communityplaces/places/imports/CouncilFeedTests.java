package org.communityplaces.places.imports;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.communityplaces.places.PlacesServiceTest;
import org.communityplaces.places.place.Place;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A council's ORUK 3.0 feed fetched by address from a local stand-in that serves it as real
 * directories do (made-up services, {@code src/test/resources/imports/council-feed.json}): two
 * pages of {@code /services}, the first listing only one-to-one fields so each service is read
 * whole from {@code /services/{id}}, the second whole already; gaps, no street address, odd
 * times, no cost and old ids. The SSRF guard of webhooks refuses addresses of the service's own
 * network; the stand-in is reached as {@code localhost}, which the tests' configuration allows.
 */
class CouncilFeedTests extends PlacesServiceTest {

	private static final JsonMapper json = JsonMapper.shared();

	private final List<String> asked = new CopyOnWriteArrayList<>();

	@Autowired
	private ImportFeeds feeds;

	private HttpServer council;

	private volatile boolean down;

	@BeforeEach
	void startCouncilDirectory() throws IOException {
		mongo.remove(new Query(), ImportFeed.class);
		mongo.remove(new Query(), FeedRun.class);
		JsonNode all = json.readTree(new ClassPathResource("imports/council-feed.json").getContentAsByteArray())
			.path("contents");
		List<JsonNode> services = new ArrayList<>();
		all.forEach(services::add);
		council = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		council.createContext("/api/v3/services", exchange -> {
			asked.add(exchange.getRequestURI().toString());
			String path = exchange.getRequestURI().getRawPath();
			if (down) {
				answer(exchange, 503, "{\"error\": \"down for maintenance\"}");
			}
			else if (path.equals("/api/v3/services")) {
				int page = Integer.parseInt(query(exchange).getOrDefault("page", "1"));
				List<JsonNode> contents = page == 1
						? services.subList(0, 4).stream().map(CouncilFeedTests::listed).toList()
						: page == 2 ? services.subList(4, services.size()) : List.of();
				answer(exchange, 200, json.writeValueAsString(Map.of("total_items", services.size(), "total_pages", 2,
						"page_number", page, "size", contents.size(), "first_page", page == 1, "last_page", page == 2,
						"empty", contents.isEmpty(), "contents", contents)));
			}
			else {
				String id = URLDecoder.decode(path.substring("/api/v3/services/".length()), StandardCharsets.UTF_8);
				services.stream()
					.filter(service -> service.path("id").asString().equals(id))
					.findFirst()
					.ifPresentOrElse(service -> answer(exchange, 200, json.writeValueAsString(service)),
							() -> answer(exchange, 404, "{}"));
			}
		});
		council.start();
	}

	@AfterEach
	void stopCouncilDirectory() {
		council.stop(0);
	}

	@Test
	void anAdminFetchesACouncilsFeedPageByPageIntoTheSameTolerantImport() {
		MvcTestResult saved = save("{\"url\": \"" + feedUrl() + "\", \"every\": \"daily\"}");

		assertThat(saved).hasStatus(201).bodyJson().satisfies(feed -> {
			assertThat(feed).extractingPath("$.every").isEqualTo("daily");
			assertThat(feed).extractingPath("$.nextRunAt").isNotNull();
			assertThat(feed).extractingPath("$.lastRun.trigger").isEqualTo("saved");
			assertThat(feed).extractingPath("$.lastRun.report.created").isEqualTo(5);
			assertThat(feed).extractingPath("$.lastRun.report.rejected[*].id").asArray()
				.containsExactly("svc-6", "svc-7");
			assertThat(feed).extractingPath("$.lastRun.report.rejected[*].item").asArray().containsExactly(6, 7);
			assertThat(feed).extractingPath("$.lastRun.report.warnings[*].id").asArray()
				.containsExactly("1001", "LCC/00123", "svc-3", "svc-4", "svc-5");
			assertThat(feed).extractingPath("$.lastRun.report.warnings[0].warning").asString()
				.contains("schedules[1] ('WE 00:00-00:00') left out", "city: not given");
		});
		assertThat(asked).as("two pages, and each service the first page only listed read whole")
			.contains("/api/v3/services?page=1&per_page=100", "/api/v3/services?page=2&per_page=100",
					"/api/v3/services/LCC%2F00123", "/api/v3/services/1001")
			.hasSize(6);
		assertThat(as("admin", null, mvc.get().uri("/api/places/{id}", CatalogueImport.placeId("LCC/00123"))))
			.bodyJson()
			.satisfies(place -> {
				assertThat(place).extractingPath("$.attendance").isEqualTo("ONLINE");
				assertThat(place).extractingPath("$.openingTimes[0].opens").isEqualTo("10:00");
			});
		assertThat(as("admin", null, mvc.get().uri("/api/places/{id}", CatalogueImport.placeId("1001"))))
			.bodyJson().extractingPath("$.cost").isNull();

		String id = idOf(saved);
		assertThat(as("admin", null, mvc.get().uri("/api/places/imports/feeds"))).bodyJson().satisfies(list -> {
			assertThat(list).extractingPath("$[*].url").asArray().containsExactly(feedUrl());
			assertThat(list).extractingPath("$[0].lastRun.report.created").isEqualTo(5);
		});
		assertThat(as("admin", null, mvc.get().uri("/api/places/imports/feeds/{id}/runs", id))).bodyJson()
			.extractingPath("$[*].report.created").asArray().containsExactly(5);
		assertThat(as("admin", null, mvc.get().uri("/api/places/audit?objectId={id}", id))).bodyJson()
			.satisfies(trail -> {
				assertThat(trail).extractingPath("$.entries[*].outcome").asArray().containsExactly("CHANGED");
				assertThat(trail).extractingPath("$.entries[0].purpose").asString()
					.contains(feedUrl(), "every day", "5 new", "2 turned down");
			});
	}

	@Test
	void aFeedAtAnAddressOfTheServicesOwnNetworkIsRefusedInPlainWords() {
		for (String url : List.of("http://127.0.0.1:" + council.getAddress().getPort() + "/api/v3",
				"https://127.0.0.1/api", "https://10.0.0.8/services", "https://10.200.1.1/oruk",
				"https://169.254.169.254/latest/meta-data", "https://[::1]/services", "http://8.8.8.8/services",
				"ftp://directory.council.example/services", "file:///etc/passwd", "https://user@8.8.8.8/services",
				"not a url")) {
			assertThat(save("{\"url\": \"" + url + "\"}")).as(url)
				.hasStatus(422)
				.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
				.bodyJson()
				.satisfies(problem -> {
					assertThat(problem).extractingPath("$.errors[0].field").isEqualTo("url");
					assertThat(problem).extractingPath("$.detail").asString().startsWith("Invalid value for url: ");
				});
		}
		assertThat(asked).as("nothing was asked of any of them").isEmpty();
		assertThat(mongo.count(new Query(), ImportFeed.class)).isZero();
		assertThat(mongo.count(new Query(), Place.class)).isZero();
	}

	@Test
	void aFeedThatCannotBeReadIsRefusedAndNothingIsSavedOrImported() {
		down = true;
		assertThat(save("{\"url\": \"" + feedUrl() + "\"}")).hasStatus(422).bodyJson().satisfies(problem -> {
			assertThat(problem).extractingPath("$.title").isEqualTo("Feed not read");
			assertThat(problem).extractingPath("$.detail").asString()
				.contains("page 1 of /services answered 503", "Nothing was imported or saved");
		});
		assertThat(save("{\"url\": \"" + feedUrl() + "\", \"every\": \"fortnightly\"}")).hasStatus(400)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("every");
		assertThat(save("{\"url\": \"" + feedUrl() + "\", \"every\": \"PT5M\"}")).hasStatus(400)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("every");
		assertThat(mongo.count(new Query(), ImportFeed.class)).isZero();
		assertThat(mongo.count(new Query(), Place.class)).isZero();
	}

	@Test
	void aScheduledRunIsRunByOneInstanceWhenDueAndKeptWithItsReport() throws Exception {
		String id = idOf(save("{\"url\": \"" + feedUrl() + "\", \"every\": \"P1D\"}"));
		Instant nextRunAt = mongo.findById(id, ImportFeed.class).nextRunAt();
		asked.clear();

		assertThat(feeds.runDue(nextRunAt.minusSeconds(60))).as("not yet due").isZero();
		Instant aDayOn = nextRunAt.plusSeconds(60);
		CountDownLatch together = new CountDownLatch(1);
		CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> runDueAfter(together, aDayOn));
		CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> runDueAfter(together, aDayOn));
		together.countDown();
		assertThat(one.get() + other.get()).as("runs between two instances due at the same moment").isEqualTo(1);
		assertThat(mongo.findById(id, ImportFeed.class).nextRunAt()).isEqualTo(aDayOn.plus(Duration.ofDays(1)));
		assertThat(feeds.runDue(aDayOn)).as("claimed already").isZero();

		down = true;
		assertThat(feeds.runDue(aDayOn.plus(Duration.ofDays(1)))).isOne();

		assertThat(as("admin", null, mvc.get().uri("/api/places/imports/feeds/{id}/runs", id))).bodyJson()
			.satisfies(runs -> {
				assertThat(runs).extractingPath("$[*].trigger").asArray().containsExactly("schedule", "schedule", "saved");
				assertThat(runs).extractingPath("$[0].problem").asString().contains("answered 503");
				assertThat(runs).extractingPath("$[1].report.unchanged").isEqualTo(5);
			});
		assertThat(as("admin", null, mvc.get().uri("/api/places/audit?objectId={id}", id))).bodyJson()
			.satisfies(trail -> {
				assertThat(trail).extractingPath("$.entries[*].actorId").asArray()
					.containsExactly("schedule", "schedule", "u-admin");
				assertThat(trail).extractingPath("$.entries[0].purpose").asString().contains("not read");
				assertThat(trail).extractingPath("$.entries[1].purpose").asString().contains("5 unchanged");
			});
	}

	@Test
	void onlyAdminsKeepFeedsAndADeletedFeedIsNoLongerFetched() {
		assertThat(as("host", "walks@vale.example.org", mvc.post().uri("/api/places/imports/feeds"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\": \"" + feedUrl() + "\"}")).hasStatus(403);
		assertThat(as("referrer", "sam@surgery.example.org", mvc.get().uri("/api/places/imports/feeds"))).hasStatus(403);
		String id = idOf(save("{\"url\": \"" + feedUrl() + "\", \"every\": \"weekly\"}"));

		assertThat(as("admin", null, mvc.delete().uri("/api/places/imports/feeds/{id}", id))).hasStatus(204);
		assertThat(as("admin", null, mvc.get().uri("/api/places/imports/feeds"))).bodyJson()
			.extractingPath("$")
			.asArray()
			.isEmpty();
		assertThat(as("admin", null, mvc.get().uri("/api/places/imports/feeds/{id}/runs", id))).hasStatus(404);
		assertThat(as("admin", null, mvc.delete().uri("/api/places/imports/feeds/{id}", id))).hasStatus(404);
		assertThat(feeds.runDue(Instant.now().plus(Duration.ofDays(30)))).isZero();
		assertThat(mongo.count(new Query(), Place.class)).as("the places it brought stay").isEqualTo(5);
	}

	private int runDueAfter(CountDownLatch together, Instant now) {
		try {
			together.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return feeds.runDue(now);
	}

	private MvcTestResult save(String body) {
		return as("admin", null, mvc.post().uri("/api/places/imports/feeds")).contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private String feedUrl() {
		return "http://localhost:" + council.getAddress().getPort() + "/api/v3";
	}

	private static String idOf(MvcTestResult saved) {
		assertThat(saved).hasStatus(201);
		return saved.getResponse().getHeader("Location").replace("/api/places/imports/feeds/", "");
	}

	/** What ORUK's list of services gives: the one-to-one fields, without locations, schedules or costs. */
	private static JsonNode listed(JsonNode service) {
		ObjectNode summary = json.createObjectNode();
		for (String field : List.of("id", "name", "description", "email", "status", "organization")) {
			if (service.has(field)) {
				summary.set(field, service.get(field));
			}
		}
		return summary;
	}

	private static Map<String, String> query(HttpExchange exchange) {
		String query = exchange.getRequestURI().getRawQuery();
		if (query == null) {
			return Map.of();
		}
		return java.util.Arrays.stream(query.split("&"))
			.map(pair -> pair.split("=", 2))
			.collect(java.util.stream.Collectors.toMap(pair -> pair[0], pair -> pair.length > 1 ? pair[1] : ""));
	}

	private static void answer(HttpExchange exchange, int status, String body) {
		try (exchange) {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
