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

/**
 * Counts, over every matching place, the values of a few multi-valued doc-values fields, and
 * the matches themselves. Counting by ordinal per segment keeps it to an array increment per
 * value, with the labels looked up once per segment.
 */
final class FacetCounter implements Collector {

	private final String[] fields;

	private final Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();

	private int matches;

	private SegmentCounts current;

	FacetCounter(String... fields) {
		this.fields = fields;
		for (String field : fields) {
			counts.put(field, new TreeMap<>());
		}
	}

	@Override
	public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
		flush();
		SegmentCounts segment = new SegmentCounts(context, fields);
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

		private final String[] fields;

		private final SortedSetDocValues[] values;

		private final int[][] ordinalCounts;

		SegmentCounts(LeafReaderContext context, String[] fields) throws IOException {
			this.fields = fields;
			this.values = new SortedSetDocValues[fields.length];
			this.ordinalCounts = new int[fields.length][];
			for (int i = 0; i < fields.length; i++) {
				values[i] = DocValues.getSortedSet(context.reader(), fields[i]);
				ordinalCounts[i] = new int[(int) values[i].getValueCount()];
			}
		}

		void collect(int doc) throws IOException {
			for (int i = 0; i < values.length; i++) {
				if (values[i].advanceExact(doc)) {
					for (int n = 0; n < values[i].docValueCount(); n++) {
						ordinalCounts[i][(int) values[i].nextOrd()]++;
					}
				}
			}
		}

		void addTo(Map<String, Map<String, Integer>> totals) throws IOException {
			for (int i = 0; i < fields.length; i++) {
				Map<String, Integer> total = totals.get(fields[i]);
				for (int ordinal = 0; ordinal < ordinalCounts[i].length; ordinal++) {
					if (ordinalCounts[i][ordinal] > 0) {
						total.merge(values[i].lookupOrd(ordinal).utf8ToString(), ordinalCounts[i][ordinal],
								Integer::sum);
					}
				}
			}
		}

	}

}
