package org.communityplaces.places.search;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.communityplaces.places.place.PlaceKind;
import org.communityplaces.places.place.PlaceStatus;
import org.communityplaces.places.place.Weekday;
import org.communityplaces.places.search.PlaceQuery.Near;
import org.communityplaces.places.search.PlaceQuery.OpenWindow;
import org.communityplaces.places.taxonomy.Taxonomies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communityplaces.places.search.PlaceFixture.place;

/** The index on its own: every filter, their combination, distance order, paging and facet counts. */
class PlaceIndexTests {

	/** Hillsborough, Sheffield (S6): where the referred person lives in these tests. */
	private static final Near NEAR_S6 = new Near(53.4045, -1.4996, 5_000);

	@TempDir
	Path folder;

	private PlaceIndex index;

	@BeforeEach
	void catalogue() {
		index = new PlaceIndex(new Taxonomies(), folder);
		index.rebuild(Stream.of(
				place("walk").named("Hillsborough Park health walk")
					.described("A gentle walk around the lakes")
					.activities("walking")
					.accessibility("step-free")
					.at(53.4071, -1.5021, "S6")
					.open("10:00", "11:30", Weekday.TU, Weekday.FR)
					.capacity(15, 20)
					.build(),
				place("allotment").named("Walkley community allotment")
					.described("Grow vegetables and flowers with friendly plot-holders")
					.activities("gardening", "volunteering")
					.at(53.3941, -1.4965, "S6")
					.open("10:00", "13:00", Weekday.WE, Weekday.SA)
					.ages(16, null)
					.capacity(0, 12)
					.build(),
				place("pub").named("The Red Lion community table")
					.kind(PlaceKind.PUB)
					.activities("coffee-morning", "quiz-and-games")
					.accessibility("step-free", "accessible-toilet")
					.at(53.4045, -1.4996, "S6")
					.open("11:30", "14:00", Weekday.MO, Weekday.TU, Weekday.WE, Weekday.TH, Weekday.FR)
					.ages(18, null)
					.build(),
				place("choir").named("Nether Edge community choir")
					.described("No auditions, sing pop and folk")
					.activities("singing", "music")
					.accessibility("step-free", "hearing-loop")
					.at(53.3596, -1.4859, "S7")
					.open("19:00", "20:30", Weekday.MO)
					.costing("3.00")
					.capacity(20, 60)
					.modified("2026-11-20T09:00:00Z")
					.build(),
				place("garden-far").named("Totley gardening club")
					.activities("gardening")
					.accessibility("step-free")
					.at(53.3180, -1.5300, "S17")
					.open("10:00", "12:00", Weekday.WE)
					.ages(0, 17)
					.capacity(5, 10)
					.build(),
				place("closed").named("Hunters Bar games cafe")
					.kind(PlaceKind.SHOP)
					.activities("quiz-and-games")
					.status(PlaceStatus.TEMPORARILY_CLOSED)
					.build()));
	}

	@AfterEach
	void close() throws IOException {
		index.close();
	}

	@Test
	void withNothingAskedEveryActivePlaceMatchesInNameOrder() {
		assertThat(ids(search(query()))).containsExactly("walk", "choir", "pub", "garden-far", "allotment");
		assertThat(search(query().anyStatus()).total()).isEqualTo(6);
	}

	@Test
	void nearAPointOnlyPlacesWithinTheRadiusMatchNearestFirstWithTheirDistance() {
		SearchResults results = search(query().near(NEAR_S6));
		assertThat(ids(results)).containsExactly("pub", "walk", "allotment");
		assertThat(results.hits()).extracting(SearchResults.Hit::distanceMetres).isSorted();
		assertThat(results.hits().get(0).distanceMetres()).isLessThan(1.0);
		assertThat(results.hits().get(1).distanceMetres()).isBetween(250.0, 450.0);
		assertThat(ids(search(query().near(new Near(53.4045, -1.4996, 100_000))))).hasSize(5).endsWith("garden-far");
	}

	@Test
	void wordsAreStemmedAndSearchedInNamesDescriptionsAndActivities() {
		assertThat(ids(search(query().text("gardens")))).containsExactlyInAnyOrder("allotment", "garden-far");
		assertThat(ids(search(query().text("sings")))).containsExactly("choir");
		assertThat(ids(search(query().text("swimming")))).isEmpty();
		assertThat(ids(search(query().text("singing")))).containsExactly("choir");
		assertThat(ids(search(query().text("vegetable growing")))).containsExactly("allotment");
		assertThat(ids(search(query().text("quiz")))).containsExactly("pub");
		assertThat(ids(search(query().text("Café")))).isEmpty();
		assertThat(ids(search(query().text("lakes walking")))).containsExactly("walk");
	}

