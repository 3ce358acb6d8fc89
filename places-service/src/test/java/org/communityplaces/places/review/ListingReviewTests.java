package org.communityplaces.places.review;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.communityplaces.contracts.EventContract;
import org.communityplaces.places.PlacesServiceTest;
import org.communityplaces.places.place.Place;
import org.communityplaces.platform.testing.PublishedEvents;
import org.communityplaces.platform.testing.StoredState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Listings that stay true, on a clock moved on by months: the host asked to check their listing
 * and confirming it with the token from the e-mail, listings nobody checked marked for referrers
 * and listed for admins, reports from anyone reaching the host and the admins until dealt with,
 * and places closed for a while or listed only from a day.
 */
@Import(MovableClock.Configuration.class)
class ListingReviewTests extends PlacesServiceTest {

	private static final String HOST = "landlord@redlion.example.org";

	private static final String RED_LION = """
			{"name": "The Red Lion community table", "kind": "PUB",
			 "organization": {"name": "The Red Lion Hillsborough"},
			 "activities": ["coffee-morning"], "address": {"line1": "12 Middlewood Road", "postcode": "S6 4HA"},
			 "host": {"name": "Sam Taylor", "email": "landlord@redlion.example.org"}}
			""";

	private static final EventContract contract = EventContract.load();

	private static PublishedEvents published;

	@Autowired
	MovableClock clock;

	@Autowired
	Reviews reviews;

	@BeforeAll
	static void listen(@Autowired EmbeddedKafkaBroker broker) {
		published = new PublishedEvents(broker.getBrokersAsString(), "place-events");
	}

	@AfterAll
	static void stopListening() {
		published.close();
	}

	@AfterEach
	void backToNow() {
		clock.reset();
	}

	@Test
	void theHostIsAskedAfterSixMonthsAndConfirmsWithTheLinkFromTheEmail() throws Exception {
		String id = register(RED_LION);
		reviews.askHostsWhoseReviewIsDue();
		assertThat(events(id, "PlaceReviewDue")).as("not due yet").isEmpty();

		clock.advance(Duration.ofDays(190));
		reviews.askHostsWhoseReviewIsDue();
		reviews.askHostsWhoseReviewIsDue();
		ConsumerRecord<String, String> due = await().atMost(Duration.ofSeconds(30))
			.until(() -> events(id, "PlaceReviewDue"), events -> !events.isEmpty())
			.get(0);
		assertThat(contract.violations(due.value())).isEmpty();
		JsonNode event = JsonMapper.shared().readTree(due.value());
		assertThat(event.get("hostEmail").asString()).isEqualTo(HOST);
		assertThat(event.get("placeName").asString()).isEqualTo("The Red Lion community table");
		String token = event.get("confirmationToken").asString();

		MvcTestResult confirmed = mvc.post().uri("/api/places/{id}/confirmations", id).header("Confirmation-Token", token)
			.exchange();
		assertThat(confirmed).hasStatusOk();
		assertThat(lastChecked(id)).isEqualTo(today());
		assertThat(events(id, "PlaceReviewDue")).as("asked once, however often the job runs").hasSize(1);
		// The link does its work once: a forwarded or kept e-mail cannot keep a listing looking checked
		long version = mongo.findById(id, Place.class).version();
		assertRefused(id, token, "Link already used");
		assertThat(mongo.findById(id, Place.class).version()).isEqualTo(version);
		clock.advance(Duration.ofDays(30));
		reviews.askHostsWhoseReviewIsDue();
		assertThat(events(id, "PlaceReviewDue")).as("checked a month ago: not due again").hasSize(1);
	}

	@Test
	void aListingNobodyCheckedForNineMonthsIsMarkedInSearchAndListedForAdmins() throws Exception {
		String id = register(RED_LION);
		JsonNode fresh = hit();
		assertThat(fresh.get("notCheckedLately").asBoolean()).isFalse();
		assertThat(fresh.get("lastChecked").asString()).isEqualTo(today().toString());
		assertThat(stale()).isEmpty();

		clock.advance(Duration.ofDays(280));
		assertThat(hit().get("notCheckedLately").asBoolean()).isTrue();
		assertThat(listing(id).get("notCheckedLately").asBoolean()).isTrue();
		assertThat(stale()).extracting(review -> review.get("placeId").asString()).containsExactly(id);
		assertThat(stale().get(0).get("hostEmail").asString()).isEqualTo(HOST);

		assertThat(as("host", HOST, mvc.post().uri("/api/places/{id}/confirmations", id))).hasStatusOk();
		assertThat(stale()).as("confirmed by its host, signed in").isEmpty();
		assertThat(hit().get("notCheckedLately").asBoolean()).isFalse();
	}

