package org.communityplaces.places.search;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts, over every matching place, the facet values ({@code kind/pub},
 * {@code activity/walking}...). All facets share one doc-values field, held as bits per
 * segment ({@link FacetOrdinals}), so each match costs a few bit operations and an array
 * increment per value; labels are added up once per segment.
 */
final class FacetCounter implements Collector {

	static final String FIELD = "facets";

	static final char SEPARATOR = '/';

	private final FacetOrdinals ordinals;

	private final Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();

	private FacetOrdinals.Segment segment;

	private int[] segmentCounts;

	FacetCounter(FacetOrdinals ordinals, String... dimensions) {
		this.ordinals = ordinals;
		for (String dimension : dimensions) {
			counts.put(dimension, new TreeMap<>());
		}
	}

	@Override
	public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
		flush();
		FacetOrdinals.Segment values = ordinals.of(context.reader());
		int[] valueCounts = new int[values.valueCount()];
		segment = values;
		segmentCounts = valueCounts;
		return new LeafCollector() {

			@Override
			public void setScorer(Scorable scorer) {
			}

			@Override
			public void collect(int doc) {
				values.count(doc, valueCounts);
			}

		};
	}

	@Override
	public ScoreMode scoreMode() {
		return ScoreMode.COMPLETE_NO_SCORES;
	}

	Map<String, Map<String, Integer>> counts() {
		flush();
		return counts;
	}

	private void flush() {
		if (segment == null) {
			return;
		}
		for (int ordinal = 0; ordinal < segmentCounts.length; ordinal++) {
			if (segmentCounts[ordinal] > 0) {
				Map<String, Integer> dimension = counts.get(segment.facet(ordinal));
				if (dimension != null) {
					dimension.merge(segment.value(ordinal), segmentCounts[ordinal], Integer::sum);
				}
			}
		}
		segment = null;
		segmentCounts = null;
	}

}
