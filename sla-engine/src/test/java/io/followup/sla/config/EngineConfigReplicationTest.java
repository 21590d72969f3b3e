package io.followup.sla.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineConfigReplicationTest {

  @Test
  void theClustersDefaultUnlessAFactorIsSet() throws ConfigException {
    assertThat(EngineConfig.of(Map.of()).replicationFactor()).isEmpty();
    assertThat(EngineConfig.of(Map.of(EngineConfig.TOPIC_REPLICATION, "3")).replicationFactor())
        .contains((short) 3);
  }

  @Test
  void aFactorThatIsNoNumberOfReplicasIsRefusedInOneLine() {
    assertThatThrownBy(
            () -> EngineConfig.of(Map.of(EngineConfig.TOPIC_REPLICATION, "0")).replicationFactor())
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Invalid value 0 for configuration topics.replication-factor: Value must be at least"
                + " 1");
    assertThatThrownBy(
            () ->
                EngineConfig.of(Map.of(EngineConfig.TOPIC_REPLICATION, "three"))
                    .replicationFactor())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("topics.replication-factor");
  }
}
