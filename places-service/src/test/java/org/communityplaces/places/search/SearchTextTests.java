package org.communityplaces.places.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.communityplaces.places.geo.Postcodes;
import org.communityplaces.platform.problem.Problem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Search text as an attacker would write it, on a catalogue with thousands of similar words:
 * within the bounds it is searched, past them it is a 400 that names the parameter, and it
 * never reaches the index as a query Lucene refuses or takes long to build. The properties
 * run over seeded random strings, so a failure names its input and repeats.
 */
class SearchTextTests {

	private static final String[] SYNTAX = { "~", "~1", "~2", "~99999999999", "*", "\"", "|", "+", "-", "(", ")",
			"\\", " ", "  ", "\t" };

	private static final String[] WORDS = { "garden", "gardening", "walk", "club", "s6", "sheffield", "tea", "cafe",
			"caf\u00e9", "quiz", "a", "the", "x".repeat(40), "w".repeat(41), "\u6587", "\uD83D\uDE00", "\u0000" };

	@TempDir
	static Path folder;

	private static PlaceIndex index;

	@BeforeAll
	static void largeCatalogue() {
		SyntheticCatalogue catalogue = new SyntheticCatalogue(new Postcodes(), 18);
		index = new PlaceIndex(catalogue.taxonomies(), folder);
		index.rebuild(catalogue.places(5_000));
	}

	@AfterAll
	static void close() throws IOException {
		index.close();
	}

	@Test
	void theWorstTextWithinTheBoundsIsSearched() {
		List<String> worst = List.of(words(12, n -> (1000 + n) + "~2"), words(12, n -> "walk~2"),
				words(12, n -> "s" + n + "*"), words(9, n -> "(" + (2000 + n) + "~2|x)"),
				"\"" + words(12, n -> "club") + "\"~99999999999", words(3, n -> "-".repeat(32)),
				words(2, n -> "a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s"), words(3, n -> "\u6587".repeat(32)),
				words(3, n -> "\uD83D\uDE00".repeat(16)), "~~~~ **** \"\"\"\" (((( )))) |||| ++++ ----",
				words(12, n -> "cl~" + n), "\\\\\\ \\\" \\~ \\*", words(3, n -> "(".repeat(32)));
		for (String text : worst) {
			assertThat(SearchTerms.text("q", text)).as(text).isNotNull();
			assertThat(index.search(PlaceQuery.builder().text(SearchTerms.text("q", text)).build())).as(text)
				.isNotNull();
		}
	}

	@Test
	void textPastTheBoundsIsANamedBadRequest() {
		for (String text : List.of("garden ".repeat(300), "a".repeat(200) + "~2", "x".repeat(5_000),
				words(13, n -> "walk"), "w".repeat(41), "k".repeat(101), "w1,w2,w3,w4,w5,w6,w7,w8,w9,x1,x2,x3,x4")) {
			assertThatThrownBy(() -> SearchTerms.text("q", text)).as(text)
				.isInstanceOfSatisfying(Problem.class, problem -> {
					assertThat(problem.getStatusCode().value()).isEqualTo(400);
					assertThat(problem.getBody().getProperties()).extractingByKey("errors")
						.asString()
						.contains("field=q");
				});
		}
	}

	/** Property: any string at all, of any length and any characters, is searched within bounds or refused by name. */
	@Test
	void anyStringIsSearchedOrRefusedByName() {
		SplittableRandom random = new SplittableRandom(18);
		for (int i = 0; i < 2_000; i++) {
			int length = random.nextInt(i % 10 == 0 ? 1_000 : 120);
			StringBuilder text = new StringBuilder();
			while (text.length() < length) {
				boolean ascii = random.nextInt(4) == 0;
				text.appendCodePoint(random.nextInt(ascii ? 0x80 : Character.MAX_CODE_POINT + 1));
			}
			searchedOrRefused(text.toString());
		}
	}

	/** Property: any mix of catalogue words, numbers and the query syntax is searched within bounds or refused by name. */
	@Test
	void anyMixOfWordsAndQuerySyntaxIsSearchedOrRefusedByName() {
		SplittableRandom random = new SplittableRandom(18);
		for (int i = 0; i < 3_000; i++) {
			StringBuilder text = new StringBuilder();
			for (int piece = random.nextInt(40); piece > 0; piece--) {
				text.append(switch (random.nextInt(3)) {
					case 0 -> SYNTAX[random.nextInt(SYNTAX.length)];
					case 1 -> WORDS[random.nextInt(WORDS.length)];
					default -> String.valueOf(random.nextInt(10_000));
				});
			}
			searchedOrRefused(text.toString());
		}
	}

	@Test
	void blankTextIsNoText() {
		assertThat(SearchTerms.text("q", null)).isNull();
		assertThat(SearchTerms.text("q", " \t ")).isNull();
		assertThat(SearchTerms.text("q", "  tea dance ")).isEqualTo("tea dance");
	}

	private static void searchedOrRefused(String text) {
		String checked;
		try {
			checked = SearchTerms.text("q", text);
		}
		catch (Problem refused) {
			assertThat(refused.getStatusCode().value()).as(text).isEqualTo(400);
			assertThat(refused.getBody().getProperties()).as(text).extractingByKey("errors").asString()
				.contains("field=q");
			return;
		}
		assertThat(checked == null ? 0 : checked.length()).as(text).isLessThanOrEqualTo(SearchTerms.MAX_TEXT_LENGTH);
		assertThatCode(() -> assertThat(index.search(PlaceQuery.builder().text(checked).build()).hits())
			.hasSizeLessThanOrEqualTo(20)).as(text).doesNotThrowAnyException();
	}

	private static String words(int count, java.util.function.IntFunction<String> word) {
		return IntStream.range(0, count).mapToObj(word).collect(Collectors.joining(" "));
	}

}
