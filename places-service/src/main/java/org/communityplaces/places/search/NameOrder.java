package org.communityplaces.places.search;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.FieldComparator;
import org.apache.lucene.search.FieldComparatorSource;
import org.apache.lucene.search.LeafFieldComparator;
import org.apache.lucene.search.Pruning;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;

/**
 * Alphabetical order of a sorted doc-values field, as {@code SortField.Type.STRING} sorts, for
 * less. Lucene's own comparator reads a name's bytes from the compressed terms dictionary for
 * every hit that enters the top of a search, in case it is later compared with a hit of another
 * segment. A word search across the UK ties on relevance for thousands of places, so hundreds
 * enter the top and almost all leave it again without ever meeting another segment's hit. This
 * one compares within a segment by ordinal, as Lucene's does, and reads a name's bytes only when
 * it is compared across segments or shown.
 */
final class NameOrder extends FieldComparator<BytesRef> {

	private static final int MISSING = -1;

	private final String field;

	private final int[] ords;

	private final int[] segments;

	private final SortedDocValues[] dictionaries;

	private final BytesRef[] values;

	private int segmentsSeen;

	/** The slot of the last of the top hits once they are full: each new segment finds its place in that segment. */
	private int bottomSlot = -1;

	private BytesRef top;

	private NameOrder(String field, int slots) {
		this.field = field;
		this.ords = new int[slots];
		this.segments = new int[slots];
		this.dictionaries = new SortedDocValues[slots];
		this.values = new BytesRef[slots];
	}

	static SortField of(String field) {
		return new SortField(field, new FieldComparatorSource() {

			@Override
			public FieldComparator<?> newComparator(String fieldName, int slots, Pruning pruning, boolean reversed) {
				return new NameOrder(fieldName, slots);
			}

		});
	}

	@Override
	public int compare(int slot1, int slot2) {
		if (segments[slot1] == segments[slot2]) {
			return Integer.compare(ords[slot1], ords[slot2]);
		}
		return compareValues(value(slot1), value(slot2));
	}

	@Override
	public void setTopValue(BytesRef value) {
		this.top = value;
	}

	@Override
	public BytesRef value(int slot) {
		if (values[slot] == null && ords[slot] != MISSING) {
			try {
				values[slot] = BytesRef.deepCopyOf(dictionaries[slot].lookupOrd(ords[slot]));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return values[slot];
	}

	@Override
	public LeafFieldComparator getLeafComparator(LeafReaderContext context) throws IOException {
		Leaf leaf = new Leaf(segmentsSeen++, DocValues.getSorted(context.reader(), field));
		if (bottomSlot != -1) {
			leaf.setBottom(bottomSlot);
		}
		return leaf;
	}

	private final class Leaf implements LeafFieldComparator {

		private final int segment;

		private final SortedDocValues names;

		private int bottomOrd;

		/** Whether {@code bottomOrd} and {@code bottomHere} are worked out for the present bottom. */
		private boolean bottomKnown;

		/** Whether the bottom's name is in this segment, so that an equal ordinal is an equal name. */
		private boolean bottomHere;

		private int lastDoc = -1;

		private int lastOrd;

		Leaf(int segment, SortedDocValues names) {
			this.segment = segment;
			this.names = names;
		}

		/**
		 * The bottom is looked up in this segment only when a hit ties with it on everything before
		 * the name: searches near a place seldom compare names at all, and each new bottom from
		 * another segment would cost a search of this segment's names.
		 */
		@Override
		public void setBottom(int slot) {
			bottomSlot = slot;
			bottomKnown = false;
		}

		private void knowBottom() throws IOException {
			if (bottomKnown) {
				return;
			}
			bottomKnown = true;
			int slot = bottomSlot;
			if (segments[slot] == segment) {
				bottomOrd = ords[slot];
				bottomHere = true;
				return;
			}
			BytesRef bottom = value(slot);
			if (bottom == null) {
				bottomOrd = MISSING;
				bottomHere = true;
				return;
			}
			int found = names.lookupTerm(bottom);
			bottomHere = found >= 0;
			bottomOrd = found >= 0 ? found : -found - 2;
			if (bottomHere) {
				ords[slot] = found;
				segments[slot] = segment;
				dictionaries[slot] = names;
			}
		}

		@Override
		public int compareBottom(int doc) throws IOException {
			knowBottom();
			int ord = ord(doc);
			if (bottomHere) {
				return Integer.compare(bottomOrd, ord);
			}
			return bottomOrd >= ord ? 1 : -1;
		}

		@Override
		public int compareTop(int doc) throws IOException {
			int ord = ord(doc);
			return compareValues(top, ord == MISSING ? null : names.lookupOrd(ord));
		}

		@Override
		public void copy(int slot, int doc) throws IOException {
			ords[slot] = ord(doc);
			segments[slot] = segment;
			dictionaries[slot] = names;
			values[slot] = null;
		}

		@Override
		public void setScorer(Scorable scorer) {
		}

		private int ord(int doc) throws IOException {
			if (doc != lastDoc) {
				lastDoc = doc;
				lastOrd = names.advanceExact(doc) ? names.ordValue() : MISSING;
			}
			return lastOrd;
		}

	}

}
