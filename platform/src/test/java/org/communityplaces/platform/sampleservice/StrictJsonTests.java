package org.communityplaces.platform.sampleservice;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON is read as written: no value is coerced into another type, no text carries control characters. */
class StrictJsonTests extends SampleServiceTest {

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			count      | 6.5                            | count       | must be a whole number
			count      | 6.0                            | count       | must be a whole number
			count      | "6"                            | count       | must be a whole number
			count      | true                           | count       | must be a whole number
			free       | 2                              | free        | must be true or false
			free       | 0                              | free        | must be true or false
			free       | "true"                         | free        | must be true or false
			recordedAt | 12345                          | recordedAt  | must be a date and time such as 2026-11-23T10:15:30Z
			recordedAt | "+999999999-12-31T23:59:59Z"   | recordedAt  | must be a date between the years 1900 and 2200
			on         | 12345                          | on          | must be a date such as 2026-11-23
			on         | ""                             | on          | must be a date such as 2026-11-23
			on         | "-999999999-01-01"             | on          | must be a date between the years 1900 and 2200
			on         | "1899-12-31"                   | on          | must be a date between the years 1900 and 2200
			on         | "2201-01-01"                   | on          | must be a date between the years 1900 and 2200
			name       | "a\\u0000b"                    | name        | must not contain control characters
			name       | "bell\\u0007"                  | name        | must not contain control characters
			name       | "delete\\u007f"                | name        | must not contain control characters
			tags       | ["warm", "esc\\u001b"]         | tags[1]     | must not contain control characters
			contact    | {"method": "email", "value": "a\\u0001"} | contact.value | must not contain control characters
			""")
	void aValueOfAnotherTypeOrWithControlCharactersIsRefusedNamingItsField(String field, String value,
			String named, String message) {
		String body = withField(field, value);

		assertThat(create(body)).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies(problem -> {
				assertThat(problem).extractingPath("$.errors[0].field").isEqualTo(named);
				assertThat(problem).extractingPath("$.errors[0].message").isEqualTo(message);
			});
		assertThat(mongo.findAll(Thing.class)).isEmpty();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			name       | "Tabs\\tand\\nnew lines\\r\\nare text"
			on         | "1900-01-01"
			on         | "2200-12-31"
			recordedAt | "2200-12-31T23:59:59Z"
			count      | 0
			""")
	void plainValuesAreTaken(String field, String value) {
		String body = withField(field, value);

		assertThat(create(body)).hasStatus(201);
	}

	/** The sample thing with one field's JSON value replaced as written. */
	private static String withField(String field, String json) {
		return Pattern.compile("\"" + field + "\": (\\[[^\\]]*\\]|\\{[^}]*\\}|\"[^\"]*\"|[^,}\\s]+)")
			.matcher(THING)
			.replaceFirst(Matcher.quoteReplacement("\"" + field + "\": " + json));
	}

}
