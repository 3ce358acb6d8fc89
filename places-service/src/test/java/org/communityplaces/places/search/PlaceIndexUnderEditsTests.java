package org.communityplaces.places.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

import org.communityplaces.places.geo.Postcodes;
import org.communityplaces.places.place.Place;
import org.communityplaces.places.place.PlaceStatus;
import org.communityplaces.places.place.Weekday;
import org.communityplaces.places.search.PlaceQuery.Near;
import org.communityplaces.places.search.PlaceQuery.OpenWindow;
import org.communityplaces.places.taxonomy.Taxonomies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An index that has lived through edits (places closing and opening again, moving, being
 * removed, segments merging, filters cached on a segment whose places were since replaced)
 * finds, orders, pages and counts exactly as one built afresh from the same places; and a
 * search of active places is a search of every place with the others left out.
 */
class PlaceIndexUnderEditsTests {

	/** Enough places for one segment large enough for the filter cache. */
	private static final int PLACES = 12_000;

	private static final int PAGE = 20;

	@TempDir
	Path folder;

	@Test
	void anEditedIndexAnswersAsOneBuiltAfreshFromTheSamePlaces() throws IOException {
		SyntheticCatalogue catalogue = new SyntheticCatalogue(new Postcodes(), 26);
		Map<String, Place> places = new LinkedHashMap<>();
		catalogue.places(PLACES).forEach(place -> places.put(place.id(), place));
		List<String> ids = new ArrayList<>(places.keySet());
		SplittableRandom random = new SplittableRandom(26);
		List<PlaceQuery.Builder> searches = searches(catalogue, random);
		try (PlaceIndex edited = new PlaceIndex(new Taxonomies(), Files.createDirectories(folder.resolve("edited")))) {
			edited.rebuild(places.values().stream());
			for (int round = 0; round < 6; round++) {
				for (int edit = 0; edit < 60; edit++) {
					String id = ids.get(random.nextInt(ids.size()));
					Place place = places.get(id);
					if (place == null) {
						continue;
					}
					int what = random.nextInt(10);
					if (what == 0) {
						places.remove(id);
						edited.remove(id);
						continue;
					}
					Place changed = what < 7 ? with(place, place.status() == PlaceStatus.ACTIVE
							? PlaceStatus.TEMPORARILY_CLOSED : PlaceStatus.ACTIVE)
							: movedTo(place, catalogue.somewhere(random));
					places.put(id, changed);
					edited.put(changed);
				}
				for (PlaceQuery.Builder search : searches) {
					for (int again = 0; again < 3; again++) {
						edited.search(search.page(1, PAGE).build());
					}
				}
				try (PlaceIndex fresh = new PlaceIndex(new Taxonomies(),
						Files.createDirectories(folder.resolve("fresh-" + round)))) {
					fresh.rebuild(places.values().stream());
					for (PlaceQuery.Builder search : searches) {
						sameAnswers(edited, fresh, search, "round " + round);
						activeOnlyLeavesTheOthersOut(edited, places, search, "round " + round);
					}
					double[] home = catalogue.somewhere(random);
					eachHitShowsTheWordsThatFindIt(edited, new Near(home[0], home[1], 8_000), "round " + round);
				}
			}
		}
	}

	/**
	 * A folder left by an earlier version holds an index in insertion order: a writer sorting
	 * places by neighbourhood cannot open it, so each start must write a new index beside it.
	 */
	@Test
	void anIndexLeftInTheFolderByAnEarlierVersionDoesNotStopAStart() throws IOException {
		try (FSDirectory earlier = FSDirectory.open(folder);
				IndexWriter writer = new IndexWriter(earlier, new IndexWriterConfig())) {
			Document place = new Document();
			place.add(new StringField("id", "from-an-earlier-version", Field.Store.NO));
			writer.addDocument(place);
			writer.commit();
		}
		SyntheticCatalogue catalogue = new SyntheticCatalogue(new Postcodes(), 26);
		try (PlaceIndex index = new PlaceIndex(new Taxonomies(), folder)) {
			assertThat(index.rebuild(catalogue.places(50))).isEqualTo(50);
			assertThat(index.size()).isEqualTo(50);
		}
	}

