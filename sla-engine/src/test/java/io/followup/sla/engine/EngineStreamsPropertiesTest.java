package io.followup.sla.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.config.ConfigException;
import io.followup.sla.config.EngineConfig;
import io.followup.sla.streams.EngineListener;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kafka Streams settings that decide failover, restarts and cross-topic order. */
class EngineStreamsPropertiesTest {

  private static final String INSTANCE_ID =
      StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
  private static final String SESSION_TIMEOUT =
      StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG);

  @TempDir Path dir;

  private Properties properties(Map<String, String> extra) throws ConfigException {
    Map<String, String> values = new HashMap<>();
    values.put(EngineConfig.BOOTSTRAP_SERVERS, "unused:9092");
    values.put(EngineConfig.DATA_DIR, dir.resolve("a").toString());
    values.putAll(extra);
    EngineConfig config = EngineConfig.of(values);
    return SlaEngine.streamsProperties(
        config, Map.of(), config.topics(), EngineListener.NONE, Optional.empty());
  }

  @Test
  void aRestartedInstanceComesBackUnderTheSameStaticMembershipId() throws Exception {
    String first = (String) properties(Map.of()).get(INSTANCE_ID);
    String again = (String) properties(Map.of()).get(INSTANCE_ID);
    String otherDataDir =
        (String)
            properties(Map.of(EngineConfig.DATA_DIR, dir.resolve("b").toString())).get(INSTANCE_ID);

    assertThat(first).isNotBlank().isEqualTo(again).matches("[a-z0-9._-]+");
    // Two instances on one host have two data directories, so two ids: neither fences the other.
    assertThat(otherDataDir).isNotEqualTo(first);
  }

  @Test
  void theMembershipIdCanBeSetAndIsMadeLegalForKafka() throws Exception {
    assertThat(properties(Map.of(EngineConfig.INSTANCE_ID, "Pod sla-0")).get(INSTANCE_ID))
        .isEqualTo("pod_sla-0");
  }

  @Test
  void theIdFollowsTheHostAndTheDataDirectory() {
    assertThat(InstanceIdentity.derive("node-1", Path.of("/srv/sla")))
        .startsWith("sla-node-1-")
        .isEqualTo(InstanceIdentity.derive("node-1", Path.of("/srv/sla/../sla")))
        .isNotEqualTo(InstanceIdentity.derive("node-2", Path.of("/srv/sla")));
  }

  @Test
  void standbysSessionTimeoutAndTaskIdlingHaveSafeDefaults() throws Exception {
    Properties props = properties(Map.of());
    assertThat(props.get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(1);
    assertThat(props.get(SESSION_TIMEOUT)).isEqualTo(30_000);
    assertThat(props.get(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG)).isEqualTo(1_000L);
    // Kafka Streams accepts them as they are.
    StreamsConfig accepted = new StreamsConfig(withApplicationDefaults(props));
    assertThat(accepted.getLong(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG)).isEqualTo(1_000L);
    assertThat(
            accepted
                .getMainConsumerConfigs("group", "client", 0)
                .get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG))
        .isEqualTo(props.get(INSTANCE_ID) + "-0");
  }

  @Test
  void theEnginesKeysAndTheUsersStreamsKeysOverrideTheDefaults() throws Exception {
    Properties props =
        properties(
            Map.of(
                EngineConfig.MAX_TASK_IDLE,
                "PT0.5S",
                EngineConfig.SESSION_TIMEOUT,
                "PT10S",
                "streams.num.standby.replicas",
                "0"));
    assertThat(props.get(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG)).isEqualTo(500L);
    assertThat(props.get(SESSION_TIMEOUT)).isEqualTo(10_000);
    assertThat(props.get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo("0");
  }

  private static Properties withApplicationDefaults(Properties props) {
    Properties copy = new Properties();
    copy.putAll(props);
    copy.putIfAbsent(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    return copy;
  }
}
