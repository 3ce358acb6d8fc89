package org.communityplaces.platform.testing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.awaitility.Awaitility.await;

/**
 * The negative suite of a service, driven by its own OpenAPI description ({@code /v3/api-docs}):
 * for every operation it sends malformed, boundary and hostile requests (odd path variables,
 * hostile query parameters and headers, bodies that are not JSON or not of the operation's
 * schema, type confusions derived from the request schema field by field), each as every role
 * the test names and unsigned. It asserts that
 * <ul>
 * <li>no answer is a 5xx (an exception the service does not turn into an answer counts as one),</li>
 * <li>every answer of 400 or above is {@code application/problem+json} with a title and a detail,</li>
 * <li>the stored state is the same after every answer of 400 or above as it was before,</li>
 * <li>values the service must never take (a fraction for an integer, a number for a boolean or a
 * date, a date of year 999999999, control characters in text, 100,000 characters of text,
 * {@code 0x10} or a trailing NUL for a number) are refused, not coerced or stored.</li>
 * </ul>
 * Every failing request is reported at once; the counts and the time taken are printed.
 *
 * <pre>{@code
 * @Test
 * void everyOperationHoldsAgainstHostileRequests() {
 *     String placeId = idOf(post(RED_LION));
 *     HostileRequests.against(mvc)
 *         .as("admin", jwt().jwt(token -> token.subject("u-admin").claim("role", "admin")))
 *         .as("referrer", jwt().jwt(token -> token.subject("u-referrer").claim("role", "referrer")))
 *         .pathVariable("id", placeId)
 *         .exampleBody("POST /api/places", RED_LION)
 *         .storedState(StoredState.of(mongo, "audit"))
 *         .run();
 * }
 * }</pre>
 *
 * Known path variables let the requests reach real records; an example body per operation lets
 * each field's hostile value arrive in an otherwise valid request (without one, a body is made
 * up from the schema). The stored state should leave out what legitimately changes on its own
 * or on reads (an audit trail). Successful writes change the state; the harness then waits until
 * it settles before comparing again. Operations that delete are sent last, so the known records
 * live as long as possible.
 */
public final class HostileRequests {

	private static final String UNSIGNED = "unsigned";

	private static final int MAX_FIELDS_PER_BODY = 60;

	private static final int MAX_SCHEMA_DEPTH = 5;

	private static final String RAW = "\u0001raw:";

	private static final String HUGE_TEXT = "x".repeat(100_000);

	private final MockMvcTester mvc;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, RequestPostProcessor> roles = new LinkedHashMap<>();

	private final Map<String, String> pathVariables = new HashMap<>();

	private final Map<String, String> exampleBodies = new HashMap<>();

	private final Set<String> skipped = new HashSet<>();

	private Supplier<String> storedState = () -> "";

	private String apiDocsPath = "/v3/api-docs";

	private JsonNode components;

	private HostileRequests(MockMvcTester mvc) {
		this.mvc = mvc;
	}

	public static HostileRequests against(MockMvcTester mvc) {
		return new HostileRequests(mvc);
	}

	/** A role to send every request as, such as {@code jwt().jwt(...)}; unsigned is always added. */
	public HostileRequests as(String role, RequestPostProcessor signedIn) {
		roles.put(role, signedIn);
		return this;
	}

	/** A value of a path variable that names a real record, for every operation with that variable. */
	public HostileRequests pathVariable(String name, String knownValue) {
		pathVariables.put(name, knownValue);
		return this;
	}

	/** A value of a path variable for one path only, such as {@code ("/api/referrals/{id}", "id", id)}. */
	public HostileRequests pathVariable(String path, String name, String knownValue) {
		pathVariables.put(path + " " + name, knownValue);
		return this;
	}

	/** A valid body of an operation, such as {@code ("POST /api/places", json)}, to vary field by field. */
	public HostileRequests exampleBody(String operation, String body) {
		exampleBodies.put(operation, body);
		return this;
	}

	/** What the service has stored, as canonical text; see {@link StoredState}. */
	public HostileRequests storedState(Supplier<String> snapshot) {
		this.storedState = snapshot;
		return this;
	}

	/** Leaves out an operation, such as {@code "POST /api/things/reset"}; say why where it is called. */
	public HostileRequests skip(String operation) {
		skipped.add(operation);
		return this;
	}

