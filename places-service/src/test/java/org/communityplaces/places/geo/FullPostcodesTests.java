package org.communityplaces.places.geo;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FullPostcodesTests {

	@Test
	void anOnsPostcodeDirectoryGivesEachLivePostcodeItsOwnPosition() {
		Postcodes postcodes = new Postcodes("classpath:geo/onspd-sample.csv");
		assertThat(postcodes.locate("HP22 4PE")).hasValueSatisfying(located -> {
			assertThat(located.postcode()).isEqualTo("HP22 4PE");
			assertThat(located.district()).isEqualTo("HP22");
			assertThat(located.latitude()).isCloseTo(51.775, within(1e-5));
			assertThat(located.longitude()).isCloseTo(-0.730, within(1e-5));
		});
		assertThat(FullPostcodes.read(new ClassPathResource("geo/onspd-sample.csv")).size())
			.as("live postcodes with a position").isEqualTo(4);
		assertThat(postcodes.locate("s64ha")).hasValueSatisfying(
				located -> assertThat(located.latitude()).isCloseTo(53.391, within(1e-5)));
	}

	@Test
	void aPostcodeTheFileLacksOrHasEndedOrCannotPlaceFallsBackToItsDistrict() {
		Postcodes postcodes = new Postcodes("classpath:geo/onspd-sample.csv");
		Postcodes.Located district = postcodes.locate("HP22").orElseThrow();
		for (String elsewhere : new String[] { "HP22 6ZZ", "HP22 9ZZ", "HP22 9ZY" }) {
			assertThat(postcodes.locate(elsewhere)).hasValueSatisfying(located -> {
				assertThat(located.latitude()).isEqualTo(district.latitude());
				assertThat(located.longitude()).isEqualTo(district.longitude());
			});
		}
		assertThat(postcodes.locate("ZZ9 9ZZ")).isEmpty();
	}

	@Test
	void codePointOpenGridReferencesAreConvertedToLatitudeAndLongitude() {
		Postcodes postcodes = new Postcodes("classpath:geo/codepoint-sample.csv");
		assertThat(postcodes.locate("SW1A 1AA")).hasValueSatisfying(located -> {
			assertThat(located.latitude()).isCloseTo(51.501009, within(0.0001));
			assertThat(located.longitude()).isCloseTo(-0.141588, within(0.0001));
		});
		assertThat(postcodes.locate("NR14 7RE")).hasValueSatisfying(located -> {
			assertThat(located.latitude()).isCloseTo(52.6576, within(0.001));
			assertThat(located.longitude()).isCloseTo(1.7164, within(0.002));
		});
		// quality 90: Code-Point has no position for it
		assertThat(postcodes.locate("HP22 4PG").orElseThrow().latitude())
			.isEqualTo(postcodes.locate("HP22").orElseThrow().latitude());
	}

	@Test
	void eachPostcodeHasItsOwnPackedNumber() {
		Set<Integer> packed = new HashSet<>();
		for (String postcode : new String[] { "S11AA", "S1A1AA", "SW1A1AA", "SW11AA", "SW111AA", "ZE39ZZ", "A11AA",
				"EC1V9ZZ", "W1A0AX" }) {
			int code = FullPostcodes.pack(postcode).orElseThrow();
			assertThat(code).isNotNegative();
			assertThat(packed.add(code)).as(postcode).isTrue();
		}
		assertThat(FullPostcodes.pack("ZZ99ZZ9")).isEmpty();
	}

}
