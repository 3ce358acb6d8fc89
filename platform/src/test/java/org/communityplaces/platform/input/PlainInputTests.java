package org.communityplaces.platform.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules hold for every value, not only for a few examples: every character is checked, whole
 * numbers across the whole range of {@code long} and every year from far before to far after the
 * allowed range.
 */
class PlainInputTests {

	private final PlainInput rules = new PlainInput(1900, 2200);

	@Test
	void aControlCharacterIsOneBelowSpaceButTabLineFeedAndCarriageReturnOrDelete() {
		for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
			boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
			String text = "Red Lion " + (char) c + " table";
			assertThat(PlainInput.hasControlCharacter(text)).as("U+%04X", c).isEqualTo(control);
		}
	}

	@Test
	void textIsPlainWhateverItsLengthWithoutAControlCharacter() {
		SplittableRandom random = new SplittableRandom(18);
		for (int i = 0; i < 10_000; i++) {
			String text = random.ints(random.nextInt(0, 200), 0x20, 0x10000)
				.filter(c -> c != 0x7F)
				.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
				.toString();
			assertThat(PlainInput.hasControlCharacter(text)).as(text).isFalse();
			int at = text.isEmpty() ? 0 : random.nextInt(text.length());
			assertThat(PlainInput.hasControlCharacter(text.substring(0, at) + '\u0000' + text.substring(at))).isTrue();
		}
	}

	@Test
	void everyLongWrittenInDecimalIsAWholeNumberAndNoOtherSpellingOfItIs() {
		SplittableRandom random = new SplittableRandom(18);
		LongStream edges = LongStream.of(0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE);
		LongStream.concat(edges, random.longs(20_000)).forEach(number -> {
			String decimal = Long.toString(number);
			assertThat(PlainInput.isDecimalInteger(decimal)).as(decimal).isTrue();
			for (String other : List.of("+" + decimal, "0x" + Long.toHexString(number), "#" + decimal, decimal + "\u0000",
					" " + decimal, decimal + " ", decimal + ".0", decimal + "e3", decimal + "L", "")) {
				assertThat(PlainInput.isDecimalInteger(other)).as(other).isFalse();
			}
		});
	}

	@Test
	void aNumberIsDecimalDigitsWithAnOptionalFractionNeverNaNInfinityOrAnExponent() {
		SplittableRandom random = new SplittableRandom(18);
		for (int i = 0; i < 20_000; i++) {
			String number = (random.nextBoolean() ? "-" : "") + random.nextLong(0, 1_000_000_000_000L) + "."
					+ random.nextInt(0, 1_000_000);
			assertThat(PlainInput.isDecimalNumber(number)).as(number).isTrue();
			assertThat(PlainInput.isDecimalNumber(number + "e3")).isFalse();
			assertThat(PlainInput.isDecimalNumber(number + "\u0000")).isFalse();
		}
		for (String other : List.of("NaN", "Infinity", "-Infinity", "1e3", "1E-3", "0x10", "+1.5", ".5", "5.", "1,5",
				"", " 1")) {
			assertThat(PlainInput.isDecimalNumber(other)).as(other).isFalse();
		}
	}

	@Test
	void aDateIsTakenExactlyWhenItsYearIsWithinTheAllowedYears() {
		for (int year = -3000; year <= 5000; year++) {
			boolean allowed = year >= 1900 && year <= 2200;
			LocalDate first = LocalDate.of(year, 1, 1);
			LocalDate last = LocalDate.of(year, 12, 31);
			assertThat(rules.isWithinYears(first)).as("%s", first).isEqualTo(allowed);
			assertThat(rules.isWithinYears(last)).as("%s", last).isEqualTo(allowed);
			assertThat(rules.isWithinYears(first.atStartOfDay())).isEqualTo(allowed);
			assertThat(rules.isWithinYears(last.atTime(23, 59).atOffset(ZoneOffset.UTC))).isEqualTo(allowed);
			assertThat(rules.isWithinYears(first.atStartOfDay().toInstant(ZoneOffset.UTC))).isEqualTo(allowed);
			assertThat(rules.isWithinYears(last.atTime(23, 59, 59).toInstant(ZoneOffset.UTC))).isEqualTo(allowed);
			assertThat(rules.isWithinYears(Year.of(year))).isEqualTo(allowed);
		}
	}

	@Test
	void theFarthestDatesJavaKnowsAreRefusedWithoutFailing() {
		assertThat(rules.isWithinYears(LocalDate.MIN)).isFalse();
		assertThat(rules.isWithinYears(LocalDate.MAX)).isFalse();
		assertThat(rules.isWithinYears(LocalDateTime.MAX)).isFalse();
		assertThat(rules.isWithinYears(OffsetDateTime.MIN)).isFalse();
		assertThat(rules.isWithinYears(Instant.MIN)).isFalse();
		assertThat(rules.isWithinYears(Instant.MAX)).isFalse();
		assertThat(rules.isWithinYears(Instant.EPOCH)).isTrue();
	}

}
