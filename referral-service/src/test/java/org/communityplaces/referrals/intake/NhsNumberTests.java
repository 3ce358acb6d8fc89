package org.communityplaces.referrals.intake;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NhsNumberTests {

	@Test
	void aValidNumberIsAcceptedHoweverItIsSpaced() {
		assertThat(NhsNumber.parse("9434765919")).hasValue("9434765919");
		assertThat(NhsNumber.parse("943 476 5919")).hasValue("9434765919");
		assertThat(NhsNumber.parse("943-476-5919")).hasValue("9434765919");
		// A check digit that works out as 11 is written 0.
		assertThat(NhsNumber.parse("100 000 0060")).hasValue("1000000060");
	}

	@Test
	void aWrongCheckDigitOrLengthOrLetterIsRefused() {
		assertThat(NhsNumber.parse("9434765918")).isEmpty();
		assertThat(NhsNumber.parse("943476591")).isEmpty();
		assertThat(NhsNumber.parse("94347659190")).isEmpty();
		assertThat(NhsNumber.parse("94347659l9")).isEmpty();
	}

	@Test
	void aNumberWhoseCheckDigitWouldBeTenIsNeverValid() {
		// 1 to 9 weighted 10 down to 2 sum to 210, which leaves 1 over elevens: the check digit would be 10.
		for (int last = 0; last <= 9; last++) {
			assertThat(NhsNumber.parse("123456789" + last)).isEmpty();
		}
	}

}
