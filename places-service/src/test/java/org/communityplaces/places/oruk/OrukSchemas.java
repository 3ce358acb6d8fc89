package org.communityplaces.places.oruk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

/** The published ORUK 3.0 schemas (copied under src/test/resources/oruk), with formats such as uuid enforced. */
final class OrukSchemas {

	private static final ObjectMapper JSON = new ObjectMapper();

	private OrukSchemas() {
	}

	/** @return the violations of this JSON against the named schema file, empty when it is valid */
	static List<String> violations(String schemaFile, String json) {
		try {
			return schema(schemaFile).validate(JSON.readTree(json)).stream().map(Object::toString).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String> violations(String schemaFile, JsonNode json) {
		return schema(schemaFile).validate(json).stream().map(Object::toString).toList();
	}

	static JsonNode read(String json) {
		try {
			return JSON.readTree(json);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static JsonSchema schema(String schemaFile) {
		try (InputStream in = OrukSchemas.class.getClassLoader().getResourceAsStream("oruk/" + schemaFile)) {
			JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
			return factory.getSchema(JSON.readTree(in),
					SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
