package org.communityplaces.places.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Names in the same order as Lucene's own string sort, however the hits are spread over segments. */
class NameOrderTests {

	@Test
	void ordersAsLucenesStringSortAcrossSegmentsWithTiesAndNamelessDocuments() throws IOException {
		Random random = new Random(20);
		try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
				IndexWriter writer = new IndexWriter(directory,
						new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
			for (int segment = 0; segment < 7; segment++) {
				for (int i = 50 + random.nextInt(2_000); i > 0; i--) {
					Document doc = new Document();
					doc.add(new NumericDocValuesField("rank", random.nextInt(4)));
					doc.add(new StringField("group", "g" + random.nextInt(5), Field.Store.NO));
					if (random.nextInt(50) != 0) {
						String name = Integer.toString(random.nextInt(400), 36) + (random.nextBoolean() ? "é" : "")
								+ random.nextInt(9);
						doc.add(new SortedDocValuesField("name", new BytesRef(name)));
					}
					writer.addDocument(doc);
				}
				writer.commit();
			}
			try (DirectoryReader reader = DirectoryReader.open(writer)) {
				IndexSearcher searcher = new IndexSearcher(reader);
				assertThat(reader.leaves()).hasSize(7);
				for (int search = 0; search < 300; search++) {
					Query query = random.nextBoolean() ? new MatchAllDocsQuery()
							: new TermQuery(new Term("group", "g" + random.nextInt(5)));
					int top = new int[] { 1, 5, 20, 100, 1_000 }[random.nextInt(5)];
					SortField rank = new SortField("rank", SortField.Type.INT, random.nextBoolean());
					TopDocs lucenes = searcher.search(query, top,
							new Sort(rank, new SortField("name", SortField.Type.STRING)));
					TopDocs ours = searcher.search(query, top, new Sort(rank, NameOrder.of("name")));
					assertThat(Arrays.stream(ours.scoreDocs).map(hit -> hit.doc + " " + ((FieldDoc) hit).fields[1]))
						.as("%s, top %d by %s", query, top, rank)
						.containsExactlyElementsOf(Arrays.stream(lucenes.scoreDocs)
							.map(hit -> hit.doc + " " + ((FieldDoc) hit).fields[1])
							.toList());
				}
			}
		}
	}

}
