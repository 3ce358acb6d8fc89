package org.communityplaces.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

/**
 * The event contract: the AsyncAPI document and one JSON Schema per event type, read from
 * the classpath. Producers validate what they send and consumers validate what they read
 * against it, so that no Java type is shared between services.
 */
public final class EventContract {

	private static final String ASYNCAPI = "contracts/asyncapi.yaml";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Map<String, JsonSchema> schemas;

	private final Map<String, JsonNode> schemaDocuments;

	private final Map<String, String> channelOfType;

	private EventContract(Map<String, JsonSchema> schemas, Map<String, JsonNode> schemaDocuments,
			Map<String, String> channelOfType) {
		this.schemas = schemas;
		this.schemaDocuments = schemaDocuments;
		this.channelOfType = channelOfType;
	}

	public static EventContract load() {
		JsonNode asyncApi = read(ASYNCAPI, new YAMLMapper());
		JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
		SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
		Map<String, JsonSchema> schemas = new LinkedHashMap<>();
		Map<String, JsonNode> documents = new LinkedHashMap<>();
		asyncApi.path("components").path("messages").properties().forEach(message -> {
			String ref = message.getValue().path("payload").path("schema").path("$ref").asText();
			JsonNode document = read("contracts/" + ref.replaceFirst("^\\./", ""), JSON);
			documents.put(message.getKey(), document);
			schemas.put(message.getKey(), factory.getSchema(document, config));
		});
		Map<String, String> channels = new LinkedHashMap<>();
		asyncApi.path("channels").properties().forEach(channel -> channel.getValue()
			.path("messages")
			.fieldNames()
			.forEachRemaining(type -> channels.put(type, channel.getValue().path("address").asText())));
		return new EventContract(Map.copyOf(schemas), Map.copyOf(documents), Map.copyOf(channels));
	}

	public Set<String> eventTypes() {
		return schemas.keySet();
	}

	/** The Kafka topic that carries events of this type. */
	public String topicOf(String eventType) {
		String topic = channelOfType.get(eventType);
		if (topic == null) {
			throw new IllegalArgumentException("The contract has no event type " + eventType);
		}
		return topic;
	}

	/**
	 * Checks one event against its schema, chosen by its {@code type}.
	 * @return the violations, empty when the event is valid
	 */
	public List<String> violations(String eventJson) {
		JsonNode event;
		try {
			event = JSON.readTree(eventJson);
		}
		catch (JsonProcessingException ex) {
			return List.of("not JSON: " + ex.getOriginalMessage());
		}
		if (event == null || !event.isObject()) {
			return List.of("not a JSON object");
		}
		String type = event.path("type").asText();
		JsonSchema schema = schemas.get(type);
		if (schema == null) {
			return List.of("$.type: unknown event type '" + type + "'");
		}
		return schema.validate(event).stream().map(Object::toString).sorted().toList();
	}

	/** The examples the schema of this event type carries, as JSON text. */
	public List<String> examples(String eventType) {
		JsonNode document = schemaDocuments.get(eventType);
		if (document == null) {
			throw new IllegalArgumentException("The contract has no event type " + eventType);
		}
		List<String> examples = new ArrayList<>();
		document.path("examples").forEach(example -> examples.add(example.toString()));
		return examples;
	}

	private static JsonNode read(String resource, ObjectMapper mapper) {
		try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing contract resource " + resource);
			}
			return mapper.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read contract resource " + resource, ex);
		}
	}

}
