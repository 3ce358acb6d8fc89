package org.communityplaces.places.search;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;

/**
 * Counts, over every matching place, the facet values ({@code kind/pub},
 * {@code activity/walking}...) and the matches themselves. All facets share one doc-values
 * field, so each match costs one look-up and an array increment per value; labels are
 * resolved once per segment.
 */
final class FacetCounter implements Collector {

	static final String FIELD = "facets";

	static final char SEPARATOR = '/';

	private final Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();

	private int matches;

	private SegmentCounts current;

	FacetCounter(String... dimensions) {
		for (String dimension : dimensions) {
			counts.put(dimension, new TreeMap<>());
		}
	}

	@Override
	public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
		flush();
		SegmentCounts segment = new SegmentCounts(DocValues.getSortedSet(context.reader(), FIELD));
		current = segment;
		return new LeafCollector() {

			@Override
			public void setScorer(Scorable scorer) {
			}

			@Override
			public void collect(int doc) throws IOException {
				matches++;
				segment.collect(doc);
			}

		};
	}

	@Override
	public ScoreMode scoreMode() {
		return ScoreMode.COMPLETE_NO_SCORES;
	}

	int matches() {
		return matches;
	}

	Map<String, Map<String, Integer>> counts() throws IOException {
		flush();
		return counts;
	}

	private void flush() throws IOException {
		if (current != null) {
			current.addTo(counts);
			current = null;
		}
	}

	private static final class SegmentCounts {

		private final SortedSetDocValues values;

		private final int[] ordinalCounts;

		SegmentCounts(SortedSetDocValues values) {
			this.values = values;
			this.ordinalCounts = new int[(int) values.getValueCount()];
		}

		void collect(int doc) throws IOException {
			if (values.advanceExact(doc)) {
				for (int n = values.docValueCount(); n > 0; n--) {
					ordinalCounts[(int) values.nextOrd()]++;
				}
			}
		}

		void addTo(Map<String, Map<String, Integer>> totals) throws IOException {
			for (int ordinal = 0; ordinal < ordinalCounts.length; ordinal++) {
				if (ordinalCounts[ordinal] > 0) {
					BytesRef label = values.lookupOrd(ordinal);
					String text = label.utf8ToString();
					int split = text.indexOf(SEPARATOR);
					Map<String, Integer> dimension = totals.get(text.substring(0, split));
					if (dimension != null) {
						dimension.merge(text.substring(split + 1), ordinalCounts[ordinal], Integer::sum);
					}
				}
			}
		}

	}

}
