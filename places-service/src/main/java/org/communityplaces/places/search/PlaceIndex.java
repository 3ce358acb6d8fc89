package org.communityplaces.places.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.IntRange;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.geo.GeoEncodingUtils;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LRUQueryCache;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BitUtil;
import org.apache.lucene.util.BytesRef;
import org.communityplaces.places.place.OpeningTime;
import org.communityplaces.places.place.Place;
import org.communityplaces.places.place.Weekday;
import org.communityplaces.places.search.PlaceQuery.OpenWindow;
import org.communityplaces.places.taxonomy.Taxonomies;
import org.springframework.util.FileSystemUtils;

/**
 * The catalogue's search index: an Apache Lucene index in a scratch folder, rebuilt from
 * MongoDB (the system of record) at every start and kept current on every change. Geo,
 * full text with English stemming, filters and facet counts are one Lucene query, so search
 * depends on neither MongoDB's text nor its geo indexes.
 */
public class PlaceIndex implements Closeable {

	private static final int MINUTES_PER_DAY = 24 * 60;

	private static final int NO_MAXIMUM_AGE = 200;

	private static final Map<String, Float> TEXT_FIELDS = Map.of("name", 3f, "activities", 2f, "description", 1f,
			"organization", 1f);

	private static final StemmerOverrideFilter.StemmerOverrideMap STEM_OVERRIDES = stemOverrides();

	private static final String HIT = "hit";

	private static final String NEIGHBOURHOOD = "neighbourhood";

	/**
	 * Places in the index in the order of a curve through the map (Morton's Z-order), so that places
	 * near each other sit near each other. A search near a place then finds its places in a few runs
	 * of neighbouring documents rather than one here and one there across the whole index, and what
	 * it reads of each (postings, doc values, facet bits, the points tree's document lists) comes
	 * from memory read just before.
	 */
	private static final Sort NEIGHBOURS_TOGETHER = new Sort(new SortField(NEIGHBOURHOOD, SortField.Type.LONG));

	private static final int FILTERS_CACHED = 1_000;

	private static final long FILTERS_MEMORY = 32L << 20;

	private static final int FILTERS_MIN_SEGMENT = 10_000;

	static final String[] FACETS = { "kind", "activity", "accessibility", "cost", "capacity" };

	private final Taxonomies taxonomies;

	private final Analyzer analyzer = englishAnalyzer();

	private final FacetOrdinals facetOrdinals = new FacetOrdinals();

	private final ActivePlaces activePlaces = new ActivePlaces();

	/**
	 * Lucene's cache of filters (a point or range filter read as bits once it has been asked for a
	 * few times), except that a filter is cached even when another part of the search matches far
	 * fewer places. Lucene's default leaves such a filter uncached so as not to slow that one search
	 * down, and every search with it then read all its places again: "has room" walked the points
	 * tree for most of the catalogue in every search near a place that asked for it.
	 */
	private final LRUQueryCache filters = new LRUQueryCache(FILTERS_CACHED,
			Math.min(FILTERS_MEMORY, Runtime.getRuntime().maxMemory() / 20),
			leaf -> leaf.reader().maxDoc() >= FILTERS_MIN_SEGMENT, Float.POSITIVE_INFINITY);

	private final Path folder;

