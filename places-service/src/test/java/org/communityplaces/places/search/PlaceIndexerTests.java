package org.communityplaces.places.search;

import java.time.Instant;
import java.util.List;

import org.communityplaces.places.PlacesServiceTest;
import org.communityplaces.places.geo.Postcodes;
import org.communityplaces.places.place.Place;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/** How the index is built from MongoDB and catches up with changes it was not told about. */
class PlaceIndexerTests extends PlacesServiceTest {

	@Autowired
	PlaceIndexer indexer;

	private final SyntheticCatalogue synthetic = new SyntheticCatalogue(new Postcodes(), 3);

	@Test
	void theIndexIsBuiltFromEveryStoredPlaceAPageAtATime() {
		List<Place> places = synthetic.places(4_500).toList();
		mongo.insert(places, Place.class);
		indexer.buildAtStart();
		long active = places.stream().filter(place -> place.status().hsds().equals("active")).count();
		assertThat(index.size()).isEqualTo(4_500);
		assertThat(index.search(PlaceQuery.builder().anyStatus().page(1, 1).build()).total()).isEqualTo(4_500);
		assertThat(index.search(PlaceQuery.builder().page(1, 1).build()).total()).isEqualTo(active);
	}

	@Test
	void theSweepPicksUpChangesWhoseEventNeverArrived() {
		Place place = synthetic.place(1);
		mongo.insert(place);
		indexer.buildAtStart();
		// A change written by another instance whose event this instance missed.
		mongo.updateFirst(Query.query(Criteria.where("_id").is(place.id())),
				new Update().set("name", "Renamed while nobody was listening").set("timeline.lastModified", Instant.now()),
				Place.class);
		indexer.sweepRecentChanges();
		assertThat(index.search(PlaceQuery.builder().text("nobody listening").anyStatus().page(1, 5).build()).hits())
			.extracting(SearchResults.Hit::name)
			.containsExactly("Renamed while nobody was listening");
	}

}