	/** Where the OpenAPI description is, {@code /v3/api-docs} unless told. */
	public HostileRequests apiDocs(String path) {
		this.apiDocsPath = path;
		return this;
	}

	/** Sends every request, prints the numbers, and fails listing every request that broke a rule. */
	public Summary run() {
		long started = System.nanoTime();
		JsonNode document = json.readTree(mvc.perform(MockMvcRequestBuilders.get(apiDocsPath)).getResponse()
			.getContentAsByteArray());
		components = document.path("components").path("schemas");
		List<Operation> operations = operations(document);
		List<String> failures = new ArrayList<>();
		Map<String, Integer> answers = new TreeMap<>();
		int requests = 0;
		String before = null;
		for (Operation operation : operations) {
			for (Attempt attempt : attempts(operation)) {
				for (String role : roleNames()) {
					if (before == null) {
						before = settledState();
					}
					Answer answer = send(attempt, role);
					requests++;
					answers.merge(answer.status / 100 + "xx", 1, Integer::sum);
					List<String> broken = new ArrayList<>(answer.problems);
					if (answer.status >= 400) {
						String after = storedState.get();
						if (!after.equals(before)) {
							broken.add("changed the stored state although refused");
						}
						before = after;
					}
					else {
						if (attempt.mustRefuse) {
							broken.add("accepted a value it must refuse");
						}
						before = null;
					}
					if (!broken.isEmpty()) {
						failures.add(describe(attempt, role, answer, broken));
					}
				}
			}
		}
		Summary summary = new Summary(operations.size(), requests, Duration.ofNanos(System.nanoTime() - started),
				answers);
		System.out.println("Hostile requests: " + summary);
		if (!failures.isEmpty()) {
			throw new AssertionError(failures.size() + " of " + requests + " hostile requests broke a rule:\n"
					+ String.join("\n", failures));
		}
		return summary;
	}

	/** @param answers how many answers of each status class, such as {@code 4xx=812} */
	public record Summary(int operations, int requests, Duration took, Map<String, Integer> answers) {

		@Override
		public String toString() {
			return operations + " operations, " + requests + " requests in " + took.toMillis() / 1000.0 + " s, answers "
					+ answers;
		}

	}

	private List<String> roleNames() {
		List<String> names = new ArrayList<>(roles.keySet());
		names.add(UNSIGNED);
		return names;
	}

	/** The state once writes answered earlier have finished their own follow-up (an outbox relay, say). */
	private String settledState() {
		AtomicReference<String> last = new AtomicReference<>(storedState.get());
		await().pollDelay(Duration.ofMillis(25)).pollInterval(Duration.ofMillis(25)).atMost(Duration.ofSeconds(10))
			.until(() -> last.getAndSet(storedState.get()).equals(last.get()));
		return last.get();
	}