	/**
	 * Searches running while places change each see one consistent index: every match counted
	 * once in the total and once among the kinds, never a place twice.
	 */
	@Test
	void searchesBesideEditsCountEachMatchOnce() throws Exception {
		SyntheticCatalogue catalogue = new SyntheticCatalogue(new Postcodes(), 27);
		List<Place> places = catalogue.places(PLACES).toList();
		SplittableRandom random = new SplittableRandom(27);
		List<PlaceQuery.Builder> searches = searches(catalogue, random);
		try (PlaceIndex index = new PlaceIndex(new Taxonomies(), folder)) {
			index.rebuild(places.stream());
			ExecutorService searchers = Executors.newFixedThreadPool(3);
			try {
				List<Future<?>> running = new ArrayList<>();
				for (int thread = 0; thread < 3; thread++) {
					List<PlaceQuery> queries = searches.stream().map(search -> search.page(1, PAGE).build()).toList();
					running.add(searchers.submit(() -> {
						for (int round = 0; round < 20; round++) {
							for (PlaceQuery query : queries) {
								SearchResults results = index.search(query);
								assertThat(ids(results)).as(query.toString()).doesNotHaveDuplicates();
								if (results.facets() != null) {
									assertThat(results.facets().get("kind").values().stream().mapToInt(Integer::intValue).sum())
										.as(query.toString()).isEqualTo((int) results.total());
								}
							}
						}
						return null;
					}));
				}
				while (running.stream().anyMatch(search -> !search.isDone())) {
					Place place = places.get(random.nextInt(places.size()));
					index.put(with(place, random.nextBoolean() ? PlaceStatus.ACTIVE : PlaceStatus.INACTIVE));
				}
				for (Future<?> search : running) {
					search.get();
				}
			}
			finally {
				searchers.shutdownNow();
			}
		}
	}

	private static void sameAnswers(PlaceIndex edited, PlaceIndex fresh, PlaceQuery.Builder search, String when) {
		for (int page = 1; page <= 3; page++) {
			for (boolean activeOnly : new boolean[] { true, false }) {
				PlaceQuery query = (activeOnly ? search : copyAnyStatus(search)).page(page, PAGE).build();
				SearchResults ours = edited.search(query);
				SearchResults theirs = fresh.search(query);
				String as = when + ", " + query;
				assertThat(ours.total()).as(as).isEqualTo(theirs.total());
				assertThat(ours.facets()).as(as).isEqualTo(theirs.facets());
				if (!byRelevance(query)) {
					assertThat(ids(ours)).as(as).containsExactlyElementsOf(ids(theirs));
					assertThat(ours.hits()).extracting(SearchResults.Hit::matched).as(as)
						.containsExactlyElementsOf(theirs.hits().stream().map(SearchResults.Hit::matched).toList());
				}
			}
		}
		List<String> threePages = ids(edited.search(search.page(1, 3 * PAGE).build()));
		List<String> pageByPage = new ArrayList<>();
		for (int page = 1; page <= 3; page++) {
			pageByPage.addAll(ids(edited.search(search.page(page, PAGE).build())));
		}
		assertThat(pageByPage).as(when + ", pages of " + search.build()).containsExactlyElementsOf(threePages);
	}

	/**
	 * Relevance weighs a word by how many places have it, and Lucene counts a replaced version
	 * until its segment is merged: an edited index and a fresh one may rank words differently.
	 */
	private static boolean byRelevance(PlaceQuery query) {
		return query.text() != null && query.near() == null;
	}

