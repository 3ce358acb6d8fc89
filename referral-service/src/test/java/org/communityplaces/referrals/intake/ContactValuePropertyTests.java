package org.communityplaces.referrals.intake;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contact values against their method as properties over values drawn at random (from a fixed
 * seed, so a failure repeats): every way people write a UK number, e-mail addresses made of
 * their parts, and text of any kind.
 */
class ContactValuePropertyTests {

	private static final String[] METHODS = { "phone", "text", "email", "post", "via-referrer" };

	private static final String[] PREFIXES = { "", "+44", "+44 (0)", "0044" };

	private static final String[] SEPARATORS = { "", " ", "-", "." };

	@ParameterizedTest
	@MethodSource("ukNumbers")
	void aUkNumberIsAPhoneNumberHoweverItIsWritten(String number) {
		for (String prefix : PREFIXES) {
			for (String separator : SEPARATORS) {
				String written = written(number, prefix, separator);
				assertThat(ContactValue.problem("phone", written)).as(written).isEmpty();
			}
		}
	}

	@ParameterizedTest
	@MethodSource("ukNumbers")
	void aMobileTakesTextsAndNoOtherNumberDoes(String number) {
		boolean mobile = number.startsWith("07") && number.length() == 11;
		for (String prefix : PREFIXES) {
			String written = written(number, prefix, " ");
			assertThat(ContactValue.problem("text", written).isEmpty()).as(written).isEqualTo(mobile);
		}
	}

	@ParameterizedTest
	@MethodSource("ukNumbers")
	void aNumberWithALetterInItIsNoNumber(String number) {
		for (char letter : "aOlIxZ".toCharArray()) {
			String withLetter = number.substring(0, 4) + letter + number.substring(4);
			assertThat(ContactValue.problem("phone", withLetter)).as(withLetter).isPresent();
			assertThat(ContactValue.problem("text", withLetter)).as(withLetter).isPresent();
		}
	}

	@ParameterizedTest
	@MethodSource("emailAddresses")
	void anAddressMadeOfItsPartsIsAnEmailAddressAndNotWithASpaceOrWithoutItsAt(String address) {
		assertThat(ContactValue.problem("email", address)).as(address).isEmpty();
		assertThat(ContactValue.problem("email", address.replace("@", ""))).isPresent();
		assertThat(ContactValue.problem("email", address.replace("@", " @"))).isPresent();
		assertThat(ContactValue.problem("email", address.substring(0, address.indexOf('@') + 1) + "localhost"))
			.isPresent();
	}

	@ParameterizedTest
	@MethodSource("anyText")
	void anyValueForAnyMethodIsAnsweredWithoutFailingAndNothingIsNeededViaTheReferrer(String value) {
		for (String method : METHODS) {
			ContactValue.problem(method, value);
		}
		assertThat(ContactValue.problem("via-referrer", value)).isEmpty();
		if (value.strip().isEmpty()) {
			for (String method : METHODS) {
				assertThat(ContactValue.problem(method, value).isPresent()).as(method)
					.isEqualTo(!method.equals("via-referrer"));
			}
		}
	}

	/** UK numbers of ten or eleven digits, starting 01, 02, 03, 05, 07, 08 or 09. */
	static Stream<String> ukNumbers() {
		Random random = new Random(18);
		String[] starts = { "01", "02", "03", "05", "07", "08", "09" };
		return IntStream.range(0, 300)
			.mapToObj(n -> starts[random.nextInt(starts.length)] + digits(random, 8 + random.nextInt(2)));
	}

	static Stream<String> emailAddresses() {
		Random random = new Random(18);
		return IntStream.range(0, 300)
			.mapToObj(n -> text(random, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.+_-", 1, 64) + "@"
					+ String.join(".", IntStream.range(0, 1 + random.nextInt(3))
						.mapToObj(label -> text(random, "abcdefghijklmnopqrstuvwxyz0123456789", 1, 20))
						.toList())
					+ "." + text(random, "abcdefghijklmnopqrstuvwxyz", 2, 6));
	}

	static Stream<String> anyText() {
		Random random = new Random(18);
		return IntStream.range(0, 300)
			.mapToObj(n -> text(random, " \t\n\u0000\u00a0@.+()-0123456789abcXYZ\u00e9\u0661\ud83d\ude00", 0, 40));
	}

	private static String digits(Random random, int count) {
		return text(random, "0123456789", count, count);
	}

	private static String text(Random random, String alphabet, int shortest, int longest) {
		int length = shortest + random.nextInt(longest - shortest + 1);
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return text.toString();
	}

	/** A number as people write it: without its leading 0 after +44, in groups of four. */
	private static String written(String number, String prefix, String separator) {
		String digits = prefix.isEmpty() ? number : number.substring(1);
		StringBuilder written = new StringBuilder(prefix.isEmpty() ? "" : prefix + " ");
		for (int i = 0; i < digits.length(); i += 4) {
			written.append(digits, i, Math.min(i + 4, digits.length()));
			if (i + 4 < digits.length()) {
				written.append(separator);
			}
		}
		return written.toString();
	}

}
