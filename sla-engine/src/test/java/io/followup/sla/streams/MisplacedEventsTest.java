package io.followup.sla.streams;

import static io.followup.sla.rules.TestEvents.T0;
import static io.followup.sla.rules.TestEvents.at;
import static io.followup.sla.rules.TestEvents.created;
import static io.followup.sla.rules.TestEvents.h;
import static io.followup.sla.rules.TestEvents.touch;
import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.PolicyHolder;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.registry.InProcessSchemaRegistryClient;
import io.followup.sla.registry.SchemaRegistry;
import io.followup.sla.rules.LeadEvents;
import io.followup.sla.rules.SlaRules;
import io.followup.sla.serde.EventSerdes;
import io.followup.sla.serde.SchemaRegistryClient;
import io.followup.sla.serde.SpecificAvroDeserializer;
import io.followup.sla.serde.SpecificAvroSerializer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lead events from a producer with another partitioner than Java's (librdkafka's default hashes
 * with CRC32) sit on another partition than their key's. The engine finds them and re-routes them
 * through its own topic to the partition of their key, so all of a lead's events meet in one state.
 * The test driver reads every topic as partition 0: a key the Java producer puts on partition 1 or
 * 2 of three is misplaced there.
 */
class MisplacedEventsTest {

  private static final TopicNames TOPICS = TopicNames.DEFAULTS;
  private static final int PARTITIONS = 3;

  @TempDir Path stateDir;

  private final SchemaRegistryClient registry =
      new InProcessSchemaRegistryClient(SchemaRegistry.inMemory());
  private final List<String> deadLettered = new ArrayList<>();
  private final List<String> rerouted = new ArrayList<>();
  private TopologyTestDriver driver;

  private void start(Map<String, Integer> partitions) {
    EngineListener listener =
        new EngineListener() {
          @Override
          public void deadLettered(String sourceTopic, String reasonCode) {
            deadLettered.add(sourceTopic + " " + reasonCode);
          }

          @Override
          public void rerouted(String sourceTopic) {
            rerouted.add(sourceTopic);
          }
        };
    var topology =
        SlaTopology.build(
            TOPICS,
            EventSerdes.using(registry, true),
            SlaRules.standard(),
            new PolicyHolder(PolicyLoader.builtInDefault()),
            EngineSettings.DEFAULTS.withPlacement(new KeyPlacement(partitions)),
            listener);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "misplaced-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(topology, props, T0);
  }

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
  }

  /** A lead id the Java producer puts on partition {@code partition} of three. */
  private static String leadOnPartition(int partition) {
    return IntStream.range(0, 1000)
        .mapToObj(i -> "L-" + i)
        .filter(
            id ->
                BuiltInPartitioner.partitionForKey(id.getBytes(StandardCharsets.UTF_8), PARTITIONS)
                    == partition)
        .findFirst()
        .orElseThrow();
  }

  private void send(SpecificRecord event) {
    driver
        .createInputTopic(
            TOPICS.topicOf(event),
            new StringSerializer(),
            new SpecificAvroSerializer<SpecificRecord>(registry, true))
        .pipeInput(LeadEvents.leadId(event), event, LeadEvents.occurredAt(event));
  }

  private List<SlaAlert> alerts() {
    return driver
        .createOutputTopic(
            TOPICS.alerts(),
            new StringDeserializer(),
            new SpecificAvroDeserializer<>(registry, SlaAlert.class))
        .readValuesToList();
  }

  @Test
  void theJavaProducersPartitionIsTheOneExpected() {
    KeyPlacement placement = new KeyPlacement(Map.of("t", 12));
    for (int i = 0; i < 200; i++) {
      byte[] key = ("L-" + i).getBytes(StandardCharsets.UTF_8);
      assertThat(placement.expectedPartition("t", key))
          .isEqualTo(BuiltInPartitioner.partitionForKey(key, 12));
    }
    assertThat(placement.expectedPartition("unchecked", new byte[] {1})).isEqualTo(-1);
  }

  @Test
  void misplacedEventsAreReroutedToTheirKeysPartitionAndAppliedThere() {
    // The misplaced-events topic itself is read as partition 0 here too: left unchecked.
    start(
        Map.of(
            TOPICS.leadCreated(), PARTITIONS,
            TOPICS.repTouched(), PARTITIONS));
    String misplaced = leadOnPartition(2);

    send(created(misplaced, h(0), "INBOUND_FORM", null, "R-DANA"));
    send(touch(misplaced, h(1), "R-DANA"));
    driver.advanceWallClockTime(Duration.between(T0, at(h(30))));

    assertThat(rerouted).containsExactly(TOPICS.leadCreated(), TOPICS.repTouched());
    List<TestRecord<byte[], byte[]>> through =
        driver
            .createOutputTopic(
                TOPICS.misplacedEvents(), new ByteArrayDeserializer(), new ByteArrayDeserializer())
            .readRecordsToList();
    assertThat(through).hasSize(2);
    assertThat(
            new String(
                through.get(0).headers().lastHeader(LeadEventDecoder.REROUTED_FROM).value(),
                StandardCharsets.UTF_8))
        .isEqualTo(TOPICS.leadCreated() + "/0/0");
    // Both events reached the one state: the touch stopped the clock, nothing breached.
    assertThat(alerts()).isEmpty();
    assertThat(deadLettered).isEmpty();
  }

  @Test
  void eventsInPlaceAreNotRerouted() {
    start(Map.of(TOPICS.leadCreated(), PARTITIONS));
    send(created(leadOnPartition(0), h(0), "INBOUND_FORM", null, "R-DANA"));
    driver.advanceWallClockTime(Duration.between(T0, at(h(30))));

    assertThat(rerouted).isEmpty();
    assertThat(alerts()).extracting(SlaAlert::getKind).contains("BREACHED");
  }

  @Test
  void anEventStillMisplacedAfterOneRerouteIsDeadLetteredNotLoopedAgain() {
    start(
        Map.of(
            TOPICS.leadCreated(), PARTITIONS,
            TOPICS.misplacedEvents(), PARTITIONS));
    send(created(leadOnPartition(1), h(0), "INBOUND_FORM", null, "R-DANA"));

    assertThat(rerouted).containsExactly(TOPICS.leadCreated());
    assertThat(deadLettered).containsExactly(TOPICS.misplacedEvents() + " wrong-partition");
  }
}
