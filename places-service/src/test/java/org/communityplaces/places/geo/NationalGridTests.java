package org.communityplaces.places.geo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NationalGridTests {

	@Test
	void theGridProjectionGivesTheOrdnanceSurveysWorkedExample() {
		// A guide to coordinate systems in Great Britain, annex C: 651409.903 E, 313177.270 N is
		// 52°39'27.2531" N, 1°43'4.5177" E on OSGB36
		double[] osgb36 = NationalGrid.toOsgb36(651409.903, 313177.270);
		assertThat(Math.toDegrees(osgb36[0])).isCloseTo(52 + 39 / 60.0 + 27.2531 / 3600, within(1e-7));
		assertThat(Math.toDegrees(osgb36[1])).isCloseTo(1 + 43 / 60.0 + 4.5177 / 3600, within(1e-7));
	}

	@Test
	void gridReferencesBecomeWgs84WithinAFewMetresOfWhatTheOnsPublishes() {
		// SW1A 1AA: 529090 E, 179645 N; the ONS Postcode Directory gives 51.501009, -0.141588
		double[] wgs84 = NationalGrid.toWgs84(529090, 179645);
		assertThat(wgs84[0]).isCloseTo(51.501009, within(0.0001));
		assertThat(wgs84[1]).isCloseTo(-0.141588, within(0.0001));
	}

}
