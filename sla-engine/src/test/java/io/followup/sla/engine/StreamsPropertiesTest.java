package io.followup.sla.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.config.EngineConfig;
import io.followup.sla.metrics.EngineMetrics;
import io.followup.sla.policy.PolicyHolder;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.streams.TopicNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kafka Streams settings the engine starts with, and that a user's streams.* keys win. */
class StreamsPropertiesTest {

  private static final String COMPRESSION =
      StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG);

  @TempDir Path dataDir;

  private final PolicyHolder policy = new PolicyHolder(PolicyLoader.builtInDefault());
  private final EngineMetrics metrics =
      new EngineMetrics(
          new SimpleMeterRegistry(), policy, TopicNames.DEFAULTS.leadEventTopics(), 10);

  private Properties streamsProperties(Map<String, String> extra) throws Exception {
    Map<String, String> values = new HashMap<>(extra);
    values.put(EngineConfig.BOOTSTRAP_SERVERS, "unused:9092");
    values.put(EngineConfig.DATA_DIR, dataDir.toString());
    return SlaEngine.streamsProperties(
        EngineConfig.of(values),
        Map.of(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092"),
        TopicNames.DEFAULTS,
        metrics,
        Optional.empty());
  }

  @Test
  void theProducerCompressesAndStaysExactlyOnce() throws Exception {
    Properties props = streamsProperties(Map.of());

    assertThat(props.get(COMPRESSION)).isEqualTo("zstd");
    assertThat(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
        .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    // Kafka Streams itself accepts the setting as a producer config.
    assertThat(
            new StreamsConfig(props)
                .getProducerConfigs("client")
                .get(ProducerConfig.COMPRESSION_TYPE_CONFIG))
        .isEqualTo("zstd");
  }

  @Test
  void aUsersStreamsKeyChoosesAnotherCompression() throws Exception {
    Properties props = streamsProperties(Map.of("streams." + COMPRESSION, "lz4"));

    assertThat(props.get(COMPRESSION)).isEqualTo("lz4");
  }
}
