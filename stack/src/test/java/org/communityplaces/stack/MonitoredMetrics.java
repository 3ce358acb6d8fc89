package org.communityplaces.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metric names the committed Grafana dashboards and Prometheus rules read: every PromQL
 * expression in {@code deploy/}, less functions, keywords, labels and the rules' own recorded
 * series.
 */
final class MonitoredMetrics {

	private static final Set<String> PROMQL_WORDS = Set.of("sum", "avg", "max", "min", "count", "rate", "increase",
			"deriv", "histogram_quantile", "by", "without", "and", "or", "unless", "on", "ignoring", "group_left",
			"group_right", "bool", "offset", "label_values", "abs", "clamp_min", "clamp_max", "irate", "delta", "topk",
			"bottomk", "vector", "scalar", "time");

	private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	private MonitoredMetrics() {
	}

	/** Every expression in the dashboards and rule files under {@code deploy/}. */
	static List<String> expressions(Path root) {
		List<String> expressions = new ArrayList<>();
		JsonMapper json = JsonMapper.builder().build();
		try (var dashboards = Files.list(root.resolve("deploy/grafana/dashboards"))) {
			for (Path dashboard : dashboards.toList()) {
				for (JsonNode panel : json.readTree(dashboard.toFile()).get("panels")) {
					for (JsonNode target : panel.get("targets")) {
						expressions.add(target.get("expr").asString());
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try (var ruleFiles = Files.list(root.resolve("deploy/prometheus/rules"))) {
			for (Path file : ruleFiles.toList()) {
				Map<String, List<Map<String, Object>>> rules = new Yaml().load(Files.readString(file));
				for (Map<String, Object> group : rules.get("groups")) {
					@SuppressWarnings("unchecked")
					List<Map<String, Object>> groupRules = (List<Map<String, Object>>) group.get("rules");
					groupRules.forEach(rule -> expressions.add(String.valueOf(rule.get("expr"))));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return expressions;
	}

	/** The exported metric names those expressions read (recorded series, named with colons, are left out). */
	static Set<String> named(Path root) {
		Set<String> names = new TreeSet<>();
		for (String expression : expressions(root)) {
			String bare = expression.replaceAll("\\{[^}]*}", " ")
				.replaceAll("\\[[^]]*]", " ")
				.replaceAll("\"[^\"]*\"", " ")
				.replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ");
			Matcher matcher = IDENTIFIER.matcher(bare);
			while (matcher.find()) {
				String word = matcher.group();
				boolean function = bare.substring(matcher.end()).stripLeading().startsWith("(");
				if (!function && !PROMQL_WORDS.contains(word) && !word.contains(":") && !word.startsWith("$")) {
					names.add(word);
				}
			}
		}
		return names;
	}

}
