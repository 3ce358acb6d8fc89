package org.communityplaces.platform.sampleservice;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Query parameters are read as a person writes them, and paged lists stop at a sane page. */
class StrictParametersTests extends SampleServiceTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			page=0x10                   | page   | must be a whole number
			page=%2B5                   | page   | must be a whole number
			page=1e3                    | page   | must be a whole number
			page=%235                   | page   | must be a whole number
			page=5%00                   | page   | must be a whole number
			page=99999999999999999999   | page   | must be a whole number
			page=10001                  | page   | must be at most 10000
			size=0x10                   | size   | must be a whole number
			within=NaN                  | within | must be a number such as 1.5
			within=Infinity             | within | must be a number such as 1.5
			within=1e3                  | within | must be a number such as 1.5
			within=1.5%00               | within | must be a number such as 1.5
			from=%2B999999999-12-31     | from   | must be a date between the years 1900 and 2200
			from=-999999999-01-01       | from   | must be a date between the years 1900 and 2200
			from=1899-12-31             | from   | must be a date between the years 1900 and 2200
			from=2026-1-1               | from   | must be a date such as 2026-11-23
			free=true%00                | free   | must be true or false
			free=maybe                  | free   | must be true or false
			free=%20true                | free   | must be true or false
			name=Coffee%00              | name   | must not contain control characters
			name=Coffee%1Bmorning       | name   | must not contain control characters
			""")
	void aParameterThatIsNotPlainlyOfItsTypeIsRefusedNamingIt(String query, String named, String message) {
		assertThat(mvc.get().uri(URI.create("/api/things?" + query)).with(HOST)).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies(problem -> {
				assertThat(problem).extractingPath("$.errors[0].field").isEqualTo(named);
				assertThat(problem).extractingPath("$.errors[0].message").isEqualTo(message);
			});
	}

	@Test
	void plainParametersAreTaken() {
		create(THING);

		assertThat(mvc.get()
			.uri(URI.create("/api/things?page=0&size=5&within=-1.5&from=2026-01-01&name=Coffee%20morning&free=true"))
			.with(HOST)).hasStatusOk().bodyJson().extractingPath("$[0].name").isEqualTo("Coffee morning");
		assertThat(mvc.get().uri("/api/things?page=10000").with(HOST)).hasStatusOk();
	}

}
