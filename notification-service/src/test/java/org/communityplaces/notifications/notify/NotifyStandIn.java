package org.communityplaces.notifications.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local GOV.UK Notify that checks each request as Notify's published API requires: a bearer
 * token signed HS256 with the key's secret, issued by the service id, at most 30 seconds old;
 * a JSON body with exactly the fields Notify knows for that kind of message, its required ones
 * present, the template id ours and personalisation a map of strings. A request that breaks
 * any of it gets Notify's own error shape (403 for the token, 400 for the body), and the
 * violation is kept for the test to see. Answers can be set to fail for outage tests.
 */
final class NotifyStandIn implements AutoCloseable {

	static final String SERVICE_ID = "26785a09-ab16-4eb0-8407-a37497a57506";

	static final String SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0";

	static final String API_KEY = "community_places_test-" + SERVICE_ID + "-" + SECRET;

	static final String EMAIL_TEMPLATE = "217a419e-6a7d-482a-9596-718b889dffce";

	static final String TEXT_TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a";

	static final String LETTER_TEMPLATE = "8a7c1e0d-3b5f-4d2a-9e6c-1f0b2d4c6e8a";

	private static final String LETTER = "/v2/notifications/letter";

	/** A UK postcode as Notify reads the last line of an address. */
	private static final Pattern UK_POSTCODE = Pattern.compile("(?i)^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$");

	private static final Map<String, Set<String>> FIELDS = Map.of("/v2/notifications/email",
			Set.of("email_address", "template_id", "personalisation", "reference", "email_reply_to_id",
					"one_click_unsubscribe_url"),
			"/v2/notifications/sms",
			Set.of("phone_number", "template_id", "personalisation", "reference", "sms_sender_id"), LETTER,
			Set.of("template_id", "personalisation", "reference"));

	private static final Map<String, String> ADDRESS_FIELD = Map.of("/v2/notifications/email", "email_address",
			"/v2/notifications/sms", "phone_number");

	private static final Map<String, String> TEMPLATE = Map.of("/v2/notifications/email", EMAIL_TEMPLATE,
			"/v2/notifications/sms", TEXT_TEMPLATE, LETTER, LETTER_TEMPLATE);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpServer server;

	private final List<Accepted> accepted = new CopyOnWriteArrayList<>();

	private final List<String> violations = new CopyOnWriteArrayList<>();

	private final Deque<Integer> failures = new ArrayDeque<>();

	/** A message Notify took: which kind, and its body. */
	record Accepted(String path, JsonNode body) {
	}

	NotifyStandIn() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/", this::handle);
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	List<Accepted> accepted() {
		return accepted;
	}

	List<String> violations() {
		return violations;
	}

	/** The next requests are answered with these statuses, in turn, before any is taken. */
	synchronized void failNext(Integer... statuses) {
		failures.addAll(List.of(statuses));
	}

	void reset() {
		accepted.clear();
		violations.clear();
		synchronized (this) {
			failures.clear();
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			byte[] body = exchange.getRequestBody().readAllBytes();
			if (!"POST".equals(exchange.getRequestMethod()) || !FIELDS.containsKey(path)) {
				answer(exchange, 404, "ResourceNotFound", "Not found");
				return;
			}
			String tokenProblem = tokenProblem(exchange.getRequestHeaders().getFirst("Authorization"));
			if (tokenProblem != null) {
				violations.add(tokenProblem);
				answer(exchange, 403, "AuthError", tokenProblem);
				return;
			}
			String bodyProblem = bodyProblem(path, exchange.getRequestHeaders().getFirst("Content-Type"), body);
			if (bodyProblem != null) {
				violations.add(bodyProblem);
				answer(exchange, 400, "ValidationError", bodyProblem);
				return;
			}
			Integer failure;
			synchronized (this) {
				failure = failures.poll();
			}
			if (failure != null) {
				answer(exchange, failure, failure == 429 ? "RateLimitError" : "Exception", "Failing as the test asked");
				return;
			}
			accepted.add(new Accepted(path, json.readTree(body)));
			byte[] created = json.writeValueAsBytes(Map.of("id", UUID.randomUUID().toString(), "content", Map.of(),
					"uri", url() + "/v2/notifications/x", "template", Map.of("id", TEMPLATE.get(path), "version", 1)));
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(201, created.length);
			exchange.getResponseBody().write(created);
		}
	}

