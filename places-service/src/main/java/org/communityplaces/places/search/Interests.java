package org.communityplaces.places.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * The words of a search, each an interest of its own ("quizzes and gardening", "quiz,
 * gardening", "knitting walking quiz"): a place matches when it has any of them, and the more
 * of them it has the higher it ranks. Words are parted by spaces and commas; "and", "or" and
 * the other stop words drop out as the analyzer drops them, and two spellings of one word
 * ("quiz quizzes") count once. A word may still be a quoted phrase, a prefix ({@code walk*})
 * or a fuzzy word ({@code knitt~1}); a word starting with '-' leaves out the places that have it.
 */
final class Interests {

	/**
	 * What a word found counts when the order is by relevance: well above what relevance adds
	 * for one word, so that a place with more of the words always comes first.
	 */
	private static final float FOUND = 10_000f;

	/** A quoted phrase (with its slop, or unterminated), or a run of anything but spaces, commas and quotes. */
	private static final Pattern PIECES = Pattern.compile("\"[^\"]*(?:\"(?:~\\d*)?)?|[^\\s,\"]+");

	private final Map<Query, String> wanted;

	private final List<Query> excluded;

	private Interests(Map<Query, String> wanted, List<Query> excluded) {
		this.wanted = wanted;
		this.excluded = excluded;
	}

	static Interests of(String text, SimpleQueryParser parser) {
		Map<Query, String> wanted = new LinkedHashMap<>();
		List<Query> excluded = new ArrayList<>();
		if (text != null) {
			Matcher pieces = PIECES.matcher(text);
			while (pieces.find()) {
				String piece = pieces.group();
				boolean leftOut = piece.length() > 1 && piece.startsWith("-");
				Query query = parser.parse(leftOut ? piece.substring(1) : piece);
				if (query == null) {
					continue;
				}
				if (leftOut) {
					excluded.add(query);
				}
				else {
					wanted.putIfAbsent(query, piece);
				}
			}
		}
		return new Interests(wanted, excluded);
	}

	boolean isEmpty() {
		return wanted.isEmpty() && excluded.isEmpty();
	}

	/**
	 * @param byRelevance whether the score adds how well each word matched to how many of the
	 * words matched; without it the score is the number of words matched, for an order that
	 * then goes by distance. One word alone is scored as itself: every match has it, so what it
	 * found adds the same to each and would only cost a look at every match.
	 */
	Query query(boolean byRelevance) {
		if (wanted.size() == 1 && excluded.isEmpty()) {
			Query word = wanted.keySet().iterator().next();
			return byRelevance ? word : new ConstantScoreQuery(word);
		}
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		for (Query word : wanted.keySet()) {
			any.add(byRelevance
					? new BooleanQuery.Builder().add(word, Occur.MUST)
						.add(new BoostQuery(new MatchAllDocsQuery(), FOUND), Occur.SHOULD)
						.build()
					: new ConstantScoreQuery(word), Occur.SHOULD);
		}
		if (wanted.isEmpty()) {
			any.add(new MatchAllDocsQuery(), Occur.MUST);
		}
		excluded.forEach(word -> any.add(word, Occur.MUST_NOT));
		return any.build();
	}

	/**
	 * Which of the words each of these documents has, in the order they were written: only the
	 * page's hits are looked at, segment by segment in the order of the index, so that each word is
	 * looked up once in each segment rather than once for each hit.
	 */
	List<List<String>> matched(IndexSearcher searcher, int[] docs) throws IOException {
		List<List<String>> matched = new ArrayList<>(docs.length);
		for (int i = 0; i < docs.length; i++) {
			matched.add(new ArrayList<>());
		}
		Integer[] inIndexOrder = new Integer[docs.length];
		for (int i = 0; i < docs.length; i++) {
			inIndexOrder[i] = i;
		}
		Arrays.sort(inIndexOrder, Comparator.comparingInt(i -> docs[i]));
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		for (Map.Entry<Query, String> word : wanted.entrySet()) {
			Weight weight = searcher.createWeight(searcher.rewrite(word.getKey()), ScoreMode.COMPLETE_NO_SCORES, 1f);
			LeafReaderContext leaf = null;
			DocIdSetIterator candidates = null;
			TwoPhaseIterator confirm = null;
			for (int i : inIndexOrder) {
				if (leaf == null || docs[i] >= leaf.docBase + leaf.reader().maxDoc()) {
					leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
					Scorer scorer = weight.scorer(leaf);
					confirm = scorer == null ? null : scorer.twoPhaseIterator();
					candidates = scorer == null ? null : confirm == null ? scorer.iterator() : confirm.approximation();
				}
				int doc = docs[i] - leaf.docBase;
				if (candidates != null && candidates.docID() < doc) {
					candidates.advance(doc);
				}
				if (candidates != null && candidates.docID() == doc && (confirm == null || confirm.matches())) {
					matched.get(i).add(word.getValue());
				}
			}
		}
		return matched;
	}

}
