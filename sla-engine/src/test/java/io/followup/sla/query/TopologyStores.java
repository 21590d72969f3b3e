package io.followup.sla.query;

import io.followup.sla.events.RepProfile;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyHolder;
import io.followup.sla.registry.InProcessSchemaRegistryClient;
import io.followup.sla.registry.SchemaRegistry;
import io.followup.sla.rules.LeadEvents;
import io.followup.sla.rules.SlaRules;
import io.followup.sla.serde.EventSerdes;
import io.followup.sla.serde.SchemaRegistryClient;
import io.followup.sla.serde.SpecificAvroSerializer;
import io.followup.sla.streams.EngineListener;
import io.followup.sla.streams.EngineSettings;
import io.followup.sla.streams.SlaTopology;
import io.followup.sla.streams.TopicNames;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The engine's real topology under {@link TopologyTestDriver}, fed through its topics, with its
 * stores offered to the query side as one instance's stores (one task per sub-topology, partition
 * 0). Not thread-safe: feed first, then query.
 */
public final class TopologyStores implements StoreAccess, AutoCloseable {

  private final SchemaRegistryClient registry =
      new InProcessSchemaRegistryClient(SchemaRegistry.inMemory());
  private final TopicNames topics = TopicNames.DEFAULTS;
  private final TopologyTestDriver driver;
  private final Map<String, TestInputTopic<String, SpecificRecord>> inputs = new HashMap<>();

  public TopologyStores(Policy policy, Path stateDir, Instant start) {
    var topology =
        SlaTopology.build(
            topics,
            EventSerdes.using(registry, true),
            SlaRules.standard(),
            new PolicyHolder(policy),
            EngineSettings.DEFAULTS,
            EngineListener.NONE);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "query-topology");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(topology, props, start);
  }

  /** Moves the wall clock on, so the engine's punctuator finds the deadlines passed. */
  public void advanceWallClock(java.time.Duration by) {
    driver.advanceWallClockTime(by);
  }

  /** Pipes one event or rep profile to its topic, keyed as its producers key it. */
  public void pipe(SpecificRecord record, Instant at) {
    String topic;
    String key;
    if (record instanceof RepProfile rep) {
      topic = topics.reps();
      key = rep.getRepId();
    } else {
      topic = topics.topicOf(record);
      key = LeadEvents.leadId(record);
    }
    inputs
        .computeIfAbsent(
            topic,
            t ->
                driver.createInputTopic(
                    t,
                    new StringSerializer(),
                    new SpecificAvroSerializer<SpecificRecord>(registry, true)))
        .pipeInput(key, record, at);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V> ReadOnlyKeyValueStore<K, V> store(String name, Integer partition, boolean stale) {
    return (ReadOnlyKeyValueStore<K, V>) driver.getKeyValueStore(name);
  }

  @Override
  public Set<Integer> activePartitions(String name) {
    return Set.of(0);
  }

  @Override
  public void close() {
    driver.close();
  }
}
