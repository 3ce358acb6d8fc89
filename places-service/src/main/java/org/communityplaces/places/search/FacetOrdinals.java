package org.communityplaces.places.search;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * Every place's facet values, segment by segment, as bits: read from doc values once, when a
 * new segment becomes searchable, and kept until Lucene closes the segment. Counting a match is
 * then a few bit operations instead of a doc-values look-up, and a value's label is split into
 * its facet and value once, not in every search. A segment never changes once written (an edited
 * place is a new document in a new segment), so what is read stays true for the segment's life.
 */
final class FacetOrdinals {

	private final Map<IndexReader.CacheKey, Segment> segments = new ConcurrentHashMap<>();

	Segment of(LeafReader reader) throws IOException {
		IndexReader.CacheHelper core = reader.getCoreCacheHelper();
		if (core == null) {
			return Segment.read(reader);
		}
		Segment cached = segments.get(core.getKey());
		if (cached != null) {
			return cached;
		}
		Segment read = Segment.read(reader);
		if (segments.putIfAbsent(core.getKey(), read) == null) {
			core.addClosedListener(segments::remove);
		}
		return segments.get(core.getKey());
	}

	/**
	 * One segment's values: value {@code ordinal} of document {@code doc} is bit
	 * {@code ordinal % 64} of {@code bits[doc * words + ordinal / 64]}.
	 */
	static final class Segment {

		private final long[] bits;

		private final int words;

		private final String[] facets;

		private final String[] values;

		private Segment(long[] bits, int words, String[] facets, String[] values) {
			this.bits = bits;
			this.words = words;
			this.facets = facets;
			this.values = values;
		}

		static Segment read(LeafReader reader) throws IOException {
			SortedSetDocValues docValues = DocValues.getSortedSet(reader, FacetCounter.FIELD);
			int valueCount = Math.toIntExact(docValues.getValueCount());
			String[] facets = new String[valueCount];
			String[] values = new String[valueCount];
			for (int ordinal = 0; ordinal < valueCount; ordinal++) {
				String label = docValues.lookupOrd(ordinal).utf8ToString();
				int split = label.indexOf(FacetCounter.SEPARATOR);
				facets[ordinal] = label.substring(0, split);
				values[ordinal] = label.substring(split + 1);
			}
			int words = Math.max(1, (valueCount + Long.SIZE - 1) / Long.SIZE);
			long[] bits = new long[Math.multiplyExact(reader.maxDoc(), words)];
			for (int doc = docValues.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docValues.nextDoc()) {
				for (int n = docValues.docValueCount(); n > 0; n--) {
					long ordinal = docValues.nextOrd();
					bits[doc * words + (int) (ordinal >>> 6)] |= 1L << ordinal;
				}
			}
			return new Segment(bits, words, facets, values);
		}

		int valueCount() {
			return values.length;
		}

		/** Adds one to the count of each of this document's values. */
		void count(int doc, int[] counts) {
			int first = doc * words;
			for (int word = 0; word < words; word++) {
				long set = bits[first + word];
				int base = word << 6;
				while (set != 0) {
					counts[base + Long.numberOfTrailingZeros(set)]++;
					set &= set - 1;
				}
			}
		}

		String facet(int ordinal) {
			return facets[ordinal];
		}

		String value(int ordinal) {
			return values[ordinal];
		}

	}

}