	@Test
	void severalInterestsInPlainWordsFindPlacesWithAnyOfThemMostWordsFirstAndSayWhichMatched() {
		aGardenQuiz();
		for (String text : List.of("quizzes and gardening", "quiz, gardening", "quiz,gardening", "Quiz or Gardens")) {
			assertThat(ids(search(query().text(text)))).as(text)
				.startsWith("garden-quiz")
				.containsExactlyInAnyOrder("garden-quiz", "pub", "allotment", "garden-far");
		}
		SearchResults results = search(query().text("quizzes and gardening"));
		assertThat(matched(results, "garden-quiz")).containsExactly("quizzes", "gardening");
		assertThat(matched(results, "pub")).containsExactly("quizzes");
		assertThat(matched(results, "allotment")).containsExactly("gardening");
		assertThat(ids(search(query().text("knitting walking quiz")))).containsExactlyInAnyOrder("walk", "pub",
				"garden-quiz");
		assertThat(matched(search(query().text("knitting walking quiz")), "walk")).containsExactly("walking");
		assertThat(search(query()).hits()).allSatisfy(hit -> assertThat(hit.matched()).isEmpty());
	}

	@Test
	void aWordMayStillBeAPhraseOrLeavePlacesOut() {
		aGardenQuiz();
		assertThat(ids(search(query().text("\"garden quiz\", singing")))).containsExactlyInAnyOrder("garden-quiz",
				"choir");
		assertThat(matched(search(query().text("\"garden quiz\", singing")), "garden-quiz"))
			.containsExactly("\"garden quiz\"");
		assertThat(ids(search(query().text("gardening -walkley")))).containsExactlyInAnyOrder("garden-quiz",
				"garden-far");
		assertThat(ids(search(query().text("-walkley")))).containsExactlyInAnyOrder("walk", "pub", "choir",
				"garden-far", "garden-quiz");
	}

	@Test
	void aroundAPlaceMoreOfTheWordsComeFirstThenTheNearest() {
		aGardenQuiz();
		assertThat(ids(search(query().text("quiz, gardening").near(NEAR_S6)))).containsExactly("garden-quiz", "pub",
				"allotment");
	}

	@Test
	void kindsAndActivitiesMatchAnyOfTheirValues() {
		assertThat(ids(search(query().kinds(List.of(PlaceKind.PUB))))).containsExactly("pub");
		assertThat(ids(search(query().activities(List.of("walking", "singing"))))).containsExactlyInAnyOrder("walk", "choir");
	}

	@Test
	void accessibilityNeedsMustAllBeMet() {
		assertThat(ids(search(query().accessibility(List.of("step-free"))))).containsExactlyInAnyOrder("walk", "pub", "choir",
				"garden-far");
		assertThat(ids(search(query().accessibility(List.of("step-free", "hearing-loop"))))).containsExactly("choir");
	}

	@Test
	void openOnADayAndTimeMatchesSessionsThatOverlapTheWindow() {
		assertThat(ids(search(query().open(new OpenWindow(List.of(Weekday.WE), 9 * 60, 12 * 60, true)))))
			.containsExactlyInAnyOrder("allotment", "pub", "garden-far");
		assertThat(ids(search(query().open(new OpenWindow(List.of(Weekday.MO), 18 * 60, 24 * 60, true)))))
			.containsExactly("choir");
		assertThat(ids(search(query().open(new OpenWindow(List.of(Weekday.SU), 0, 24 * 60, true))))).isEmpty();
		assertThat(ids(search(query().open(new OpenWindow(List.of(Weekday.TU), 11 * 60 + 30, 12 * 60, true)))))
			.as("a session ending as the window starts does not count").containsExactly("pub");
	}

	@Test
	void orukTimeFiltersWantTheWholeSessionInsideTheWindow() {
		assertThat(ids(search(query().open(new OpenWindow(List.of(Weekday.WE), 9 * 60, 12 * 60, false)))))
			.containsExactly("garden-far");
	}

	@Test
	void costCapacityAndAgeFilter() {
		assertThat(ids(search(query().free(false)))).containsExactly("choir");
		assertThat(ids(search(query().hasCapacity(true)))).containsExactlyInAnyOrder("walk", "choir", "garden-far");
		assertThat(ids(search(query().age(16)))).containsExactlyInAnyOrder("walk", "allotment", "choir", "garden-far");
		assertThat(ids(search(query().age(70)))).containsExactlyInAnyOrder("walk", "allotment", "pub", "choir");
	}

	@Test
	void modifiedAfterAndTaxonomyTermIdsFilter() {
		assertThat(ids(search(query().modifiedAfter(Instant.parse("2026-11-10T00:00:00Z"))))).containsExactly("choir");
		assertThat(ids(search(query().termIds(List.of(PlaceKind.PUB.termId()))))).containsExactly("pub");
	}

