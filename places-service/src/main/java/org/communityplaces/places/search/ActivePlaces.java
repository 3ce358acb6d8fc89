package org.communityplaces.places.search;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.util.FixedBitSet;
import org.communityplaces.places.place.PlaceStatus;

/**
 * The places referrers are offered, those whose status is active, held as bits per segment: read
 * once, when a refresh makes the segment searchable, and kept until Lucene closes it. A search of
 * active places only lets through to its collectors the matches whose bit is set, rather than
 * adding the status to its query: nearly every place is active, so as a filter of the query the
 * term's long list of places was stepped through at every match, and its presence kept a search of
 * words alone from Lucene's faster way of scoring a query of optional words. Either way the same
 * places are counted and shown. A segment never changes once written (its deleted places are left
 * out by the searcher), so what is read stays true for its life.
 */
final class ActivePlaces {

	static final Term ACTIVE = new Term("status", PlaceStatus.ACTIVE.hsds());

	private final Map<IndexReader.CacheKey, FixedBitSet> segments = new ConcurrentHashMap<>();

	FixedBitSet of(LeafReader reader) throws IOException {
		IndexReader.CacheHelper core = reader.getCoreCacheHelper();
		if (core == null) {
			return read(reader);
		}
		FixedBitSet cached = segments.get(core.getKey());
		if (cached != null) {
			return cached;
		}
		FixedBitSet read = read(reader);
		if (segments.putIfAbsent(core.getKey(), read) == null) {
			core.addClosedListener(segments::remove);
		}
		return segments.get(core.getKey());
	}

	/** What is collected, counted among the total and the facets, of active places only. */
	Collector only(Collector collector) {
		return new FilterCollector(collector) {

			@Override
			public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
				FixedBitSet active = of(context.reader());
				return new FilterLeafCollector(super.getLeafCollector(context)) {

					@Override
					public void collect(int doc) throws IOException {
						if (active.get(doc)) {
							in.collect(doc);
						}
					}

				};
			}

		};
	}

	private static FixedBitSet read(LeafReader reader) throws IOException {
		FixedBitSet places = new FixedBitSet(reader.maxDoc());
		PostingsEnum postings = reader.postings(ACTIVE, PostingsEnum.NONE);
		if (postings != null) {
			places.or(postings);
		}
		return places;
	}

}
