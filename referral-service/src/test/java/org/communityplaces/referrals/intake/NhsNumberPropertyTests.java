package org.communityplaces.referrals.intake;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NHS number's check digit as properties over three hundred numbers drawn at random (from a
 * fixed seed, so a failure repeats), rather than a few examples.
 */
class NhsNumberPropertyTests {

	private static final String[] SEPARATORS = { "", " ", "-", "  " };

	@ParameterizedTest
	@MethodSource("validNumbers")
	void everyNumberWithItsCheckDigitIsAcceptedHoweverItIsSpaced(String number) {
		for (String separator : SEPARATORS) {
			String written = number.substring(0, 3) + separator + number.substring(3, 6) + separator + number.substring(6);
			assertThat(NhsNumber.parse(written)).as(written).hasValue(number);
		}
	}

	@ParameterizedTest
	@MethodSource("validNumbers")
	void anyOneDigitWrittenWrongIsCaught(String number) {
		for (int at = 0; at < 10; at++) {
			for (int shift = 1; shift <= 9; shift++) {
				char[] digits = number.toCharArray();
				digits[at] = (char) ('0' + (digits[at] - '0' + shift) % 10);
				assertThat(NhsNumber.parse(new String(digits))).as(new String(digits)).isEmpty();
			}
		}
	}

	@ParameterizedTest
	@MethodSource("validNumbers")
	void twoNeighbouringDigitsSwappedAreCaught(String number) {
		for (int at = 0; at < 9; at++) {
			char[] digits = number.toCharArray();
			if (digits[at] != digits[at + 1]) {
				char kept = digits[at];
				digits[at] = digits[at + 1];
				digits[at + 1] = kept;
				assertThat(NhsNumber.parse(new String(digits))).as(new String(digits)).isEmpty();
			}
		}
	}

	@ParameterizedTest
	@MethodSource("anyText")
	void anyTextIsAnsweredWithoutFailingAndOnlyWithTenDigits(String written) {
		NhsNumber.parse(written).ifPresent(digits -> assertThat(digits).matches("[0-9]{10}"));
	}

	static Stream<String> validNumbers() {
		Random random = new Random(18);
		return Stream.generate(() -> {
			String first = String.format("%09d", random.nextInt(1_000_000_000));
			int check = checkDigit(first);
			return check == 10 ? null : first + check;
		}).filter(number -> number != null).limit(300);
	}

	static Stream<String> anyText() {
		Random random = new Random(18);
		String alphabet = "0123456789 -\t\u0000\u00a0\u0661\uff10x";
		return IntStream.range(0, 300).mapToObj(n -> random.ints(random.nextInt(20), 0, alphabet.length())
			.mapToObj(i -> String.valueOf(alphabet.charAt(i)))
			.reduce("", String::concat));
	}

	/** Modulus 11 with weights 10 down to 2, worked out apart from the code under test. */
	private static int checkDigit(String nineDigits) {
		int sum = 0;
		for (int i = 0; i < 9; i++) {
			sum += Character.digit(nineDigits.charAt(i), 10) * (10 - i);
		}
		return (11 - sum % 11) % 11;
	}

}
