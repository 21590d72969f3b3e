package io.followup.sla.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.followup.sla.streams.EngineSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one definition of the engine's settings: checked at load, documented, read from the env. */
class EngineConfigDefTest {

  @Test
  void everyDeclaredSettingIsInTheReadme() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    for (String key : EngineConfigDef.DEFINITION.names()) {
      String documented =
          key.startsWith("topics.")
                  && !key.equals(EngineConfig.TOPIC_PARTITIONS)
                  && !key.equals(EngineConfig.TOPIC_REPLICATION)
              ? "`topics.<role>`"
              : key.contains(".ssl.") ? key.substring(0, key.lastIndexOf('.')) : key;
      assertThat(readme).as(key).contains(documented);
    }
    for (String role : EngineConfigDef.TOPIC_ROLES) {
      assertThat(readme).as("topics." + role).contains("`" + role + "`");
    }
  }

  @Test
  void aValueThatCannotWorkIsRefusedAtLoadInOneLine() {
    assertThatThrownBy(() -> load(Map.of("SLA_HTTP_PORT", "eighty")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Invalid value eighty for configuration http.port: Not a number of type INT");
    assertThatThrownBy(() -> load(Map.of("SLA_ENGINE_PUNCTUATE_INTERVAL", "1s")))
        .hasMessage(
            "engine.punctuate-interval must be an ISO-8601 duration such as PT1S, not '1s'");
    assertThatThrownBy(() -> load(Map.of("SLA_ENGINE_SESSION_TIMEOUT", "PT0S")))
        .hasMessage("engine.session-timeout must be more than zero, not PT0S");
    assertThatThrownBy(() -> load(Map.of("SLA_TOPICS_PARTITIONS", "0")))
        .hasMessage(
            "Invalid value 0 for configuration topics.partitions: Value must be at least 1");
    assertThatThrownBy(() -> load(Map.of("SLA_SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE", "PEM")))
        .hasMessageContaining("schema-registry.ssl.truststore.type");
  }

  @Test
  void zeroIdleIsAllowedWhereItMeansDoNotWait() throws ConfigException {
    assertThat(
            load(Map.of("SLA_ENGINE_MAX_TASK_IDLE", "PT0S")).duration(EngineConfig.MAX_TASK_IDLE))
        .isZero();
  }

  @Test
  void unsetSettingsTakeTheirDeclaredDefaults() throws ConfigException {
    EngineConfig config = load(Map.of());
    assertThat(config.intValue(EngineConfig.HTTP_PORT)).isEqualTo(8080);
    assertThat(config.duration(EngineConfig.SESSION_TIMEOUT)).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.duration(EngineConfig.MAX_TASK_IDLE)).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.string(EngineConfig.DATA_DIR)).isEqualTo("data");
    assertThat(config.engineSettings().punctuateInterval())
        .isEqualTo(EngineSettings.DEFAULTS.punctuateInterval());
    assertThat(config.engineSettings().stateRetention())
        .isEqualTo(EngineSettings.DEFAULTS.stateRetention());
  }

  @Test
  void everyDeclaredSettingCanComeFromTheEnvironment() throws ConfigException {
    for (String key : EngineConfigDef.DEFINITION.names()) {
      String value = key.endsWith("port") || key.endsWith("partitions") ? "1" : null;
      if (value == null) {
        continue;
      }
      assertThat(load(Map.of(EngineConfig.environmentName(key), value)).get(key))
          .as(key)
          .contains(value);
    }
    assertThat(load(Map.of("SLA_TOPICS_ALERTS", "team.alerts")).topics().alerts())
        .isEqualTo("team.alerts");
  }

  private static EngineConfig load(Map<String, String> environment) throws ConfigException {
    return EngineConfig.load(Optional.empty(), environment);
  }
}
