package org.communityplaces.places.search;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.LeafCollector;

/**
 * Counts, over every matching place, the facet values ({@code kind/pub},
 * {@code activity/walking}...), as each match passes on to the collector of the top hits. All
 * facets share one doc-values field, held as bits per segment ({@link FacetOrdinals}), so each
 * match costs a few bit operations and an array increment per value; labels are added up once
 * per segment. Counting on the way to the top hits, rather than beside them as a second
 * collector, spares every match the layers Lucene puts between several collectors and the score.
 */
final class FacetCounter extends FilterCollector {

	static final String FIELD = "facets";

	static final char SEPARATOR = '/';

	private final FacetOrdinals ordinals;

	private final Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();

	private FacetOrdinals.Segment segment;

	private int[] segmentCounts;

	FacetCounter(Collector top, FacetOrdinals ordinals, String... dimensions) {
		super(top);
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
		return new FilterLeafCollector(super.getLeafCollector(context)) {

			@Override
			public void collect(int doc) throws IOException {
				values.count(doc, valueCounts);
				in.collect(doc);
			}

		};
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
