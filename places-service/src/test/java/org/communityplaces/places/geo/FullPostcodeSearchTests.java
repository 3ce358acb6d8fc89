package org.communityplaces.places.geo;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.communityplaces.places.PlacesServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * With a full postcode file (a few rows in the ONSPD format, made-up positions), a full postcode
 * is its own position for the places registered at it and for ORUK's {@code postcode} +
 * {@code proximity} and the referrers' search; a postcode the file lacks is its district's centre.
 */
@TestPropertySource(properties = "places.postcodes.file=classpath:geo/onspd-sample.csv")
class FullPostcodeSearchTests extends PlacesServiceTest {

	private static final String HEADER = "id,name,kind,organization,address,city,postcode,free,host_email\n";

	@BeforeEach
	void placesAroundTheVale() {
		String csv = HEADER + "near,Lane end lunch club,community-group,Vale,1 Lane End,Vale,HP22 4PF,yes,a@vale.example.org\n"
				+ "here,Green bench chat,community-group,Vale,The Green,Vale,HP22 4PE,yes,b@vale.example.org\n"
				+ "far,Hilltop quiz,pub,Vale,The Hilltop,Vale,HP22 5AB,yes,c@vale.example.org\n"
				+ "centre,Centre knitting,shop,Vale,2 Market Place,Vale,HP22 6ZZ,yes,d@vale.example.org\n";
		assertThat(as("admin", null, mvc.post().uri("/api/places/imports"))
			.contentType(MediaType.parseMediaType("text/csv"))
			.content(csv)).hasStatusOk().bodyJson().extractingPath("$.created").isEqualTo(4);
	}

	@Test
	void aPlaceIsAtItsFullPostcodeWhereTheFileHasItAndAtItsDistrictOtherwise() {
		Postcodes.Located district = new Postcodes().locate("HP22").orElseThrow();
		JsonNode here = json(as("admin", null, mvc.get().uri("/api/places/search?q=bench")));
		assertThat(here.path("hits").path(0).path("latitude").doubleValue()).isCloseTo(51.775, within(1e-5));
		JsonNode centre = json(as("admin", null, mvc.get().uri("/api/places/search?q=knitting")));
		assertThat(centre.path("hits").path(0).path("latitude").doubleValue()).isEqualTo(district.latitude());
		assertThat(centre.path("hits").path(0).path("longitude").doubleValue()).isEqualTo(district.longitude());
	}

	@Test
	void orukPostcodeAndProximityMeasureFromTheFullPostcode() {
		assertThat(names(mvc.get().uri("/oruk/services?postcode=HP22+4PE&proximity=2000"), "contents"))
			.containsExactlyInAnyOrder("Green bench chat", "Lane end lunch club");
		assertThat(names(mvc.get().uri("/oruk/services?postcode=HP22&proximity=2000"), "contents"))
			.contains("Centre knitting", "Hilltop quiz")
			.doesNotContain("Green bench chat");
	}

	@Test
	void theReferrersSearchMeasuresFromTheFullPostcodeToo() {
		assertThat(names(mvc.get().uri("/api/places/search?postcode=HP22+4PE&radius=500"), "hits"))
			.containsExactly("Green bench chat", "Lane end lunch club");
	}

	private List<String> names(org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder request,
			String list) {
		return json(request).path(list).valueStream().map(item -> item.path("name").asString()).toList();
	}

	private static JsonNode json(org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder request) {
		try {
			return JsonMapper.shared()
				.readTree(request.exchange().getResponse().getContentAsString(StandardCharsets.UTF_8));
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
