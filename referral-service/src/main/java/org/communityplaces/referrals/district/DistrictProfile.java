package org.communityplaces.referrals.district;

/**
 * What is known about the people of one postcode district, for commissioners to set referrals
 * against.
 *
 * @param district the postcode district, such as {@code S6}
 * @param population usual residents at the 2011 Census, or null when not known
 * @param imdRank the district's Index of Multiple Deprivation 2019 rank among England's 32,844
 * LSOAs (1 is the most deprived), or null when no deprivation is loaded for it
 * @param imdDecile the decile of that rank (1 is the most deprived tenth), or null with it
 */
public record DistrictProfile(String district, Long population, Integer imdRank, Integer imdDecile) {
}
