package io.followup.sla.connect.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.followup.sla.connect.avro.WireFormatAvroConverter;
import io.followup.sla.connect.crm.hubspot.HubSpotConfig;
import io.followup.sla.connect.crm.marketo.MarketoConfig;
import io.followup.sla.connect.crm.salesforce.SalesforceConfig;
import io.followup.sla.connect.crm.webhook.WebhookConfig;
import io.followup.sla.connect.crm.webhook.WebhookSourceConnector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.api.Test;

/**
 * The example connector configs shipped in the plugin's etc/: each is either a vendor's source
 * connector with one of the transforms, whose own ConfigDef accepts every setting the example gives
 * it, or the webhook source connector, whose validation (its own settings and each vendor's,
 * prefixed) accepts every setting; each writes through the Avro converter, has a dead letter topic,
 * and holds secrets only as config provider references. (WebhookReceiverIT validates them on a real
 * worker too.)
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
            "crm-mapping-marketo.json",
            "crm-mapping-salesforce-outbound.json");
    for (Map.Entry<String, JsonNode> example : examples.entrySet()) {
      Map<String, String> config = strings(example.getValue().path("config"));
      String name = example.getKey();
      assertThat(config)
          .as(name)
          .containsEntry("value.converter", WireFormatAvroConverter.class.getName());
      secretsAreProviderReferences(name, config);
      if (config.get("connector.class").equals(WebhookSourceConnector.class.getName())) {
        webhookExample(name, config);
        continue;
      }
      assertThat(config)
          .as(name)
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
    }
  }

  /** Every setting is the receiver's or a vendor's prefixed one, and validation finds no fault. */
  private static void webhookExample(String name, Map<String, String> config) {
    WebhookSourceConnector connector = new WebhookSourceConnector();
    Map<String, ConfigDef> vendors =
        Map.of(
            WebhookConfig.HUBSPOT_MAPPING_PREFIX, HubSpotConfig.CONFIG_DEF,
            WebhookConfig.SALESFORCE_MAPPING_PREFIX, SalesforceConfig.CONFIG_DEF,
            WebhookConfig.MARKETO_MAPPING_PREFIX, MarketoConfig.CONFIG_DEF);
    List<String> enabled = new ArrayList<>();
    for (String key : config.keySet()) {
      if (WORKER_KEYS.contains(key) || key.startsWith("value.converter.")) {
        continue;
      }
      if (connector.config().configKeys().containsKey(key)) {
        continue;
      }
      String prefix = key.substring(0, key.indexOf('.') + 1);
      assertThat(vendors).as(name + ": " + key).containsKey(prefix);
      assertThat(vendors.get(prefix).configKeys())
          .as(name + ": " + key)
          .containsKey(key.substring(prefix.length()));
      if (key.endsWith("dead-letter.topic")) {
        enabled.add(prefix);
      }
    }
    assertThat(enabled).as(name + ": a dead letter topic").isNotEmpty();
    assertThat(connector.validate(config).configValues())
        .as(name)
        .allSatisfy(v -> assertThat(v.errorMessages()).as(v.name()).isEmpty());
  }

  private static final Set<String> WORKER_KEYS =
      Set.of(
          "connector.class",
          "tasks.max",
          "key.converter",
          "value.converter",
          "errors.tolerance",
          "name");

  private static void secretsAreProviderReferences(String name, Map<String, String> config) {
    config.forEach(
        (key, value) -> {
          boolean secret =
              key.contains("password") || key.contains("secret") || key.endsWith(".token");
          if (secret && !key.endsWith(".header")) {
            assertThat(value).as(name + ": " + key).matches("\\$\\{(file|env):.+}");
          }
        });
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
