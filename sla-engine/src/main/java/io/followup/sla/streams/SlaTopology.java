package io.followup.sla.streams;

import io.followup.sla.policy.Policy;
import io.followup.sla.rules.LeadRuleEngine;
import io.followup.sla.rules.LeadState;
import io.followup.sla.serde.EventSerdes;
import io.followup.sla.serde.JsonSerde;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the engine's topology, and only that: lead events in, decoded or dead-lettered, folded by
 * the rule core into per-lead state and a deadline index, alerts out. Topics and serdes come in.
 */
public final class SlaTopology {

  static final String LEAD_EVENTS = "lead-events";
  static final String DECODE = "decode";
  static final String RULES = "lead-rules";
  static final String ALERTS = "alerts";
  static final String DEAD_LETTERS = "dead-letters";
  static final String REPS_SOURCE = "reps-source";
  static final String REPS_UPDATER = "reps-updater";

  private SlaTopology() {}

  public static Topology build(
      TopicNames topics,
      EventSerdes serdes,
      LeadRuleEngine engine,
      Supplier<Policy> policy,
      EngineSettings settings,
      EngineListener listener) {
    Topology topology = new Topology();
    topology.addSource(
        LEAD_EVENTS,
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer(),
        topics.leadEventTopics().toArray(String[]::new));
    topology.addProcessor(
        DECODE,
        () -> new LeadEventDecoder(serdes.leadEvents(), RULES, DEAD_LETTERS, listener),
        LEAD_EVENTS);
    topology.addProcessor(
        RULES, () -> new LeadSlaProcessor(engine, policy, settings, listener), DECODE);
    topology.addSink(ALERTS, topics.alerts(), new StringSerializer(), serdes.alerts(), RULES);
    topology.addSink(
        DEAD_LETTERS,
        topics.deadLetters(),
        new ByteArraySerializer(),
        new ByteArraySerializer(),
        DECODE);

    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.LEAD_STATE),
            Serdes.String(),
            new JsonSerde<>(LeadState.class)),
        RULES);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.DEADLINE_INDEX),
            Serdes.Bytes(),
            Serdes.ByteArray()),
        RULES);
    topology.addStateStore(
        Stores.windowStoreBuilder(
            Stores.persistentWindowStore(
                StoreNames.SEEN_EVENTS,
                settings.duplicateWindow(),
                settings.duplicateWindow(),
                false),
            Serdes.String(),
            Serdes.Long()),
        RULES);
    // A few keys a task: kept in memory, restored from its changelog with the clocks it counts.
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(StoreNames.OPEN_CLOCK_COUNTS),
            Serdes.String(),
            Serdes.Long()),
        RULES);

    // Restoring a global store copies the topic's bytes as they are, so the store uses the topic's
    // own serdes: what the updater writes and what a restore copies read the same way.
    topology.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.REPS), Serdes.String(), serdes.reps())
            .withLoggingDisabled(),
        REPS_SOURCE,
        new StringDeserializer(),
        new ByteArrayDeserializer(),
        topics.reps(),
        REPS_UPDATER,
        () -> new RepProfileUpdater(serdes.reps().deserializer(), topics.reps()));
    return topology;
  }
}