	private static String tokenProblem(String authorization) {
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			return "Unauthorized: authentication token must be provided";
		}
		try {
			SignedJWT token = SignedJWT.parse(authorization.substring("Bearer ".length()));
			if (!JWSAlgorithm.HS256.equals(token.getHeader().getAlgorithm())) {
				return "Invalid token: algorithm used is not HS256";
			}
			if (!token.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))) {
				return "Invalid token: API key not found";
			}
			if (!SERVICE_ID.equals(token.getJWTClaimsSet().getIssuer())) {
				return "Invalid token: service id in the iss claim is not ours";
			}
			if (token.getJWTClaimsSet().getIssueTime() == null) {
				return "Invalid token: iat field not provided";
			}
			Instant issued = token.getJWTClaimsSet().getIssueTime().toInstant();
			if (Duration.between(issued, Instant.now()).abs().compareTo(Duration.ofSeconds(30)) > 0) {
				return "Error: Your system clock must be accurate to within 30 seconds";
			}
			return null;
		}
		catch (Exception unreadable) {
			return "Invalid token: signature, api token is not valid";
		}
	}

	private static String bodyProblem(String path, String contentType, byte[] body) {
		if (contentType == null || !contentType.startsWith("application/json")) {
			return "Content-Type must be application/json";
		}
		JsonNode message;
		try {
			message = json.readTree(body);
		}
		catch (RuntimeException unreadable) {
			return "Invalid JSON supplied in POST data";
		}
		List<String> problems = new ArrayList<>();
		message.propertyNames().forEach(field -> {
			if (!FIELDS.get(path).contains(field)) {
				problems.add("Additional properties are not allowed (" + field + " was unexpected)");
			}
		});
		String addressField = ADDRESS_FIELD.get(path);
		if (addressField != null
				&& (!message.path(addressField).isString() || message.path(addressField).asString().isBlank())) {
			problems.add(addressField + " is a required property");
		}
		if (path.equals(LETTER)) {
			problems.addAll(addressProblems(message.path("personalisation")));
		}
		if (!TEMPLATE.get(path).equals(message.path("template_id").asString(null))) {
			problems.add("template_id is not one of this service's templates");
		}
		JsonNode personalisation = message.path("personalisation");
		if (!personalisation.isMissingNode()
				&& (!personalisation.isObject() || personalisation.valueStream().anyMatch(value -> !value.isString()))) {
			problems.add("personalisation must be a map of strings");
		}
		if (message.has("reference") && !message.get("reference").isString()) {
			problems.add("reference is not of type string");
		}
		return problems.isEmpty() ? null : String.join("; ", problems);
	}

	/**
	 * A letter's address as Notify's API documentation describes it: in the personalisation as
	 * {@code address_line_1} to {@code address_line_7}, {@code address_line_1} required, at least
	 * three lines given, no more than seven, the first two with letters or numbers in them, and
	 * the last a real UK postcode.
	 */
	private static List<String> addressProblems(JsonNode personalisation) {
		List<String> lines = new ArrayList<>();
		for (int line = 1; line <= 7; line++) {
			JsonNode value = personalisation.path("address_line_" + line);
			if (value.isString() && !value.asString().isBlank()) {
				lines.add(value.asString());
			}
		}
		List<String> problems = new ArrayList<>();
		if (personalisation.has("address_line_8")) {
			problems.add("Address must be no more than 7 lines long");
		}
		if (!personalisation.path("address_line_1").isString()) {
			problems.add("personalisation address_line_1 is a required property");
		}
		if (lines.size() < 3) {
			problems.add("Address must be at least 3 lines long");
			return problems;
		}
		if (lines.subList(0, 2).stream().anyMatch(line -> !line.matches(".*[\\p{L}\\p{N}].*"))) {
			problems.add("The first 2 lines of the address must contain letters or numbers");
		}
		if (!UK_POSTCODE.matcher(lines.get(lines.size() - 1).strip()).matches()) {
			problems.add("Last line of address must be a real UK postcode or another country");
		}
		return problems;
	}

	private static void answer(HttpExchange exchange, int status, String error, String message) throws IOException {
		byte[] body = json.writeValueAsBytes(
				Map.of("status_code", status, "errors", List.of(Map.of("error", error, "message", message))));
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
