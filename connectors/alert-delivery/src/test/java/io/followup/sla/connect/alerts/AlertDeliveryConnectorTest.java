package io.followup.sla.connect.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.connect.alerts.config.DeliveryConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkConnector;
import org.junit.jupiter.api.Test;

class AlertDeliveryConnectorTest {

  @Test
  void connectFindsItThroughServiceLoaderAndItReportsTheBuildsVersion() {
    List<String> found =
        ServiceLoader.load(SinkConnector.class).stream().map(p -> p.type().getName()).toList();

    assertThat(found).contains(AlertDeliveryConnector.class.getName());
    assertThat(new AlertDeliveryConnector().version()).isEqualTo("0.1.0");
  }

  @Test
  void validateReportsWhatAChannelLacksOnTheChannelsKey() {
    Map<String, String> props = new HashMap<>();
    props.put("kafka.bootstrap.servers", "localhost:9092");
    props.put("schema.registry.url", "http://localhost:8081");
    props.put("channels", "webhook");

    List<ConfigValue> values = new AlertDeliveryConnector().validate(props).configValues();

    assertThat(values)
        .filteredOn(v -> v.name().equals("channels"))
        .flatExtracting(ConfigValue::errorMessages)
        .containsExactly("webhook.url is required when channels has webhook");
  }

  @Test
  void everyTaskGetsTheSameSettings() {
    AlertDeliveryConnector connector = new AlertDeliveryConnector();
    Map<String, String> props =
        Map.of(
            "kafka.bootstrap.servers", "localhost:9092",
            "schema.registry.url", "http://localhost:8081",
            "email.smtp.host", "smtp.example.com",
            "email.from", "sla@example.com");
    connector.start(props);

    assertThat(connector.taskConfigs(3)).hasSize(3).allMatch(props::equals);
  }

  @Test
  void aStructOfTheAlertSchemaReadsBackAsTheGeneratedClassAndAnythingElseIsADataError() {
    Schema schema =
        SchemaBuilder.struct()
            .name("io.followup.sla.events.SlaAlert")
            .field("alertId", Schema.STRING_SCHEMA)
            .field("kind", Schema.STRING_SCHEMA)
            .field("ruleId", Schema.STRING_SCHEMA)
            .field("leadId", Schema.OPTIONAL_STRING_SCHEMA)
            .field("dueAt", Timestamp.SCHEMA)
            .field("detectedAt", Timestamp.SCHEMA)
            .field("summary", Schema.STRING_SCHEMA)
            .build();
    Struct struct =
        new Struct(schema)
            .put("alertId", "a")
            .put("kind", "WARNING")
            .put("ruleId", "first-touch")
            .put("dueAt", new java.util.Date(1000))
            .put("detectedAt", new java.util.Date(2000))
            .put("summary", "s");

    var alert = AlertStructs.toAlert(struct);

    assertThat(alert.getDueAt()).isEqualTo(java.time.Instant.ofEpochMilli(1000));
    assertThat(alert.getLeadId()).isNull();
    assertThat(alert.getUncoveredLeadIds()).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> AlertStructs.toAlert("text"))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith("not an SlaAlert: the value is a String");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> AlertStructs.toAlert(new Struct(schema).put("alertId", "a").put("kind", "W")))
        .isInstanceOf(DataException.class);
  }

  @Test
  void theReadmeDocumentsEveryConfigKey() throws IOException {
    String readme = Files.readString(Path.of("../../README.md"));

    for (String key : DeliveryConfig.CONFIG_DEF.names()) {
      assertThat(readme).as("README documents %s", key).contains("| `" + key + "` |");
    }
  }
}
