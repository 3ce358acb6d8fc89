package org.communityplaces.places.geo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostcodesTests {

	private final Postcodes postcodes = new Postcodes();

	@Test
	void aFullPostcodeResolvesToItsDistrictCentroidHoweverItIsWritten() {
		assertThat(postcodes.locate("S6 4HA")).hasValueSatisfying(located -> {
			assertThat(located.postcode()).isEqualTo("S6 4HA");
			assertThat(located.district()).isEqualTo("S6");
			assertThat(Postcodes.areaOf(located.district())).isEqualTo("S");
			assertThat(located.latitude()).isBetween(53.35, 53.45);
			assertThat(located.longitude()).isBetween(-1.6, -1.45);
		});
		assertThat(postcodes.locate(" s64ha ")).map(Postcodes.Located::postcode).hasValue("S6 4HA");
		assertThat(postcodes.locate("S6+4HA")).map(Postcodes.Located::postcode).hasValue("S6 4HA");
		assertThat(postcodes.locate("S11AA")).map(Postcodes.Located::district).hasValue("S1");
		assertThat(postcodes.locate("SW1A 2AA")).map(Postcodes.Located::district).hasValue("SW1A");
	}

	@Test
	void aDistrictAloneWorks() {
		assertThat(postcodes.locate("S11")).map(Postcodes.Located::postcode).hasValue("S11");
		assertThat(postcodes.locate("m14")).map(Postcodes.Located::district).hasValue("M14");
	}

	@Test
	void anythingElseIsUnknown() {
		assertThat(postcodes.locate("ZZ9 9ZZ")).isEmpty();
		assertThat(postcodes.locate("NOWHERE")).isEmpty();
		assertThat(postcodes.locate("")).isEmpty();
		assertThat(postcodes.locate(null)).isEmpty();
		assertThat(postcodes.locate("S2\u0000")).isEmpty();
		assertThat(postcodes.locate("S6\u00074HA")).isEmpty();
		assertThat(postcodes.locate("S".repeat(100_000))).isEmpty();
		assertThat(postcodes.districts()).hasSize(2968);
	}

}
