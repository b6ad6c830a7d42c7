package io.github.dynamologging.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.dynamologging.config.internal.LoggingConfigFile;
import io.github.dynamologging.filter.FilterLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files under {@code examples/kubernetes} parse, and agree with each other and with the starter:
 * the Deployment mounts the ConfigMap where {@code DYN_LOGGING_CONFIG_PATH} points, the ConfigMap's TOML
 * is one the starter accepts, the collector's pipelines only name parts it defines, and the Grafana and
 * Alloy files read the fields a JSONL line really has.
 */
class KubernetesExamplesTest {

	private static final Path EXAMPLES = Path.of("..", "examples", "kubernetes");

	private static final YAMLMapper YAML = new YAMLMapper();

	private static final Path SCHEMA = Path.of("..", "dynamo-logging-test-support", "src", "main", "resources",
			"META-INF", "dynamo-logging", "log-line.schema.json");

	private static final String JSONL_LINE = "{\"time\":\"2026-12-02T10:00:00.000001Z\",\"level\":\"INFO\","
			+ "\"file\":\"com/example/orders/Api.java\",\"line\":12,\"target\":\"com.example.orders.Api\","
			+ "\"message\":\"hello\",\"span_id\":\"00f067aa0ba902b7\","
			+ "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"x_request_id\":\"abc\"}";

	@Test
	void deploymentMountsTheConfigMapWhereTheConfigPathPoints() throws IOException {
		JsonNode configMap = yaml("logging-configmap.yaml");
		JsonNode pod = yaml("deployment.yaml").at("/spec/template/spec");
		JsonNode container = pod.at("/containers/0");

		String configPath = env(container, "DYN_LOGGING_CONFIG_PATH");
		JsonNode mount = container.at("/volumeMounts/0");
		assertThat(mount.has("subPath")).as("a subPath mount never sees ConfigMap updates").isFalse();
		assertThat(Path.of(configPath).getParent()).isEqualTo(Path.of(mount.get("mountPath").asString()));

		JsonNode volume = pod.at("/volumes/0");
		assertThat(volume.get("name").asString()).isEqualTo(mount.get("name").asString());
		assertThat(volume.at("/configMap/name").asString()).isEqualTo(configMap.at("/metadata/name").asString());
		assertThat(configMap.at("/data").has(Path.of(configPath).getFileName().toString())).isTrue();
		assertThat(env(container, "DYNAMO_LOGGING_CONFIGWATCH")).isEqualTo("true");
		JsonNode deployment = yaml("deployment.yaml");
		assertThat(deployment.at("/spec/selector/matchLabels/app").asString())
			.isEqualTo(deployment.at("/spec/template/metadata/labels/app").asString());
	}

	@Test
	void configMapHoldsALoggingFileTheStarterAccepts(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("logging.toml");
		Files.writeString(file, yaml("logging-configmap.yaml").at("/data/logging.toml").asString());

		LoggingConfigFile config = LoggingConfigFile.readIfExists(file).orElseThrow();

		assertThat(config.warnings()).isEmpty();
		assertThat(config.filter().rootLevel()).contains(FilterLevel.INFO);
		assertThat(config.filter().targetLevels()).containsEntry("com.example.orders", FilterLevel.DEBUG);
	}

	@Test
	void collectorHasTraceAndLogPipelinesFromTheOtlpPortTheServiceUses() throws IOException {
		JsonNode collector = yaml("otel-collector.yaml");
		JsonNode pipelines = collector.at("/service/pipelines");
		assertThat(names(pipelines)).contains("traces", "logs");
		for (String pipeline : names(pipelines)) {
			for (String part : List.of("receivers", "processors", "exporters")) {
				for (JsonNode name : pipelines.get(pipeline).path(part)) {
					assertThat(names(collector.get(part))).as("%s of pipeline %s", part, pipeline)
						.contains(name.asString());
				}
			}
		}
		String endpoint = env(yaml("deployment.yaml").at("/spec/template/spec/containers/0"),
				"OTEL_EXPORTER_OTLP_ENDPOINT");
		String grpcPort = collector.at("/receivers/otlp/protocols/grpc/endpoint").asString().replaceAll(".*:", "");
		assertThat(endpoint).endsWith(":" + grpcPort);
	}

	@Test
	void grafanaLinksTheTraceIdOfARealLine() throws IOException {
		JsonNode loki = yaml("grafana/datasources.yaml").at("/datasources/0");
		JsonNode derived = loki.at("/jsonData/derivedFields/0");
		Matcher matcher = Pattern.compile(derived.get("matcherRegex").asString()).matcher(JSONL_LINE);

		assertThat(matcher.find()).isTrue();
		assertThat(matcher.group(1)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		List<String> uids = new ArrayList<>();
		yaml("grafana/datasources.yaml").at("/datasources").forEach((ds) -> uids.add(ds.get("uid").asString()));
		assertThat(uids).contains(derived.get("datasourceUid").asString());
	}

	@Test
	void alloyReadsOnlyFieldsOfTheLineSchema() throws IOException {
		String alloy = Files.readString(EXAMPLES.resolve("alloy/config.alloy"));
		Matcher block = Pattern.compile("expressions\\s*=\\s*\\{([^}]*)}").matcher(alloy);
		assertThat(block.find()).isTrue();
		Matcher entry = Pattern.compile("(\\w+)\\s*=\\s*\"([^\"]+)\"").matcher(block.group(1));
		Set<String> fields = new LinkedHashSet<>();
		while (entry.find()) {
			fields.add(entry.group(2));
		}
		JsonNode schema = JsonMapper.shared().readTree(Files.readString(SCHEMA));

		assertThat(fields).isNotEmpty();
		assertThat(names(schema.get("properties"))).containsAll(fields);
		assertThat(JsonMapper.shared().readTree(JSONL_LINE).get("time").asString())
			.matches("\\d{4}-\\d\\d-\\d\\dT.*Z"); // the RFC 3339 stage.timestamp expects
	}

	private static JsonNode yaml(String name) throws IOException {
		return YAML.readTree(Files.readString(EXAMPLES.resolve(name)));
	}

	private static String env(JsonNode container, String name) {
		for (JsonNode env : container.get("env")) {
			if (env.get("name").asString().equals(name)) {
				return env.path("value").asString();
			}
		}
		throw new AssertionError("no env " + name + " in " + container);
	}

	private static Set<String> names(JsonNode object) {
		Set<String> names = new LinkedHashSet<>();
		if (object != null && object.isObject()) {
			for (Map.Entry<String, JsonNode> property : object.properties()) {
				names.add(property.getKey());
			}
		}
		return names;
	}

}