	@Test
	void allFiltersCombineInOneQuery() {
		// "a gardening or walking group within 5 km of S6, step-free, open on weekday mornings, free, with room"
		SearchResults results = search(query().near(NEAR_S6)
			.kinds(List.of(PlaceKind.COMMUNITY_GROUP))
			.activities(List.of("gardening", "walking"))
			.accessibility(List.of("step-free"))
			.open(new OpenWindow(List.of(Weekday.MO, Weekday.TU, Weekday.WE, Weekday.TH, Weekday.FR), 9 * 60, 12 * 60,
					true))
			.free(true)
			.hasCapacity(true)
			.age(70));
		assertThat(ids(results)).containsExactly("walk");
		assertThat(results.total()).isEqualTo(1);
	}

	@Test
	void facetsCountEveryMatchNotOnlyThePageShown() {
		SearchResults results = search(query().near(NEAR_S6).page(1, 1).facets(true));
		assertThat(results.total()).isEqualTo(3);
		assertThat(results.hits()).hasSize(1);
		assertThat(results.facets().get("kind")).containsOnly(org.assertj.core.api.Assertions.entry("community-group", 2),
				org.assertj.core.api.Assertions.entry("pub", 1));
		assertThat(results.facets().get("activity")).containsEntry("gardening", 1)
			.containsEntry("walking", 1)
			.containsEntry("quiz-and-games", 1);
		assertThat(results.facets().get("accessibility")).containsEntry("step-free", 2)
			.containsEntry("accessible-toilet", 1);
		assertThat(results.facets().get("capacity")).containsEntry("available", 1)
			.containsEntry("full", 1)
			.containsEntry("unknown", 1);
		assertThat(results.facets().get("cost")).containsOnly(org.assertj.core.api.Assertions.entry("free", 3));
	}

	@Test
	void facetsAreCountedOnlyWhenAskedForAndTheTotalIsExactEitherWay() {
		SearchResults results = search(query().near(NEAR_S6).page(1, 1));
		assertThat(results.facets()).isNull();
		assertThat(results.total()).isEqualTo(3);
		assertThat(search(query().text("walk garden quiz").page(1, 1)).total())
			.isEqualTo(search(query().text("walk garden quiz").page(1, 1).facets(true)).total())
			.isEqualTo(4);
	}

	@Test
	void facetCountsFollowEveryChangeAcrossTheIndexSegments() {
		aGardenQuiz();
		index.put(place("walk").named("Hillsborough Park Nordic walk").activities("exercise").build());
		SearchResults results = search(query().near(NEAR_S6).facets(true));
		assertThat(results.facets().get("activity")).containsEntry("gardening", 2)
			.containsEntry("quiz-and-games", 2)
			.containsEntry("exercise", 1)
			.doesNotContainKey("walking");
		index.remove("garden-quiz");
		assertThat(search(query().near(NEAR_S6).facets(true)).facets().get("activity")).containsEntry("gardening", 1)
			.containsEntry("quiz-and-games", 1);
	}

	@Test
	void pagesFollowOnFromEachOther() {
		List<String> all = ids(search(query()));
		assertThat(ids(search(query().page(1, 2)))).isEqualTo(all.subList(0, 2));
		assertThat(ids(search(query().page(2, 2)))).isEqualTo(all.subList(2, 4));
		assertThat(ids(search(query().page(3, 2)))).isEqualTo(all.subList(4, 5));
	}

	@Test
	void aChangedPlaceIsFoundByItsNewValuesAndARemovedOneNotAtAll() {
		index.put(place("walk").named("Hillsborough Park Nordic walk").activities("exercise").build());
		assertThat(ids(search(query().activities(List.of("walking"))))).isEmpty();
		assertThat(ids(search(query().text("nordic")))).containsExactly("walk");
		index.remove("walk");
		assertThat(ids(search(query().text("nordic")))).isEmpty();
		assertThat(index.size()).isEqualTo(5);
	}

	private SearchResults search(PlaceQuery.Builder query) {
		return index.search(query.build());
	}

	/** A place with two interests, next to the allotment. */
	private void aGardenQuiz() {
		index.put(place("garden-quiz").named("Crookes garden quiz night").activities("gardening", "quiz-and-games")
			.at(53.3960, -1.4990, "S6")
			.build());
	}

	private static List<String> matched(SearchResults results, String id) {
		return results.hits().stream().filter(hit -> hit.id().equals(id)).findFirst().orElseThrow().matched();
	}

	private static List<String> ids(SearchResults results) {
		return results.hits().stream().map(SearchResults.Hit::id).toList();
	}

	private static PlaceQuery.Builder query() {
		return PlaceQuery.builder();
	}

}
