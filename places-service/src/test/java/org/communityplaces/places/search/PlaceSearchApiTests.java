package org.communityplaces.places.search;

import java.net.URI;

import org.communityplaces.places.PlacesServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** The referrers' search over HTTP, on the Sheffield demo catalogue. */
class PlaceSearchApiTests extends PlacesServiceTest {

	@BeforeEach
	void demoCatalogue() throws Exception {
		assertThat(importDemoCatalogue()).hasStatusOk();
	}

	@Test
	void aGardeningOrWalkingGroupWithinThreeMilesOfS6StepFreeOnWeekdayMorningsFreeWithRoom() {
		assertThat(mvc.get().uri("/api/places/search?postcode=S6&radius=4828&activity=gardening,walking"
				+ "&accessibility=step-free&day=MO,TU,WE,TH,FR&from=09:00&to=12:00&free=true&hasCapacity=true&age=72"))
			.hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.hits[*].name").asArray()
					.containsExactly("Hillsborough Park health walk", "Stannington community garden");
				assertThat(json).extractingPath("$.hits[0].distanceMetres").asNumber()
					.satisfies(metres -> assertThat(metres.doubleValue()).isBetween(600.0, 800.0));
				assertThat(json).extractingPath("$.total").isEqualTo(2);
			});
	}

	@Test
	void resultsComeWithFacetCountsForNarrowingDown() {
		assertThat(mvc.get().uri("/api/places/search?postcode=S6 4HA&radius=2000&size=2")).hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.total").isEqualTo(5);
				assertThat(json).extractingPath("$.hits").asArray().hasSize(2);
				assertThat(json).extractingPath("$.facets.kind.pub").isEqualTo(2);
				assertThat(json).extractingPath("$.facets.kind.community-group").isEqualTo(3);
				assertThat(json).extractingPath("$.facets.activity.gardening").isEqualTo(1);
				assertThat(json).extractingPath("$.facets.capacity.available").isEqualTo(5);
			});
	}

	@Test
	void aCallerThatShowsNoFacetCountsCanLeaveThemOut() {
		assertThat(mvc.get().uri("/api/places/search?postcode=S6 4HA&radius=2000&size=2&facets=false")).hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.total").isEqualTo(5);
				assertThat(json).doesNotHavePath("$.facets");
			});
		assertField("/api/places/search?facets=sometimes", "facets");
	}

	@Test
	void wordsFindPlacesByWhatHappensThere() {
		assertThat(mvc.get().uri("/api/places/search?q=knitting")).hasStatusOk()
			.bodyJson().extractingPath("$.hits[*].name").asArray().containsExactly("Crookes knit and natter");
		assertThat(mvc.get().uri("/api/places/search?q=tea dancing")).hasStatusOk()
			.bodyJson().extractingPath("$.hits[0].name").isEqualTo("Abbeydale Picture House tea dance");
	}

	@Test
	void closedPlacesAreNotOfferedToReferrers() {
		assertThat(mvc.get().uri("/api/places/search?q=games cafe&size=100")).hasStatusOk()
			.bodyJson().extractingPath("$.hits[*].name").asArray().isNotEmpty().doesNotContain("Hunters Bar games cafe");
	}

	@Test
	void severalInterestsInPlainWordsFindPlacesWithAnyOfThemAndSayWhy() {
		for (String q : java.util.List.of("quizzes and gardening", "quiz, gardening")) {
			assertThat(mvc.get().uri("/api/places/search?size=100&q={q}", q)).hasStatusOk().bodyJson().satisfies(json -> {
				assertThat(json).extractingPath("$.hits[*].name").asArray()
					.contains("The Rose House Tuesday quiz", "Walkley community allotment",
							"Heeley City Farm garden volunteers", "Stannington community garden")
					.doesNotContain("Hunters Bar games cafe", "Crookes knit and natter");
				assertThat(json).extractingPath("$.hits[?(@.name == 'The Rose House Tuesday quiz')].matched[*]").asArray()
					.containsExactly(q.startsWith("quizzes") ? "quizzes" : "quiz");
				assertThat(json).extractingPath("$.hits[?(@.name == 'Walkley community allotment')].matched[*]")
					.asArray()
					.containsExactly("gardening");
			});
		}
		assertThat(mvc.get().uri("/api/places/search?size=100&q=knitting walking quiz")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.hits[*].name")
			.asArray()
			.contains("Crookes knit and natter", "Hillsborough Park health walk", "The Rose House Tuesday quiz");
	}

	@Test
	void badSearchesAreNamedProblems() {
		assertField("/api/places/search?lat=91&lon=0", "lat");
		assertField("/api/places/search?lat=53.4", "lon");
		assertField("/api/places/search?postcode=S6&radius=0", "radius");
		assertField("/api/places/search?postcode=S6&radius=500000", "radius");
		assertField("/api/places/search?radius=1000", "radius");
		assertField("/api/places/search?postcode=QQ1", "postcode");
		assertField("/api/places/search?size=500", "size");
		assertField("/api/places/search?page=0", "page");
		assertField("/api/places/search?page=1000&size=100", "page");
		assertField("/api/places/search?activity=skydiving", "activity");
		assertField("/api/places/search?kind=casino", "kind");
		assertField("/api/places/search?day=someday", "day");
		assertField("/api/places/search?day=MO&from=25:00", "from");
		assertField("/api/places/search?day=MO&from=12:00&to=09:00", "to");
		assertField("/api/places/search?from=09:00", "day");
		assertField("/api/places/search?age=200", "age");
		assertThat(mvc.get().uri("/api/places/search?lat=north&lon=0")).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void radiiThatAreNotAFiniteDistanceAreNamedProblems() {
		assertField("/api/places/search?postcode=S6&radius=NaN", "radius");
		assertField("/api/places/search?postcode=S6&radius=Infinity", "radius");
		assertField("/api/places/search?postcode=S6&radius=-Infinity", "radius");
		assertField("/api/places/search?postcode=S6&radius=-5", "radius");
		assertField("/api/places/search?postcode=S6&radius=1e300", "radius");
		assertField("/api/places/search?lat=NaN&lon=0", "lat");
		assertField("/api/places/search?lat=0&lon=NaN", "lon");
	}

	@Test
	void searchTextIsBoundedBeforeItReachesTheIndex() {
		assertField("/api/places/search?q=" + "garden%20".repeat(300), "q");
		assertField("/api/places/search?q=" + "a".repeat(200) + "~2", "q");
		assertField("/api/places/search?q=" + "walk".repeat(25) + "*", "q");
		assertField("/api/places/search?q=" + "x".repeat(5000), "q");
		assertField("/api/places/search?q=w1,w2,w3,w4,w5,w6,w7,w8,w9,x1,x2,x3,x4", "q");
		assertThat(mvc.get().uri("/api/places/search?q=knitt~1 natter")).hasStatusOk()
			.bodyJson().extractingPath("$.hits[*].name").asArray().containsExactly("Crookes knit and natter");
	}

	@Test
	void theDeepestPagesAreNamedProblems() {
		assertField("/api/places/search?page=2147483647", "page");
		assertField("/api/places/search?page=2147483647&size=100", "page");
		assertField("/api/places/search?page=-2147483648", "page");
	}

	@Test
	void timesAreHoursAndMinutesOnly() {
		assertField("/api/places/search?day=MO&from=12:00:00", "from");
		assertField("/api/places/search?day=MO&from=09:00&to=12:00:00.5", "to");
		assertField("/api/places/search?day=MO&from=9:00", "from");
		assertThat(mvc.get().uri("/api/places/search?day=MO&from=09:00&to=12:00")).hasStatusOk();
	}

	@Test
	void numbersAreDecimalWholeNumbers() {
		assertField("/api/places/search?page=0x10", "page");
		assertField("/api/places/search?size=1e1", "size");
		assertField("/api/places/search?age=7.5", "age");
	}

	private void assertField(String uri, String field) {
		assertThat(mvc.get().uri(URI.create(uri))).as(uri)
			.hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo(field);
	}

}