	private final FSDirectory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	public PlaceIndex(Taxonomies taxonomies, Path parent) {
		this.taxonomies = taxonomies;
		try {
			Files.createDirectories(parent);
			this.folder = Files.createTempDirectory(parent, "place-index-");
			this.directory = FSDirectory.open(folder);
			IndexWriterConfig config = new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64)
				.setOpenMode(IndexWriterConfig.OpenMode.CREATE)
				.setIndexSort(NEIGHBOURS_TOGETHER);
			this.writer = new IndexWriter(directory, config);
			this.searchers = new SearcherManager(writer, new SegmentsReadFirst());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the search index under " + parent, ex);
		}
	}

	/** Replaces the whole index with these places, and makes it searchable once, at the end. */
	public int rebuild(Stream<Place> places) {
		try {
			writer.deleteAll();
			int[] count = { 0 };
			places.filter(place -> !place.removed()).forEach(place -> {
				try {
					writer.addDocument(document(place));
					count[0]++;
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			searchers.maybeRefreshBlocking();
			return count[0];
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Puts this version of a place in the index, or takes it out if it was removed; searchable on return. */
	public void put(Place place) {
		try {
			if (place.removed()) {
				writer.deleteDocuments(new Term("id", place.id()));
			}
			else {
				writer.updateDocument(new Term("id", place.id()), document(place));
			}
			searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void remove(String id) {
		try {
			writer.deleteDocuments(new Term("id", id));
			searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Places a search can find now (the writer's own count would include replaced versions not yet merged away). */
	public int size() {
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				return searcher.getIndexReader().numDocs();
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public java.util.Optional<String> placeIdOfServiceAtLocation(String serviceAtLocationId) {
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				ScoreDoc[] docs = searcher.search(new TermQuery(new Term("serviceAtLocationId", serviceAtLocationId)),
						1).scoreDocs;
				return docs.length == 0 ? Optional.empty()
						: Optional.of(hit(searcher, docs[0].doc, null, List.of()).id());
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public SearchResults search(PlaceQuery request) {
		Interests interests = Interests.of(request.text(), new TextParser(analyzer));
		Query query = query(request, interests);
		Sort sort = sort(request, interests);
		int wanted = request.page() * request.size();
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				TopFieldCollector top = new TopFieldCollectorManager(sort, Math.max(wanted, 1), null, Integer.MAX_VALUE)
					.newCollector();
				FacetCounter facets = request.facets() ? new FacetCounter(top, facetOrdinals, FACETS) : null;
				Collector collector = facets == null ? top : facets;
				searcher.search(query, request.activeOnly() ? activePlaces.only(collector) : collector);
				TopDocs page = top.topDocs((request.page() - 1) * request.size(), request.size());
				ScoreDoc[] docs = page.scoreDocs;
				List<List<String>> matched = interests.matched(searcher,
						Arrays.stream(docs).mapToInt(doc -> doc.doc).toArray());
				int distanceField = distanceField(sort);
				List<SearchResults.Hit> hits = new ArrayList<>(docs.length);
				for (int i = 0; i < docs.length; i++) {
					Double distance = distanceField < 0 ? null : (Double) ((FieldDoc) docs[i]).fields[distanceField];
					hits.add(hit(searcher, docs[i].doc, distance, matched.get(i)));
				}
				return new SearchResults(page.totalHits.value, request.page(), request.size(), hits,
						facets == null ? null : facets.counts());
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		searchers.close();
		writer.close();
		directory.close();
		FileSystemUtils.deleteRecursively(folder);
	}

	/**
	 * Reads what searches keep of each segment (facet values, which places are active) when a
	 * refresh makes the segment searchable, before any search sees it, so that no search pays for
	 * reading them; and gives each searcher this index's cache of filters.
	 */
	private final class SegmentsReadFirst extends SearcherFactory {

		@Override
		public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
			for (LeafReaderContext leaf : reader.leaves()) {
				facetOrdinals.of(leaf.reader());
				activePlaces.of(leaf.reader());
			}
			IndexSearcher searcher = super.newSearcher(reader, previousReader);
			searcher.setQueryCache(filters);
			return searcher;
		}

	}

	private Document document(Place place) {
		Document doc = new Document();
		doc.add(new StringField("id", place.id(), Field.Store.NO));
		doc.add(new StringField("serviceAtLocationId", place.serviceAtLocationId(), Field.Store.NO));
		doc.add(new StringField(ActivePlaces.ACTIVE.field(), place.status().hsds(), Field.Store.NO));
		doc.add(new TextField("name", place.name(), Field.Store.NO));
		doc.add(new SortedDocValuesField("name_sort", new BytesRef(place.name().toLowerCase(Locale.ROOT))));
		if (place.description() != null) {
			doc.add(new TextField("description", place.description(), Field.Store.NO));
		}
		doc.add(new TextField("organization", place.organization().name(), Field.Store.NO));
		facet(doc, "kind", place.kind().code());
		doc.add(new StringField("termId", place.kind().termId(), Field.Store.NO));
		Place.Offer offer = place.offer();
		StringBuilder activityNames = new StringBuilder(taxonomies.name(Taxonomies.PLACE_KIND, place.kind().code()));
		for (String activity : offer.activities()) {
			facet(doc, "activity", activity);
			taxonomies.term(Taxonomies.ACTIVITY, activity).ifPresent(term -> {
				activityNames.append(' ').append(term.name());
				doc.add(new StringField("termId", term.id(), Field.Store.NO));
			});
		}
		doc.add(new TextField("activities", activityNames.toString(), Field.Store.NO));
		for (String need : offer.accessibility()) {
			facet(doc, "accessibility", need);
			taxonomies.term(Taxonomies.ACCESSIBILITY, need)
				.ifPresent(term -> doc.add(new StringField("termId", term.id(), Field.Store.NO)));
		}
		facet(doc, "cost", !place.costKnown() ? "unknown" : place.offeredFree() ? "free" : "paid");
		Place.Capacity capacity = place.capacity();
		facet(doc, "capacity", capacity == null ? "unknown" : capacity.available() > 0 ? "available" : "full");
		if (capacity != null) {
			doc.add(new IntPoint("available", capacity.available()));
		}
		doc.add(new IntPoint("minAge", offer.minimumAge() == null ? 0 : offer.minimumAge()));
		doc.add(new IntPoint("maxAge", offer.maximumAge() == null ? NO_MAXIMUM_AGE : offer.maximumAge()));
		Place.Location location = place.location();
		if (location.hasPosition()) {
			doc.add(new LatLonPoint("location", location.latitude(), location.longitude()));
			doc.add(new LatLonDocValuesField("location", location.latitude(), location.longitude()));
			doc.add(new NumericDocValuesField(NEIGHBOURHOOD, neighbourhood(location.latitude(), location.longitude())));
		}
		doc.add(new BinaryDocValuesField(HIT, new BytesRef(HitCodec.encode(place))));
		for (OpeningTime session : place.openingTimes()) {
			for (Weekday day : session.days()) {
				int dayStart = day.ordinal() * MINUTES_PER_DAY;
				int opens = session.opensAt().getHour() * 60 + session.opensAt().getMinute();
				int closes = session.closesAt().getHour() * 60 + session.closesAt().getMinute();
				doc.add(new IntRange("open", new int[] { dayStart + opens }, new int[] { dayStart + closes - 1 }));
			}
		}
		doc.add(new LongPoint("modified", place.timeline().lastModified().toEpochMilli()));
		LocalDate listedFrom = place.upkeep().listedFrom();
		doc.add(new LongPoint("listedFrom", listedFrom == null ? Long.MIN_VALUE : listedFrom.toEpochDay()));
		return doc;
	}

	/**
	 * English with Porter's stemmer ("gardening" and "gardens" both find "garden"), told the
	 * catalogue's own words its rules get wrong ("quizzes" is "quiz"). Accents are folded, so
	 * "cafe" finds "café".
	 */
	private static Analyzer englishAnalyzer() {
		return new Analyzer() {

			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer source = new StandardTokenizer();
				TokenStream tokens = new EnglishPossessiveFilter(source);
				tokens = new LowerCaseFilter(tokens);
				tokens = new ASCIIFoldingFilter(tokens);
				tokens = new StopFilter(tokens, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
				tokens = new StemmerOverrideFilter(tokens, STEM_OVERRIDES);
				tokens = new PorterStemFilter(tokens);
				return new TokenStreamComponents(source, tokens);
			}

			@Override
			protected TokenStream normalize(String fieldName, TokenStream in) {
				return new ASCIIFoldingFilter(new LowerCaseFilter(in));
			}

		};
	}

	private static StemmerOverrideFilter.StemmerOverrideMap stemOverrides() {
		StemmerOverrideFilter.Builder overrides = new StemmerOverrideFilter.Builder(true);
		overrides.add("quizzes", "quiz");
		try {
			return overrides.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Where a position lies along the Z-order curve: the bits of its latitude and longitude interleaved. */
	private static long neighbourhood(double latitude, double longitude) {
		return BitUtil.interleave(GeoEncodingUtils.encodeLatitude(latitude) ^ Integer.MIN_VALUE,
				GeoEncodingUtils.encodeLongitude(longitude) ^ Integer.MIN_VALUE) >>> 1;
	}

	private static void facet(Document doc, String field, String value) {
		doc.add(new StringField(field, value, Field.Store.NO));
		doc.add(new SortedSetDocValuesField(FacetCounter.FIELD, new BytesRef(field + FacetCounter.SEPARATOR + value)));
	}

	/** What is asked, except that a place be active: {@link ActivePlaces} sees to that as matches are collected. */
	private Query query(PlaceQuery request, Interests interests) {
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		boolean any = false;
		if (!interests.isEmpty()) {
			query.add(interests.query(request.near() == null), Occur.MUST);
			any = true;
		}
		any |= anyOf(query, "kind", request.kinds().stream().map(kind -> kind.code()).toList());
		any |= anyOf(query, "activity", List.copyOf(request.activities()));
		any |= anyOf(query, "termId", List.copyOf(request.termIds()));
		for (String need : request.accessibility()) {
			query.add(new TermQuery(new Term("accessibility", need)), Occur.FILTER);
			any = true;
		}
		if (request.open() != null) {
			query.add(openQuery(request.open()), Occur.FILTER);
			any = true;
		}
		if (request.free() != null) {
			query.add(new TermQuery(new Term("cost", request.free() ? "free" : "paid")), Occur.FILTER);
			any = true;
		}
		if (request.hasCapacity()) {
			query.add(IntPoint.newRangeQuery("available", 1, Integer.MAX_VALUE), Occur.FILTER);
			any = true;
		}
		if (request.age() != null) {
			query.add(IntPoint.newRangeQuery("minAge", Integer.MIN_VALUE, request.age()), Occur.FILTER);
			query.add(IntPoint.newRangeQuery("maxAge", request.age(), Integer.MAX_VALUE), Occur.FILTER);
			any = true;
		}
		if (request.minimumAgeAtLeast() != null) {
			query.add(IntPoint.newRangeQuery("minAge", request.minimumAgeAtLeast(), Integer.MAX_VALUE), Occur.FILTER);
			any = true;
		}
		if (request.maximumAgeAtMost() != null) {
			query.add(IntPoint.newRangeQuery("maxAge", Integer.MIN_VALUE, request.maximumAgeAtMost()), Occur.FILTER);
			any = true;
		}
		if (request.modifiedAfter() != null) {
			query.add(LongPoint.newRangeQuery("modified", request.modifiedAfter().toEpochMilli(), Long.MAX_VALUE),
					Occur.FILTER);
			any = true;
		}
		if (request.listedOn() != null) {
			query.add(LongPoint.newRangeQuery("listedFrom", Long.MIN_VALUE, request.listedOn().toEpochDay()),
					Occur.FILTER);
			any = true;
		}
		if (request.near() != null) {
			query.add(LatLonPoint.newDistanceQuery("location", request.near().latitude(), request.near().longitude(),
					request.near().radiusMetres()), Occur.FILTER);
			any = true;
		}
		return any ? query.build() : new MatchAllDocsQuery();
	}

	/**
	 * Simple query syntax (phrases, prefixes, fuzzy words) over the text fields, for each word
	 * of a search ({@link Interests}). A fuzzy word stands for at most {@link #FUZZY_EXPANSIONS}
	 * similar words of the index in each field, so that the text {@link SearchTerms#text} lets
	 * through stays well under Lucene's clause limit however many similar words the catalogue
	 * holds.
	 */
	private static final class TextParser extends SimpleQueryParser {

		private static final int FUZZY_EXPANSIONS = 10;

		TextParser(Analyzer analyzer) {
			super(analyzer, TEXT_FIELDS);
			setDefaultOperator(Occur.MUST);
		}

		@Override
		protected Query newFuzzyQuery(String text, int fuzziness) {
			BooleanQuery.Builder anyField = new BooleanQuery.Builder();
			for (Map.Entry<String, Float> field : weights.entrySet()) {
				Term term = new Term(field.getKey(), getAnalyzer().normalize(field.getKey(), text));
				anyField.add(new BoostQuery(new FuzzyQuery(term, fuzziness, 0, FUZZY_EXPANSIONS, true), field.getValue()),
						Occur.SHOULD);
			}
			return simplify(anyField.build());
		}

	}

	private static boolean anyOf(BooleanQuery.Builder query, String field, List<String> values) {
		if (values.isEmpty()) {
			return false;
		}
		query.add(new TermInSetQuery(field, values.stream().map(BytesRef::new).toList()), Occur.FILTER);
		return true;
	}

	private static Query openQuery(OpenWindow window) {
		BooleanQuery.Builder days = new BooleanQuery.Builder();
		for (Weekday day : window.days()) {
			int[] from = { day.ordinal() * MINUTES_PER_DAY + window.fromMinute() };
			int[] to = { day.ordinal() * MINUTES_PER_DAY + window.toMinute() - 1 };
			days.add(window.overlaps() ? IntRange.newIntersectsQuery("open", from, to)
					: IntRange.newWithinQuery("open", from, to), Occur.SHOULD);
		}
		return days.build();
	}

	/** Places with more of the words first; then the nearest, or the best matched; then by name. */
	private static Sort sort(PlaceQuery request, Interests interests) {
		List<SortField> order = new ArrayList<>();
		if (!interests.isEmpty()) {
			order.add(SortField.FIELD_SCORE);
		}
		if (request.near() != null) {
			order.add(LatLonDocValuesField.newDistanceSort("location", request.near().latitude(),
					request.near().longitude()));
		}
		order.add(NameOrder.of("name_sort"));
		return new Sort(order.toArray(SortField[]::new));
	}

	/** @return where the distance is among a hit's sort values, or -1 when the order is not by distance */
	private static int distanceField(Sort sort) {
		SortField[] fields = sort.getSort();
		for (int i = 0; i < fields.length; i++) {
			if ("location".equals(fields[i].getField())) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * What a result shows is read from one doc-values field rather than from stored fields,
	 * which would decompress a whole block of documents for every hit.
	 */
	private static SearchResults.Hit hit(IndexSearcher searcher, int doc, Double distance, List<String> matched)
			throws IOException {
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
		BinaryDocValues values = DocValues.getBinary(leaf.reader(), HIT);
		if (!values.advanceExact(doc - leaf.docBase)) {
			throw new IllegalStateException("Indexed place without its summary");
		}
		return HitCodec.decode(values.binaryValue().utf8ToString(),
				distance == null ? null : Math.round(distance * 10) / 10.0, matched);
	}

}