	private Answer send(Attempt attempt, String role) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(attempt.method, URI.create(attempt.uri));
		attempt.headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
		if (attempt.body != null) {
			request.content(attempt.body);
		}
		if (!role.equals(UNSIGNED)) {
			request.with(roles.get(role));
		}
		MvcTestResult result = mvc.perform(request);
		if (result.getUnresolvedException() != null) {
			Exception exception = result.getUnresolvedException();
			return new Answer(500, exception.getClass().getName() + ": " + exception.getMessage(),
					List.of("failed with an exception the service did not answer"));
		}
		MockHttpServletResponse response = result.getResponse();
		String body = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
		List<String> problems = new ArrayList<>();
		int status = response.getStatus();
		if (status >= 500) {
			problems.add("answered a server error");
		}
		if (status >= 400) {
			problems.addAll(notAProblem(response.getContentType(), body));
		}
		return new Answer(status, body, problems);
	}

	private List<String> notAProblem(String contentType, String body) {
		if (contentType == null
				|| !MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
			return List.of("answered " + contentType + " instead of application/problem+json");
		}
		try {
			JsonNode problem = json.readTree(body);
			if (problem.path("title").asString("").isBlank() || problem.path("detail").asString("").isBlank()) {
				return List.of("answered a problem without a title and a detail");
			}
			return List.of();
		}
		catch (RuntimeException notJson) {
			return List.of("answered problem+json that is not JSON");
		}
	}

	private static String describe(Attempt attempt, String role, Answer answer, List<String> broken) {
		String uri = attempt.uri.length() > 200 ? attempt.uri.substring(0, 200) + "…" : attempt.uri;
		String body = answer.body.length() > 200 ? answer.body.substring(0, 200) + "…" : answer.body;
		return "- " + attempt.method + " " + uri + " (" + attempt.label + ") as " + role + ": " + answer.status + " "
				+ String.join("; ", broken) + " | " + body.replaceAll("\\s+", " ");
	}

	private record Answer(int status, String body, List<String> problems) {
	}

	private record Attempt(String label, boolean mustRefuse, HttpMethod method, String uri, HttpHeaders headers,
			byte[] body) {
	}

	private record Parameter(String name, String in, boolean required, JsonNode schema) {
	}

	/** @param answersWithBody whether a documented answer has a body, so that its format can be negotiated */
	private record Operation(HttpMethod method, String path, List<Parameter> parameters, String bodyType,
			JsonNode bodySchema, boolean answersWithBody) {

		String key() {
			return method + " " + path;
		}

		List<Parameter> in(String where) {
			return parameters.stream().filter(parameter -> parameter.in.equals(where)).toList();
		}

	}

	// The operations of the OpenAPI description

	private List<Operation> operations(JsonNode document) {
		List<Operation> operations = new ArrayList<>();
		document.path("paths").forEachEntry((path, item) -> item.forEachEntry((method, operation) -> {
			if (!Set.of("get", "put", "post", "delete", "patch").contains(method)) {
				return;
			}
			List<Parameter> parameters = new ArrayList<>();
			for (JsonNode parameter : item.path("parameters")) {
				parameters.add(parameter(parameter));
			}
			for (JsonNode parameter : operation.path("parameters")) {
				parameters.add(parameter(parameter));
			}
			String bodyType = null;
			JsonNode bodySchema = null;
			JsonNode content = operation.path("requestBody").path("content");
			if (!content.isMissingNode() && !content.propertyNames().isEmpty()) {
				bodyType = content.has(MediaType.APPLICATION_JSON_VALUE) ? MediaType.APPLICATION_JSON_VALUE
						: content.propertyNames().iterator().next();
				bodySchema = resolve(content.path(bodyType).path("schema"));
			}
			boolean answersWithBody = false;
			for (JsonNode answer : operation.path("responses")) {
				answersWithBody |= !answer.path("content").isEmpty();
			}
			Operation found = new Operation(HttpMethod.valueOf(method.toUpperCase()), path, parameters, bodyType,
					bodySchema, answersWithBody);
			if (!skipped.contains(found.key())) {
				operations.add(found);
			}
		}));
		operations.sort(Comparator.comparing((Operation operation) -> operation.method == HttpMethod.DELETE)
			.thenComparing(Operation::key));
		return operations;
	}

	private Parameter parameter(JsonNode parameter) {
		JsonNode resolved = resolve(parameter);
		return new Parameter(resolved.path("name").asString(), resolved.path("in").asString(),
				resolved.path("required").asBoolean(false), resolve(resolved.path("schema")));
	}

	private JsonNode resolve(JsonNode schema) {
		JsonNode resolved = schema;
		for (int hops = 0; hops < 10; hops++) {
			if (resolved.has("$ref")) {
				String ref = resolved.path("$ref").asString();
				resolved = components.path(ref.substring(ref.lastIndexOf('/') + 1));
			}
			else if (resolved.path("allOf").size() == 1) {
				resolved = resolved.path("allOf").get(0);
			}
			else if (resolved.path("oneOf").size() > 0) {
				resolved = resolved.path("oneOf").get(0);
			}
			else if (resolved.path("anyOf").size() > 0) {
				resolved = resolved.path("anyOf").get(0);
			}
			else {
				return resolved;
			}
		}
		return resolved;
	}

	private static String type(JsonNode schema) {
		JsonNode type = schema.path("type");
		if (type.isArray()) {
			for (JsonNode each : type) {
				if (!each.asString().equals("null")) {
					return each.asString();
				}
			}
		}
		if (type.isString()) {
			return type.asString();
		}
		return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
	}

	// The requests of one operation

	private List<Attempt> attempts(Operation operation) {
		Map<String, String> knownPath = new LinkedHashMap<>();
		operation.in("path")
			.forEach(variable -> knownPath.put(variable.name, encode(pathVariables.getOrDefault(
					operation.path + " " + variable.name, pathVariables.getOrDefault(variable.name, "unknown")))));
		Map<String, String> knownQuery = new LinkedHashMap<>();
		operation.in("query")
			.stream()
			.filter(Parameter::required)
			.forEach(parameter -> knownQuery.put(parameter.name, encode(plainValue(parameter.schema))));
		byte[] knownBody = operation.bodyType == null ? null : knownBody(operation);
		HttpHeaders knownHeaders = new HttpHeaders();
		if (operation.bodyType != null) {
			knownHeaders.setContentType(MediaType.parseMediaType(operation.bodyType));
		}
		operation.in("header")
			.stream()
			.filter(Parameter::required)
			.forEach(header -> knownHeaders.set(header.name, plainValue(header.schema)));
		Request known = new Request(operation, knownPath, knownQuery, knownHeaders, knownBody);

		List<Attempt> attempts = new ArrayList<>();
		attempts.add(known.attempt("as documented", false));
		pathAttempts(known, attempts);
		queryAttempts(known, attempts);
		headerAttempts(known, attempts);
		if (operation.bodyType != null) {
			bodyAttempts(known, attempts);
		}
		return attempts;
	}

	private void pathAttempts(Request known, List<Attempt> attempts) {
		for (String variable : known.path.keySet()) {
			attempts.add(known.withPath(variable, "unknown-0000000000").attempt(variable + " unknown", false));
			attempts.add(known.withPath(variable, encode("é-名-😀")).attempt(variable + " unicode", false));
			attempts.add(known.withPath(variable, "..").attempt(variable + " ..", true));
			attempts.add(known.withPath(variable, "%2E%2E").attempt(variable + " encoded ..", true));
			attempts.add(known.withPath(variable, "a".repeat(300)).attempt(variable + " 300 characters", true));
			attempts.add(known.withPath(variable, "%00").attempt(variable + " NUL", true));
			attempts.add(known.withPath(variable, "a%01b%7F").attempt(variable + " control characters", true));
			attempts.add(known.withPath(variable, "-1").attempt(variable + " -1", false));
		}
	}

	private void queryAttempts(Request known, List<Attempt> attempts) {
		for (Parameter parameter : known.operation.in("query")) {
			String type = type(parameter.schema);
			boolean number = type.equals("integer") || type.equals("number");
			boolean integer = type.equals("integer");
			boolean date = parameter.schema.path("format").asString("").startsWith("date");
			boolean closed = number || date || parameter.schema.has("enum");
			String plain = encode(plainValue(parameter.schema));
			Map<String, Boolean> values = new LinkedHashMap<>();
			values.put("NaN", closed);
			values.put("Infinity", closed);
			values.put("-Infinity", closed);
			values.put("-1", false);
			values.put("2147483647", false);
			values.put("99999999999999999999", integer || parameter.schema.has("enum"));
			values.put("0x10", closed);
			values.put("%2B5", integer);
			values.put("1e3", integer);
			values.put("6.5", integer || parameter.schema.has("enum"));
			values.put("%2B999999999-12-31", date || number);
			values.put("-999999999-01-01", date || number);
			values.put("%2B999999999-12-31T23:59:59Z", date || number);
			values.put("a".repeat(10_000), true);
			values.put("a%01b%1F%7F", true);
			values.put(plain + "%00", true);
			values.put("", false);
			values.forEach((value, mustRefuse) -> attempts
				.add(known.withQuery(parameter.name, value).attempt(parameter.name + "=" + shorten(value), mustRefuse)));
		}
	}

	private void headerAttempts(Request known, List<Attempt> attempts) {
		boolean negotiated = known.operation.answersWithBody;
		attempts.add(known.withHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_XML_VALUE)
			.attempt("Accept xml", negotiated));
		attempts.add(known.withHeader(HttpHeaders.ACCEPT, "image/png, text/html;q=0.5")
			.attempt("Accept image", negotiated));
		attempts.add(known.withHeader(HttpHeaders.IF_MATCH, "\"not-a-version").attempt("garbage If-Match", false));
		attempts.add(known.withHeader(HttpHeaders.IF_MATCH, "W/\"-1\"").attempt("If-Match -1", false));
		attempts.add(known.withHeader("Idempotency-Key", "k".repeat(1_000)).attempt("1000-character Idempotency-Key",
				false));
		attempts.add(known.withHeader("Idempotency-Key", "{ } ; , \" '").attempt("garbage Idempotency-Key", false));
		for (Parameter header : known.operation.in("header")) {
			attempts.add(known.withHeader(header.name, "x".repeat(10_000)).attempt(header.name + " 10,000 characters",
					true));
			attempts.add(known.withHeader(header.name, "NaN").attempt(header.name + " NaN",
					!type(header.schema).equals("string")));
		}
		if (known.operation.bodyType != null) {
			attempts.add(known.withHeader(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_PLAIN_VALUE)
				.attempt("Content-Type text/plain", true));
			attempts.add(known.withHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_XML_VALUE)
				.attempt("Content-Type xml", true));
			attempts.add(known.withHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=nonsense")
				.attempt("Content-Type with an unknown charset", false));
		}
	}

	private void bodyAttempts(Request known, List<Attempt> attempts) {
		Operation operation = known.operation;
		if (!MediaType.parseMediaType(operation.bodyType).isCompatibleWith(MediaType.APPLICATION_JSON)) {
			byte[] binary = new byte[4096];
			for (int i = 0; i < binary.length; i++) {
				binary[i] = (byte) (i * 31 + 7);
			}
			attempts.add(known.withBody(binary).attempt("binary body", true));
			attempts.add(known.withBody(new byte[0]).attempt("empty body", true));
			attempts.add(known.withBody("\"unterminated,\u0000\n".getBytes(StandardCharsets.UTF_8))
				.attempt("broken text body", false));
			return;
		}
		Map<String, String> wholeBodies = new LinkedHashMap<>();
		wholeBodies.put("empty body", "");
		wholeBodies.put("not JSON", "{\"unterminated\": ");
		wholeBodies.put("XML", "<place><name>x</name></place>");
		wholeBodies.put("array", "[]");
		wholeBodies.put("string", "\"text\"");
		wholeBodies.put("null", "null");
		wholeBodies.put("number", "42");
		wholeBodies.put("empty object", "{}");
		wholeBodies.put("deeply nested", "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000));
		wholeBodies.put("NUL byte", "{\u0000}");
		wholeBodies.forEach((label, body) -> attempts
			.add(known.withBody(body.getBytes(StandardCharsets.UTF_8)).attempt(label, !label.equals("empty object"))));
		if (known.body == null || operation.bodySchema == null) {
			return;
		}
		JsonNode body = json.readTree(known.body);
		List<Field> fields = new ArrayList<>();
		fields(operation.bodySchema, new ArrayList<>(), fields, 0);
		for (Field field : fields) {
			for (Hostile value : hostileValues(field.schema)) {
				JsonNode varied = body.deepCopy();
				if (replace(varied, field.path, value.json)) {
					attempts.add(known.withBody(serialized(varied)).attempt(field.name() + " " + value.label,
							value.mustRefuse));
				}
			}
		}
	}

	private record Field(List<Object> path, JsonNode schema) {

		String name() {
			return path.stream()
				.map(step -> step instanceof Integer index ? "[" + index + "]" : "." + step)
				.collect(Collectors.joining())
				.substring(1);
		}

	}

	private record Hostile(String label, JsonNode json, boolean mustRefuse) {
	}

	private void fields(JsonNode schema, List<Object> path, List<Field> fields, int depth) {
		if (fields.size() >= MAX_FIELDS_PER_BODY || depth > MAX_SCHEMA_DEPTH) {
			return;
		}
		if (schema.path("readOnly").asBoolean(false)) {
			return;
		}
		String type = type(schema);
		if (!path.isEmpty()) {
			fields.add(new Field(List.copyOf(path), schema));
		}
		if (type.equals("object")) {
			schema.path("properties").forEachEntry((name, property) -> {
				path.add(name);
				fields(resolve(property), path, fields, depth + 1);
				path.remove(path.size() - 1);
			});
		}
		else if (type.equals("array")) {
			path.add(0);
			fields(resolve(schema.path("items")), path, fields, depth + 1);
			path.remove(path.size() - 1);
		}
	}

	private List<Hostile> hostileValues(JsonNode schema) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		List<Hostile> values = new ArrayList<>();
		values.add(new Hostile("null", nodes.nullNode(), false));
		String format = schema.path("format").asString("");
		switch (type(schema)) {
			case "integer" -> {
				values.add(new Hostile("6.5", raw("6.5"), true));
				values.add(new Hostile("6.0", raw("6.0"), true));
				values.add(new Hostile("\"6\"", nodes.stringNode("6"), true));
				values.add(new Hostile("true", nodes.booleanNode(true), true));
				values.add(new Hostile("99999999999999999999", raw("99999999999999999999"), true));
				values.add(new Hostile("-2147483649", raw("-2147483649"), false));
			}
			case "number" -> {
				values.add(new Hostile("\"NaN\"", nodes.stringNode("NaN"), true));
				values.add(new Hostile("1e400", raw("1e400"), true));
				values.add(new Hostile("true", nodes.booleanNode(true), true));
				values.add(new Hostile("\"1.5\"", nodes.stringNode("1.5"), true));
			}
			case "boolean" -> {
				values.add(new Hostile("2", raw("2"), true));
				values.add(new Hostile("0", raw("0"), true));
				values.add(new Hostile("\"yes\"", nodes.stringNode("yes"), true));
			}
			case "array" -> {
				values.add(new Hostile("a string for an array", nodes.stringNode("x"), true));
				values.add(new Hostile("an object for an array", nodes.objectNode(), true));
				values.add(new Hostile("[null]", raw("[null]"), false));
				values.add(new Hostile("10,000 items", raw("[" + "null,".repeat(9_999) + "null]"), false));
			}
			case "object" -> {
				values.add(new Hostile("a number for an object", raw("1"), true));
				values.add(new Hostile("an array for an object", raw("[]"), true));
			}
			default -> {
				values.add(new Hostile("100,000 characters", nodes.stringNode(HUGE_TEXT), true));
				values.add(new Hostile("NUL inside", nodes.stringNode("a\u0000b"), true));
				values.add(new Hostile("control characters", nodes.stringNode("a\u0007b\u001Bc\u007F"), true));
				values.add(new Hostile("an object for text", nodes.objectNode(), true));
				boolean date = format.startsWith("date");
				boolean time = format.equals("time") || schema.path("pattern").asString("").contains(":");
				if (date || time) {
					values.add(new Hostile("12345", raw("12345"), true));
				}
				if (date) {
					values.add(new Hostile("year +999999999", nodes.stringNode(
							format.equals("date") ? "+999999999-12-31" : "+999999999-12-31T23:59:59Z"), true));
					values.add(new Hostile("year -999999999", nodes.stringNode(
							format.equals("date") ? "-999999999-01-01" : "-999999999-01-01T00:00:00Z"), true));
				}
				if (time) {
					values.add(new Hostile("12:00:00", nodes.stringNode("12:00:00"), true));
					values.add(new Hostile("25:61", nodes.stringNode("25:61"), true));
				}
				if (schema.has("enum")) {
					values.add(new Hostile("not one of the values", nodes.stringNode("NOT_ONE_OF_THEM"), true));
				}
			}
		}
		return values;
	}

	/** A JSON text Jackson would not keep as it is written, spliced in when the body is serialised. */
	private static JsonNode raw(String jsonText) {
		return JsonNodeFactory.instance.stringNode(RAW + jsonText);
	}

	private byte[] serialized(JsonNode body) {
		String text = json.writeValueAsString(body);
		StringBuilder spliced = new StringBuilder();
		String marker = "\"\\u0001raw:";
		int from = 0;
		int at;
		while ((at = text.indexOf(marker, from)) >= 0) {
			int end = text.indexOf('"', at + marker.length());
			spliced.append(text, from, at).append(text, at + marker.length(), end);
			from = end + 1;
		}
		return spliced.append(text.substring(from)).toString().getBytes(StandardCharsets.UTF_8);
	}

	/** Puts the value at the path, making the objects and arrays on the way; false if the body has no room for it. */
	private static boolean replace(JsonNode body, List<Object> path, JsonNode value) {
		JsonNode node = body;
		for (int i = 0; i < path.size() - 1; i++) {
			Object step = path.get(i);
			boolean nextIsIndex = path.get(i + 1) instanceof Integer;
			if (step instanceof Integer && node instanceof ArrayNode array) {
				if (array.isEmpty()) {
					array.add(nextIsIndex ? array.arrayNode() : array.objectNode());
				}
				node = array.get(0);
			}
			else if (step instanceof String name && node instanceof ObjectNode object) {
				JsonNode child = object.get(name);
				if (child == null || !(child.isObject() || child.isArray())) {
					child = nextIsIndex ? object.putArray(name) : object.putObject(name);
				}
				node = child;
			}
			else {
				return false;
			}
		}
		Object last = path.get(path.size() - 1);
		if (last instanceof Integer && node instanceof ArrayNode array) {
			if (array.isEmpty()) {
				array.add(value);
			}
			else {
				array.set(0, value);
			}
			return true;
		}
		if (last instanceof String name && node instanceof ObjectNode object) {
			object.set(name, value);
			return true;
		}
		return false;
	}

	private byte[] knownBody(Operation operation) {
		String example = exampleBodies.get(operation.key());
		if (example != null) {
			return example.getBytes(StandardCharsets.UTF_8);
		}
		if (operation.bodySchema == null
				|| !MediaType.parseMediaType(operation.bodyType).isCompatibleWith(MediaType.APPLICATION_JSON)) {
			return "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
		}
		return json.writeValueAsBytes(plainJson(operation.bodySchema, 0));
	}

	/** A value of the schema that looks right, for bodies nobody gave an example of. */
	private JsonNode plainJson(JsonNode schema, int depth) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		if (schema.has("example")) {
			return schema.path("example");
		}
		switch (type(schema)) {
			case "object" -> {
				ObjectNode object = nodes.objectNode();
				if (depth <= MAX_SCHEMA_DEPTH) {
					schema.path("properties")
						.forEachEntry((name, property) -> object.set(name, plainJson(resolve(property), depth + 1)));
				}
				return object;
			}
			case "array" -> {
				ArrayNode array = nodes.arrayNode();
				if (depth <= MAX_SCHEMA_DEPTH) {
					array.add(plainJson(resolve(schema.path("items")), depth + 1));
				}
				return array;
			}
			case "integer", "number" -> {
				return nodes.numberNode(schema.path("minimum").asInt(1));
			}
			case "boolean" -> {
				return nodes.booleanNode(true);
			}
			default -> {
				return nodes.stringNode(plainValue(schema));
			}
		}
	}

	private static String plainValue(JsonNode schema) {
		if (schema.path("enum").size() > 0) {
			return schema.path("enum").get(0).asString();
		}
		if (schema.has("example") && !schema.path("example").isContainer()) {
			return schema.path("example").asString();
		}
		if (schema.has("default") && !schema.path("default").isContainer()) {
			return schema.path("default").asString();
		}
		return switch (type(schema)) {
			case "integer", "number" -> String.valueOf(schema.path("minimum").asInt(1));
			case "boolean" -> "true";
			case "array" -> plainValue(schema.path("items"));
			default -> switch (schema.path("format").asString("")) {
				case "date" -> "2026-06-01";
				case "date-time" -> "2026-06-01T10:00:00Z";
				case "time" -> "10:00";
				case "email" -> "someone@example.org";
				case "uuid" -> "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
				default -> "a".repeat(Math.max(1, schema.path("minLength").asInt(4)));
			};
		};
	}

	private static String shorten(String value) {
		return value.length() > 20 ? value.substring(0, 20) + "…(" + value.length() + ")" : value;
	}

	/** Percent-encodes everything but the unreserved characters, so any text is a valid URI part. */
	private static String encode(String text) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(String.format("%02X", b & 0xFF));
			}
		}
		return encoded.toString();
	}

	/** One request as documented, from which each attempt changes one thing; values are already encoded. */
	private record Request(Operation operation, Map<String, String> path, Map<String, String> query,
			HttpHeaders headers, byte[] body) {

		Request withPath(String variable, String value) {
			Map<String, String> changed = new LinkedHashMap<>(path);
			changed.put(variable, value);
			return new Request(operation, changed, query, headers, body);
		}

		Request withQuery(String parameter, String value) {
			Map<String, String> changed = new LinkedHashMap<>(query);
			changed.put(parameter, value);
			return new Request(operation, path, changed, headers, body);
		}

		Request withHeader(String name, String value) {
			HttpHeaders changed = new HttpHeaders();
			changed.addAll(headers);
			changed.set(name, value);
			return new Request(operation, path, query, changed, body);
		}

		Request withBody(byte[] changed) {
			return new Request(operation, path, query, headers, changed);
		}

		Attempt attempt(String label, boolean mustRefuse) {
			String uri = operation.path;
			for (Map.Entry<String, String> variable : path.entrySet()) {
				uri = uri.replace("{" + variable.getKey() + "}", variable.getValue());
			}
			if (!query.isEmpty()) {
				uri += query.entrySet()
					.stream()
					.map(parameter -> encode(parameter.getKey()) + "=" + parameter.getValue())
					.collect(Collectors.joining("&", "?", ""));
			}
			return new Attempt(label, mustRefuse, operation.method, uri, headers, body);
		}

	}

}
