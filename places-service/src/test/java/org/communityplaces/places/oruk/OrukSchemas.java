package org.communityplaces.places.oruk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

/** The published ORUK 3.0 schemas (copied under src/test/resources/oruk), with formats such as uuid enforced. */
final class OrukSchemas {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Where the ORUK OpenAPI document's answers refer to their schemas; the copies here stand for them. */
	private static final String PUBLISHED = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/";

	private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
			builder -> builder.schemaMappers(mappers -> mappers.mappings(iri -> iri.startsWith(PUBLISHED)
					? "classpath:oruk/" + iri.substring(iri.lastIndexOf('/') + 1) : null)));

	private static final SchemaValidatorsConfig FORMATS = SchemaValidatorsConfig.builder()
		.formatAssertionsEnabled(true)
		.build();

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

	/**
	 * The violations of this JSON against a schema of the ORUK OpenAPI document, whose
	 * references are to the published schema files or to the document's own components.
	 */
	static List<String> violationsOfAnswer(JsonNode openApi, JsonNode schema, JsonNode json) {
		JsonNode resolved = withComponents(openApi, schema.deepCopy());
		return FACTORY.getSchema(resolved, FORMATS).validate(json).stream().map(Object::toString).toList();
	}

	static JsonNode resource(String file) {
		try (InputStream in = OrukSchemas.class.getClassLoader().getResourceAsStream("oruk/" + file)) {
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Puts the document's own components (the Page schema) in place of the references to them. */
	private static JsonNode withComponents(JsonNode openApi, JsonNode schema) {
		if (schema.isObject()) {
			String reference = schema.path("$ref").asText();
			if (reference.startsWith("#/")) {
				return openApi.at(reference.substring(1)).deepCopy();
			}
			ObjectNode object = (ObjectNode) schema;
			for (Map.Entry<String, JsonNode> property : object.properties()) {
				object.set(property.getKey(), withComponents(openApi, property.getValue()));
			}
		}
		else if (schema.isArray()) {
			for (int i = 0; i < schema.size(); i++) {
				((ArrayNode) schema).set(i, withComponents(openApi, schema.get(i)));
			}
		}
		return schema;
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
		return FACTORY.getSchema(SchemaLocation.of("classpath:oruk/" + schemaFile), FORMATS);
	}

}
