package io.followup.sla.connect.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.followup.sla.connect.avro.WireFormatAvroConverter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.api.Test;

/**
 * The example connector configs shipped in the plugin's etc/: each names one of the transforms,
 * whose own ConfigDef accepts every setting the example gives it; each writes through the Avro
 * converter, has a dead letter topic, and holds secrets only as config provider references.
 */
class ExampleConfigsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EXAMPLES = Path.of("src/main/plugin/etc");

  @Test
  void everyExampleIsAcceptedByItsTransform() throws Exception {
    Map<String, JsonNode> examples = examples();
    assertThat(examples.keySet())
        .containsExactlyInAnyOrder(
            "crm-mapping-salesforce-leads.json",
            "crm-mapping-salesforce-activities.json",
            "crm-mapping-hubspot.json",
            "crm-mapping-marketo.json");
    for (Map.Entry<String, JsonNode> example : examples.entrySet()) {
      Map<String, String> config = strings(example.getValue().path("config"));
      String name = example.getKey();
      assertThat(config)
          .as(name)
          .containsEntry("value.converter", WireFormatAvroConverter.class.getName())
          .containsEntry("transforms", "sla")
          .containsKey("transforms.sla.dead-letter.topic");
      Transformation<?> transform =
          (Transformation<?>)
              Class.forName(config.get("transforms.sla.type"))
                  .getDeclaredConstructor()
                  .newInstance();
      Map<String, String> own = new HashMap<>();
      config.forEach(
          (key, value) -> {
            if (key.startsWith("transforms.sla.") && !key.equals("transforms.sla.type")) {
              own.put(key.substring("transforms.sla.".length()), value);
            }
          });
      assertThat(transform.config().configKeys().keySet()).as(name).containsAll(own.keySet());
      List<ConfigValue> values = transform.config().validate(own);
      assertThat(values)
          .as(name)
          .allSatisfy(v -> assertThat(v.errorMessages()).as(v.name()).isEmpty());
      transform.configure(own);
      config.forEach(
          (key, value) -> {
            boolean secret =
                key.contains("password") || key.contains("secret") || key.endsWith(".token");
            if (secret) {
              assertThat(value).as(name + ": " + key).matches("\\$\\{(file|env):.+}");
            }
          });
    }
  }

  private static Map<String, JsonNode> examples() throws IOException {
    Map<String, JsonNode> examples = new TreeMap<>();
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      for (Path file : files.toList()) {
        examples.put(file.getFileName().toString(), JSON.readTree(file.toFile()));
      }
    }
    return examples;
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> map = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      map.put(field.getKey(), field.getValue().asText());
    }
    return map;
  }
}
