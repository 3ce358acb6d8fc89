package org.communityplaces.places.geo;

/**
 * British National Grid eastings and northings (OSGB36, as OS Code-Point Open gives them) to
 * WGS84 latitude and longitude: the Ordnance Survey's inverse Transverse Mercator on the Airy
 * 1830 ellipsoid, then its seven-parameter Helmert transformation, good to about 5 metres
 * (A guide to coordinate systems in Great Britain, Ordnance Survey, annexes B, C and 6.6).
 */
final class NationalGrid {

	private static final double AIRY_A = 6377563.396;

	private static final double AIRY_B = 6356256.909;

	private static final double WGS84_A = 6378137.0;

	private static final double WGS84_B = 6356752.314245;

	private static final double SCALE_ON_MERIDIAN = 0.9996012717;

	private static final double TRUE_ORIGIN_LATITUDE = Math.toRadians(49);

	private static final double TRUE_ORIGIN_LONGITUDE = Math.toRadians(-2);

	private static final double FALSE_EASTING = 400000;

	private static final double FALSE_NORTHING = -100000;

	private static final double ARC_SECOND = Math.toRadians(1.0 / 3600);

	/** OSGB36 to WGS84: translations in metres, rotations in arc seconds, scale in parts per million. */
	private static final double TX = 446.448, TY = -125.157, TZ = 542.060;

	private static final double RX = 0.1502 * ARC_SECOND, RY = 0.2470 * ARC_SECOND, RZ = 0.8421 * ARC_SECOND;

	private static final double SCALE = -20.4894e-6;

	private NationalGrid() {
	}

	/** @return {latitude, longitude} in degrees, WGS84 */
	static double[] toWgs84(double easting, double northing) {
		double[] osgb36 = toOsgb36(easting, northing);
		double[] xyz = cartesian(osgb36[0], osgb36[1], AIRY_A, AIRY_B);
		double x = TX + (1 + SCALE) * xyz[0] - RZ * xyz[1] + RY * xyz[2];
		double y = TY + RZ * xyz[0] + (1 + SCALE) * xyz[1] - RX * xyz[2];
		double z = TZ - RY * xyz[0] + RX * xyz[1] + (1 + SCALE) * xyz[2];
		return geodetic(x, y, z, WGS84_A, WGS84_B);
	}

	/** @return {latitude, longitude} in radians on the Airy 1830 ellipsoid (OSGB36) */
	static double[] toOsgb36(double easting, double northing) {
		double a = AIRY_A;
		double b = AIRY_B;
		double e2 = 1 - (b * b) / (a * a);
		double n = (a - b) / (a + b);
		double latitude = TRUE_ORIGIN_LATITUDE;
		double meridionalArc = 0;
		do {
			latitude = (northing - FALSE_NORTHING - meridionalArc) / (a * SCALE_ON_MERIDIAN) + latitude;
			meridionalArc = meridionalArc(latitude, b, n);
		}
		while (Math.abs(northing - FALSE_NORTHING - meridionalArc) >= 0.00001);
		double sin = Math.sin(latitude);
		double nu = a * SCALE_ON_MERIDIAN / Math.sqrt(1 - e2 * sin * sin);
		double rho = a * SCALE_ON_MERIDIAN * (1 - e2) / Math.pow(1 - e2 * sin * sin, 1.5);
		double eta2 = nu / rho - 1;
		double tan = Math.tan(latitude);
		double tan2 = tan * tan;
		double tan4 = tan2 * tan2;
		double sec = 1 / Math.cos(latitude);
		double vii = tan / (2 * rho * nu);
		double viii = tan / (24 * rho * Math.pow(nu, 3)) * (5 + 3 * tan2 + eta2 - 9 * tan2 * eta2);
		double ix = tan / (720 * rho * Math.pow(nu, 5)) * (61 + 90 * tan2 + 45 * tan4);
		double x = sec / nu;
		double xi = sec / (6 * Math.pow(nu, 3)) * (nu / rho + 2 * tan2);
		double xii = sec / (120 * Math.pow(nu, 5)) * (5 + 28 * tan2 + 24 * tan4);
		double xiia = sec / (5040 * Math.pow(nu, 7)) * (61 + 662 * tan2 + 1320 * tan4 + 720 * tan4 * tan2);
		double de = easting - FALSE_EASTING;
		return new double[] {
				latitude - vii * Math.pow(de, 2) + viii * Math.pow(de, 4) - ix * Math.pow(de, 6),
				TRUE_ORIGIN_LONGITUDE + x * de - xi * Math.pow(de, 3) + xii * Math.pow(de, 5)
						- xiia * Math.pow(de, 7) };
	}

	private static double meridionalArc(double latitude, double b, double n) {
		double n2 = n * n;
		double n3 = n2 * n;
		double difference = latitude - TRUE_ORIGIN_LATITUDE;
		double sum = latitude + TRUE_ORIGIN_LATITUDE;
		return b * SCALE_ON_MERIDIAN * ((1 + n + 1.25 * n2 + 1.25 * n3) * difference
				- (3 * n + 3 * n2 + 21.0 / 8 * n3) * Math.sin(difference) * Math.cos(sum)
				+ (15.0 / 8 * n2 + 15.0 / 8 * n3) * Math.sin(2 * difference) * Math.cos(2 * sum)
				- 35.0 / 24 * n3 * Math.sin(3 * difference) * Math.cos(3 * sum));
	}

	private static double[] cartesian(double latitude, double longitude, double a, double b) {
		double e2 = 1 - (b * b) / (a * a);
		double sin = Math.sin(latitude);
		double nu = a / Math.sqrt(1 - e2 * sin * sin);
		return new double[] { nu * Math.cos(latitude) * Math.cos(longitude),
				nu * Math.cos(latitude) * Math.sin(longitude), (1 - e2) * nu * sin };
	}

	/** @return {latitude, longitude} in degrees */
	private static double[] geodetic(double x, double y, double z, double a, double b) {
		double e2 = 1 - (b * b) / (a * a);
		double p = Math.sqrt(x * x + y * y);
		double latitude = Math.atan2(z, p * (1 - e2));
		for (int i = 0; i < 10; i++) {
			double sin = Math.sin(latitude);
			double nu = a / Math.sqrt(1 - e2 * sin * sin);
			latitude = Math.atan2(z + e2 * nu * sin, p);
		}
		return new double[] { Math.toDegrees(latitude), Math.toDegrees(Math.atan2(y, x)) };
	}

}