	@Test
	void aForgedExpiredOrAnotherPlacesTokenIsRefusedAndChangesNothing() throws Exception {
		String id = register(RED_LION);
		String other = register(RED_LION.replace("The Red Lion community table", "The Crown quiz night"));
		clock.advance(Duration.ofDays(190));
		reviews.askHostsWhoseReviewIsDue();
		String token = tokenFor(id);
		String othersToken = tokenFor(other);
		long version = mongo.findById(id, Place.class).version();

		assertRefused(id, token.substring(0, token.length() - 4) + "AAAA", "Link not valid");
		assertRefused(id, othersToken, "Link not valid");
		assertRefused(id, "not a token at all", "Link not valid");
		clock.advance(Duration.ofDays(61));
		assertRefused(id, token, "Link expired");
		assertThat(mvc.post().uri("/api/places/{id}/confirmations", id).exchange()).as("no token, not signed in")
			.hasStatus(401);
		assertThat(as("host", "kim@bakery.example.org", mvc.post().uri("/api/places/{id}/confirmations", id)))
			.as("another venue's host").hasStatus(404);
		assertThat(mongo.findById(id, Place.class).version()).isEqualTo(version);
	}

	@Test
	void anyoneMayReportAListingOutOfDateWhichReachesTheHostAndAdminsUntilDealtWith() throws Exception {
		String id = register(RED_LION);
		MvcTestResult reported = mvc.post().uri("/api/places/{id}/reports", id).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"problem": "times-wrong", "details": "It is on Wednesdays now"}
					""")
			.exchange();
		assertThat(reported).as("no sign-in needed").hasStatus(202);

		ConsumerRecord<String, String> event = await().atMost(Duration.ofSeconds(30))
			.until(() -> events(id, "PlaceReported"), events -> !events.isEmpty())
			.get(0);
		assertThat(contract.violations(event.value())).isEmpty();
		assertThat(event.value()).contains("\"problem\":\"times-wrong\"", "\"hostEmail\":\"" + HOST + "\"")
			.doesNotContain("Wednesdays");
		List<JsonNode> open = reviewsIn("reported");
		assertThat(open).extracting(review -> review.get("placeId").asString()).containsExactly(id);
		assertThat(open.get(0).get("reports").get(0).get("details").asString()).isEqualTo("It is on Wednesdays now");
		assertThat(as("host", HOST, mvc.get().uri("/api/places/{id}", id))).bodyJson()
			.extractingPath("$.openReports[0].problem").isEqualTo("times-wrong");

		assertThat(as("host", HOST, mvc.put().uri("/api/places/{id}/opening-times", id))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"openingTimes\": [{\"days\": [\"WE\"], \"opens\": \"11:30\", \"closes\": \"14:00\"}]}")).hasStatusOk();
		assertThat(reviewsIn("reported")).as("the host put it right").isEmpty();
	}

	@Test
	void aReportSaysWhatIsWrongInTheContractsWordsAndNothingAboutWhoSentIt() {
		String id = register(RED_LION);
		long version = mongo.findById(id, Place.class).version();
		assertThat(report(id, "{\"problem\": \"haunted\"}")).hasStatus(400).bodyJson()
			.extractingPath("$.errors[0].field").isEqualTo("problem");
		assertThat(report(id, "{\"problem\": \"closed\", \"details\": \"" + "x".repeat(501) + "\"}")).hasStatus(400)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("details");
		assertThat(report(id, "{\"problem\": \"closed\", \"details\": \"Shut\\u0007\"}")).hasStatus(400);
		assertThat(report(id, "{}")).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("problem");
		assertThat(report("no-such-place", "{\"problem\": \"closed\"}")).hasStatus(404);
		assertThat(mongo.findById(id, Place.class).version()).isEqualTo(version);

		assertThat(report(id, "{\"problem\": \"closed\", \"email\": \"me@example.org\", \"name\": \"Jo Bloggs\"}"))
			.as("who sent it is not asked for, and if given, not kept").hasStatus(202);
		assertThat(StoredState.of(mongo).get()).contains("\"problem\": \"closed\"")
			.doesNotContain("me@example.org", "Jo Bloggs");
		assertThat(as("referrer", "sam@surgery.example.org", mvc.get().uri("/api/places/reviews?state=reported")))
			.hasStatus(403);
		assertThat(as("admin", null, mvc.get().uri("/api/places/reviews?state=fresh"))).hasStatus(400)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("state");
	}

	@Test
	void aPlaceClosedForAWhileSaysUntilWhenAndOneListedFromADayIsHiddenUntilThen() throws Exception {
		String id = register(RED_LION);
		String later = register(RED_LION.replace("The Red Lion community table", "The Crown quiz night"));
		LocalDate reopens = today().plusDays(10);
		assertThat(dates(id, "{\"closedUntil\": \"" + reopens + "\"}")).hasStatusOk();
		assertThat(dates(later, "{\"listedFrom\": \"" + today().plusDays(20) + "\"}")).hasStatusOk();

		assertThat(hits()).extracting(hit -> hit.get("id").asString()).containsExactly(id);
		assertThat(hit().get("closedUntil").asString()).isEqualTo(reopens.toString());
		assertThat(listing(id).get("closedUntil").asString()).isEqualTo(reopens.toString());
		assertThat(oruk("/oruk/services/" + id).get("status").asString()).isEqualTo("temporarily closed");
		assertThat(oruk("/oruk/services").get("contents")).extracting(service -> service.get("id").asString())
			.containsExactly(id);
		assertThat(mvc.get().uri("/oruk/services/{id}", later).exchange()).hasStatus(404);

		clock.advance(Duration.ofDays(21));
		assertThat(hits()).extracting(hit -> hit.get("id").asString()).containsExactlyInAnyOrder(id, later);
		assertThat(hits()).allSatisfy(hit -> assertThat(hit.get("closedUntil").isNull()).isTrue());
		assertThat(oruk("/oruk/services/" + id).get("status").asString()).isEqualTo("active");
		assertThat(mvc.get().uri("/oruk/services/{id}", later).exchange()).hasStatusOk();
	}

	private String register(String place) {
		MvcTestResult created = as("admin", null, mvc.post().uri("/api/places")).contentType(MediaType.APPLICATION_JSON)
			.content(place)
			.exchange();
		assertThat(created).hasStatus(201);
		return created.getResponse().getHeader("Location").replace("/api/places/", "");
	}

	private MvcTestResult dates(String id, String body) {
		return as("host", HOST, mvc.put().uri("/api/places/{id}/listing-dates", id)).contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult report(String id, String body) {
		return mvc.post().uri("/api/places/{id}/reports", id).contentType(MediaType.APPLICATION_JSON).content(body)
			.exchange();
	}

	private void assertRefused(String id, String token, String title) {
		assertThat(mvc.post().uri("/api/places/{id}/confirmations", id).header("Confirmation-Token", token).exchange())
			.hasStatus(403)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo(title);
	}

	private String tokenFor(String id) {
		ConsumerRecord<String, String> due = await().atMost(Duration.ofSeconds(30))
			.until(() -> events(id, "PlaceReviewDue"), events -> !events.isEmpty())
			.get(0);
		return JsonMapper.shared().readTree(due.value()).get("confirmationToken").asString();
	}

	private List<ConsumerRecord<String, String>> events(String id, String type) {
		return published.of(id).stream().filter(event -> event.value().contains("\"type\":\"" + type + "\"")).toList();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London"));
	}

	private LocalDate lastChecked(String id) {
		return LocalDate.parse(listing(id).get("lastChecked").asString());
	}

	private JsonNode listing(String id) {
		return json(as("referrer", "sam@surgery.example.org", mvc.get().uri("/api/places/{id}/listing", id)).exchange());
	}

	private JsonNode hit() {
		List<JsonNode> hits = hits();
		assertThat(hits).hasSize(1);
		return hits.get(0);
	}

	private List<JsonNode> hits() {
		return list(json(mvc.get().uri("/api/places/search?postcode=S6").exchange()).get("hits"));
	}

	private List<JsonNode> stale() {
		return reviewsIn("stale");
	}

	private List<JsonNode> reviewsIn(String state) {
		return list(json(as("admin", null, mvc.get().uri("/api/places/reviews?state={state}", state)).exchange()));
	}

	private JsonNode oruk(String path) {
		return json(mvc.get().uri(path).exchange());
	}

	private static List<JsonNode> list(JsonNode array) {
		return array.valueStream().toList();
	}

	private static JsonNode json(MvcTestResult result) {
		assertThat(result).hasStatusOk();
		return JsonMapper.shared().readTree(result.getResponse().getContentAsByteArray());
	}

}