	/** A hit's matched words are exactly those of the search that, searched alone, find it. */
	private static void eachHitShowsTheWordsThatFindIt(PlaceIndex index, Near near, String when) {
		List<String> words = List.of("\"friendly welcome\"", "walk*", "gardenin~1", "quiz", "newcomers");
		SearchResults results = index.search(PlaceQuery.builder()
			.text(String.join(", ", words))
			.near(near)
			.page(1, 200)
			.build());
		assertThat(results.hits()).as(when).isNotEmpty();
		for (String word : words) {
			List<String> found = ids(index.search(PlaceQuery.builder().text(word).near(near).page(1, PLACES).build()));
			for (SearchResults.Hit hit : results.hits()) {
				assertThat(hit.matched().contains(word)).as("%s, %s finds %s", when, word, hit.id())
					.isEqualTo(found.contains(hit.id()));
			}
		}
	}

	private static void activeOnlyLeavesTheOthersOut(PlaceIndex edited, Map<String, Place> places,
			PlaceQuery.Builder search, String when) {
		SearchResults every = edited.search(copyAnyStatus(search).page(1, PLACES).build());
		List<String> active = ids(every).stream()
			.filter(id -> places.get(id).status() == PlaceStatus.ACTIVE)
			.toList();
		SearchResults onlyActive = edited.search(search.page(1, PLACES).build());
		assertThat(ids(onlyActive)).as(when + ", " + search.build()).containsExactlyElementsOf(active);
		assertThat(onlyActive.total()).isEqualTo(active.size());
	}

	private static List<PlaceQuery.Builder> searches(SyntheticCatalogue catalogue, SplittableRandom random) {
		List<PlaceQuery.Builder> searches = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			double[] home = catalogue.somewhere(random);
			Near near = new Near(home[0], home[1], 5_000);
			String activity = catalogue.randomActivity(random);
			searches.add(PlaceQuery.builder().facets(true));
			searches.add(PlaceQuery.builder().near(near).facets(true));
			searches.add(PlaceQuery.builder().near(near).hasCapacity(true).facets(true));
			searches.add(PlaceQuery.builder().near(near).free(true).age(30));
			searches.add(PlaceQuery.builder().activities(List.of(activity)).facets(true));
			searches.add(PlaceQuery.builder().text("walking gardening friendly").facets(true));
			searches.add(PlaceQuery.builder().text("walking, quiz").near(near));
			searches.add(PlaceQuery.builder().text("newcomers").hasCapacity(true).facets(true));
			searches.add(PlaceQuery.builder()
				.open(new OpenWindow(List.of(Weekday.values()[i]), 9 * 60, 13 * 60, true))
				.facets(true));
			searches.add(PlaceQuery.builder().accessibility(List.of(catalogue.randomAccessibility(random))).near(near));
		}
		return searches;
	}

	/** The same search of every place, whatever its status, leaving the builder as it was. */
	private static PlaceQuery.Builder copyAnyStatus(PlaceQuery.Builder search) {
		PlaceQuery query = search.build();
		return PlaceQuery.builder()
			.text(query.text())
			.near(query.near())
			.kinds(List.copyOf(query.kinds()))
			.activities(List.copyOf(query.activities()))
			.accessibility(List.copyOf(query.accessibility()))
			.termIds(List.copyOf(query.termIds()))
			.open(query.open())
			.free(query.free())
			.hasCapacity(query.hasCapacity())
			.age(query.age())
			.facets(query.facets())
			.anyStatus();
	}

	private static Place with(Place place, PlaceStatus status) {
		return rebuilt(place, status, place.location());
	}

	private static Place movedTo(Place place, double[] where) {
		Place.Location location = place.location();
		return rebuilt(place, place.status(), new Place.Location(location.address(), where[0] + 0.001,
				where[1] - 0.001, location.attendance()));
	}

	private static Place rebuilt(Place place, PlaceStatus status, Place.Location location) {
		Instant modified = place.timeline().lastModified().plusSeconds(60);
		return new Place(place.id(), place.version() + 1, place.name(), place.description(), place.kind(),
				place.organization(), place.offer(), location, place.openingTimes(), place.host(), place.capacity(),
				status, new Place.Timeline(place.timeline().createdAt(), modified, null), place.idempotency(),
				place.outbox(), place.upkeep());
	}

	private static List<String> ids(SearchResults results) {
		return results.hits().stream().map(SearchResults.Hit::id).toList();
	}

}
