package io.github.dynamologging.schema;

import java.io.IOException;
import java.io.InputStream;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped schema file itself, as a reader of the file (Loki rules, other languages) sees it. */
class LogLineSchemaTest {

	private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

	private final JsonNode schema = readSchema();

	@Test
	void isAValidDraft202012Schema() {
		// The meta-schema comes from the validator's own resources: no network.
		Schema metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
			.getSchema(SchemaLocation.of(DRAFT_2020_12));
		assertThat(metaSchema.validate(this.schema)).isEmpty();
		assertThat(this.schema.get("$schema").asString()).isEqualTo(DRAFT_2020_12);
	}

	@Test
	void hasAnIdATitleAndADescriptionOfEveryKey() {
		assertThat(this.schema.get("$id").asString()).startsWith("https://").endsWith("/log-line.schema.json");
		assertThat(this.schema.get("title").asString()).isNotBlank();
		assertThat(this.schema.get("description").asString()).isNotBlank();
		assertThat(this.schema.get("properties").properties())
			.allSatisfy((property) -> assertThat(property.getValue().path("description").asString())
				.as("description of %s", property.getKey())
				.isNotBlank());
	}

	@Test
	void requiresTheSixLeadingKeysAndAllowsAnyOtherKey() {
		assertThat(this.schema.get("required").valueStream().map(JsonNode::asString))
			.containsExactlyElementsOf(LogLineValidator.LEADING_KEYS);
		assertThat(this.schema.get("additionalProperties").asBoolean()).isTrue();
	}

	private static JsonNode readSchema() {
		try (InputStream in = LogLineSchemaTest.class.getClassLoader()
			.getResourceAsStream(LogLineValidator.SCHEMA_RESOURCE)) {
			assertThat(in).as(LogLineValidator.SCHEMA_RESOURCE).isNotNull();
			return JsonMapper.shared().readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
