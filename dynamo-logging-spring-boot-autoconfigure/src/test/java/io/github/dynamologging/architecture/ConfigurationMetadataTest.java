package io.github.dynamologging.architecture;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.dynamologging.output.OutputProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code dynamo.logging} properties tree as the configuration processor wrote it from the properties classes'
 * Javadoc (what IDEs complete and {@code /actuator/configprops} describes) and as docs/configuration.md lists it:
 * every property described, each bound by one class only, a default wherever one applies, and the docs' table
 * naming every property with the same default.
 */
class ConfigurationMetadataTest {

	/** Properties that have no default on purpose: unset means something of its own. */
	private static final Map<String, String> UNSET_ON_PURPOSE = Map.of(
			"dynamo.logging.config-path", "no TOML file named; the default file still applies",
			"dynamo.logging.config-dump-path", "no dump file",
			"dynamo.logging.file-format", "Boot's format when Boot's file settings are set, else the console's",
			"dynamo.logging.request-rules.key", "nothing signed or honoured across services",
			"dynamo.logging.export.enabled", "the starter sets nothing, Boot's own properties decide",
			"dynamo.logging.fields", "no extra field",
			"dynamo.logging.caller-data-skip-packages", "only the logging frameworks are passed over");

	/** A row of the property table in docs/configuration.md: property, default, meaning. */
	private static final Pattern DOCUMENTED = Pattern.compile("^\\| `(dynamo\\.logging\\.[a-z0-9.\\-]+)` \\| ([^|]*) \\|");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static List<JsonNode> dynamoProperties() throws IOException, URISyntaxException {
		Path classes = Path.of(OutputProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		JsonNode metadata = JSON.readTree(classes.resolve("META-INF/spring-configuration-metadata.json").toFile());
		List<JsonNode> properties = new ArrayList<>();
		metadata.get("properties").forEach((property) -> {
			if (property.get("name").asString().startsWith("dynamo.logging.")) {
				properties.add(property);
			}
		});
		assertThat(properties).as("the dynamo.logging properties in the metadata").hasSizeGreaterThan(30);
		return properties;
	}

	private static String name(JsonNode property) {
		return property.get("name").asString();
	}

	@Test
	void everyPropertyHasADescription() throws Exception {
		List<String> undescribed = dynamoProperties().stream()
			.filter((property) -> !property.hasNonNull("description") || property.get("description").asString().isBlank())
			.map(ConfigurationMetadataTest::name)
			.toList();
		assertThat(undescribed).as("properties without Javadoc on their field").isEmpty();
	}

	@Test
	void everyPropertyHasItsDefaultUnlessUnsetMeansSomething() throws Exception {
		List<JsonNode> properties = dynamoProperties();
		List<String> withoutDefault = properties.stream()
			.filter((property) -> !property.hasNonNull("defaultValue"))
			.map(ConfigurationMetadataTest::name)
			.filter((name) -> !UNSET_ON_PURPOSE.containsKey(name))
			.toList();
		assertThat(withoutDefault)
			.as("properties whose default the metadata does not show: initialise the field, or add the property to "
					+ "UNSET_ON_PURPOSE with what unset means")
			.isEmpty();
		Set<String> names = properties.stream().map(ConfigurationMetadataTest::name).collect(Collectors.toSet());
		assertThat(names).as("properties UNSET_ON_PURPOSE names").containsAll(UNSET_ON_PURPOSE.keySet());
	}

	@Test
	void noPropertyIsBoundByTwoClasses() throws Exception {
		Map<String, List<String>> sourceTypes = new TreeMap<>();
		dynamoProperties().forEach((property) -> sourceTypes.computeIfAbsent(name(property), (name) -> new ArrayList<>())
			.add(property.get("sourceType").asString()));
		assertThat(sourceTypes).allSatisfy((name, types) -> assertThat(types).as(name).hasSize(1));
	}

	@Test
	void theReferenceListsEveryPropertyWithItsDefault() throws Exception {
		Map<String, String> documented = new LinkedHashMap<>();
		for (String line : Files.readAllLines(Path.of("../docs/configuration.md"))) {
			Matcher row = DOCUMENTED.matcher(line);
			if (row.find()) {
				assertThat(documented.put(row.group(1), row.group(2).trim())).as("%s listed twice", row.group(1)).isNull();
			}
		}
		assertThat(documented.keySet()).as("the properties listed in docs/configuration.md")
			.containsExactlyInAnyOrderElementsOf(dynamoProperties().stream().map(ConfigurationMetadataTest::name).toList());
		for (JsonNode property : dynamoProperties()) {
			String cell = documented.get(name(property));
			if (property.hasNonNull("defaultValue")) {
				assertThat(cell).as("the default of %s in docs/configuration.md", name(property))
					.isEqualTo("`" + defaultText(property.get("defaultValue")) + "`");
			}
			else {
				assertThat(cell).as("the default of %s in docs/configuration.md", name(property)).doesNotStartWith("`");
			}
		}
	}

	/** How the table writes a default: as the property would be set. */
	private static String defaultText(JsonNode value) {
		return value.isString() ? value.asString() : value.toString();
	}

}
