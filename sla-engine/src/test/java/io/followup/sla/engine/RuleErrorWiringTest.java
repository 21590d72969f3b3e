package io.followup.sla.engine;

import static io.followup.sla.rules.TestEvents.T0;
import static io.followup.sla.rules.TestEvents.created;
import static io.followup.sla.rules.TestEvents.h;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.followup.sla.config.ConfigException;
import io.followup.sla.config.EngineConfig;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.metrics.EngineMetrics;
import io.followup.sla.policy.PolicyHolder;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.registry.InProcessSchemaRegistryClient;
import io.followup.sla.registry.SchemaRegistry;
import io.followup.sla.serde.EventSerdes;
import io.followup.sla.serde.SchemaRegistryClient;
import io.followup.sla.serde.SpecificAvroSerializer;
import io.followup.sla.streams.BuggyRules;
import io.followup.sla.streams.DeadLetters;
import io.followup.sla.streams.EngineSettings;
import io.followup.sla.streams.SlaTopology;
import io.followup.sla.streams.TopicNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's own Kafka Streams settings (not a test's) send a record that rule code cannot apply
 * to the dead-letter topic in the engine's dialect, count it, and go on.
 */
class RuleErrorWiringTest {

  private static final TopicNames TOPICS = TopicNames.DEFAULTS;

  @TempDir Path dataDir;

  private Properties engineProperties(Map<String, String> extra) throws ConfigException {
    Map<String, String> values = new HashMap<>(extra);
    values.put(EngineConfig.BOOTSTRAP_SERVERS, "unused:9092");
    values.put(EngineConfig.DATA_DIR, dataDir.toString());
    EngineConfig config = EngineConfig.of(values);
    return SlaEngine.streamsProperties(
        config,
        Map.of(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092"),
        TOPICS,
        metrics,
        Optional.empty());
  }

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final PolicyHolder policy = new PolicyHolder(PolicyLoader.builtInDefault());
  private final EngineMetrics metrics =
      new EngineMetrics(meters, policy, TOPICS.leadEventTopics(), 10);

  @Test
  void aRuleErrorIsADeadLetterInTheEnginesDialectAndIsCounted() throws Exception {
    SchemaRegistryClient registry = new InProcessSchemaRegistryClient(SchemaRegistry.inMemory());
    var topology =
        SlaTopology.build(
            TOPICS,
            EventSerdes.using(registry, true),
            BuggyRules.standard(),
            policy,
            EngineSettings.DEFAULTS,
            metrics);
    // The test driver knows no fetch lag of the event topics it is not fed, so with the engine's
    // bounded wait for them (engine.max-task-idle) it would hold every record back.
    Properties props = engineProperties(Map.of(EngineConfig.MAX_TASK_IDLE, "PT0S"));
    try (TopologyTestDriver driver = new TopologyTestDriver(topology, props)) {
      var leads =
          driver.createInputTopic(
              TOPICS.leadCreated(),
              new StringSerializer(),
              new SpecificAvroSerializer<LeadCreated>(registry, true));
      LeadCreated buggy =
          created(BuggyRules.LEAD_PREFIX + "-7", h(0), "RFP_REQUEST", "HOT", "R-DANA");
      leads.pipeInput(buggy.getLeadId(), buggy, T0);
      leads.pipeInput("L-fine", created("L-fine", h(0), "RFP_REQUEST", "HOT", "R-DANA"), T0);

      List<TestRecord<byte[], byte[]>> dead =
          driver
              .createOutputTopic(
                  TOPICS.deadLetters(), new ByteArrayDeserializer(), new ByteArrayDeserializer())
              .readRecordsToList();
      assertThat(dead).hasSize(1);
      assertThat(new String(dead.get(0).key(), StandardCharsets.UTF_8))
          .isEqualTo(buggy.getLeadId());
      assertThat(dead.get(0).headers().toArray())
          .extracting(Header::key)
          .containsExactlyInAnyOrder(
              DeadLetters.TOPIC, DeadLetters.PARTITION, DeadLetters.OFFSET, DeadLetters.REASON);
      assertThat(
              new String(
                  dead.get(0).headers().lastHeader(DeadLetters.REASON).value(),
                  StandardCharsets.UTF_8))
          .startsWith("rule-error: java.lang.IllegalStateException");
      assertThat(
              meters
                  .get("sla.dead.letters")
                  .tag("topic", TOPICS.leadCreated())
                  .tag("reason", "rule-error")
                  .counter()
                  .count())
          .isEqualTo(1.0);
      assertThat(meters.get("sla.events.applied").tag("type", "LeadCreated").counter().count())
          .as("the next lead is applied as usual")
          .isEqualTo(1.0);
    }
  }

  @Test
  void kafkaStreamsOwnDeadLettersCannotBeAimedAtTheEnginesTopic() throws Exception {
    assertThat(engineProperties(Map.of()))
        .doesNotContainKey(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    assertThatThrownBy(
            () ->
                engineProperties(
                    Map.of(
                        "streams." + StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG,
                        TOPICS.deadLetters())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(TOPICS.deadLetters());
  }
}
