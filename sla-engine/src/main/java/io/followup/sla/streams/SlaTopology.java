package io.followup.sla.streams;

import io.followup.sla.policy.PolicyHolder;
import io.followup.sla.rules.BuyingGroupMember;
import io.followup.sla.rules.SlaRules;
import io.followup.sla.serde.EventSerdes;
import io.followup.sla.step.AccountStep;
import io.followup.sla.step.LeadStep;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the engine's topology, and only that: lead events in, decoded or dead-lettered, folded by
 * the lead rules into per-lead state and a deadline index; each lead's buying-group view re-keyed
 * by account through its own topic to the account rule; alerts out; clock events re-keyed by team
 * to the weekly review ({@link TeamReviewTopology}). Topics and serdes come in.
 */
public final class SlaTopology {

  static final String LEAD_EVENTS = "lead-events";
  static final String DECODE = "decode";
  static final String LEAD_RULES = "lead-rules";
  static final String MEMBERS_OUT = "buying-group-members-out";
  static final String MEMBERS_IN = "buying-group-members-in";
  static final String ACCOUNT_RULES = "account-rules";
  static final String ALERTS = "alerts";
  static final String ACCOUNT_ALERTS = "account-alerts";
  static final String DEAD_LETTERS = "dead-letters";
  static final String REROUTE = "misplaced-events-out";
  static final String REPS_SOURCE = "reps-source";
  static final String REPS_UPDATER = "reps-updater";
  static final String POLICIES_SOURCE = "policies-source";
  static final String POLICIES_UPDATER = "policies-updater";

  private SlaTopology() {}

  public static Topology build(
      TopicNames topics,
      EventSerdes serdes,
      SlaRules rules,
      PolicyHolder policy,
      EngineSettings settings,
      EngineListener listener) {
    Serde<BuyingGroupMember> members = StateSerdes.members();
    Topology topology = new Topology();

    // The misplaced-events topic feeds the same source: a re-routed event comes back on the task
    // that holds its lead (see LeadEventDecoder).
    List<String> eventSources = new ArrayList<>(topics.leadEventTopics());
    eventSources.add(topics.misplacedEvents());
    topology.addSource(
        LEAD_EVENTS,
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer(),
        eventSources.toArray(String[]::new));
    topology.addProcessor(
        DECODE,
        () ->
            new LeadEventDecoder(
                serdes.leadEvents(),
                LEAD_RULES,
                DEAD_LETTERS,
                REROUTE,
                topics.misplacedEvents(),
                listener,
                settings),
        LEAD_EVENTS);
    topology.addSink(
        REROUTE,
        topics.misplacedEvents(),
        new ByteArraySerializer(),
        new ByteArraySerializer(),
        DECODE);
    topology.addProcessor(
        LEAD_RULES,
        () ->
            new LeadSlaProcessor(
                new LeadStep(rules.leads(), settings.step()),
                policy,
                settings,
                listener,
                ALERTS,
                MEMBERS_OUT,
                TeamReviewTopology.LEAD_TEAM_CLOCKS),
        DECODE);
    topology.addSink(
        MEMBERS_OUT,
        topics.buyingGroupMembers(),
        new StringSerializer(),
        members.serializer(),
        LEAD_RULES);

    topology.addSource(
        MEMBERS_IN, new StringDeserializer(), members.deserializer(), topics.buyingGroupMembers());
    topology.addProcessor(
        ACCOUNT_RULES,
        () ->
            new AccountCoverageProcessor(
                new AccountStep(rules.accounts(), settings.step()),
                policy,
                settings,
                listener,
                ACCOUNT_ALERTS,
                TeamReviewTopology.ACCOUNT_TEAM_CLOCKS),
        MEMBERS_IN);

    // One alerts sink per rule processor: a sink shared by both would join them into one
    // sub-topology, and buying-group views would wait behind the lead-event backlog in its tasks.
    topology.addSink(ALERTS, topics.alerts(), new StringSerializer(), serdes.alerts(), LEAD_RULES);
    topology.addSink(
        ACCOUNT_ALERTS, topics.alerts(), new StringSerializer(), serdes.alerts(), ACCOUNT_RULES);
    TeamReviewTopology.addTo(topology, topics, serdes, settings, LEAD_RULES, ACCOUNT_RULES);
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
                StateSerdes.leads())
            // A lead's events come in bursts (created, assigned, touched): the cache writes its
            // state once per commit instead of once per event, to RocksDB and to the changelog.
            .withCachingEnabled(),
        LEAD_RULES);
    // The indexes are cached too: a deadline set and cleared again within one commit reaches
    // RocksDB and the changelog once (or as one tombstone), and the punctuator's scans read
    // through the cache. The open-clock counts have no store: each task counts them from its
    // states when it opens (ClockTally), one changelog partition less in every transaction.
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.DEADLINE_INDEX),
                Serdes.Bytes(),
                Serdes.ByteArray())
            .withCachingEnabled(),
        LEAD_RULES);
    // The retention schedules live in the deadline-index stores (RetentionIndex). The stores that
    // held them before stay, in memory, only to hand an upgraded engine their entries: restored
    // from their changelogs, emptied into the index when the task opens, never written after.
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(StoreNames.LEAD_RETENTION),
            Serdes.Bytes(),
            Serdes.ByteArray()),
        LEAD_RULES);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(StoreNames.ACCOUNT_RETENTION),
            Serdes.Bytes(),
            Serdes.ByteArray()),
        ACCOUNT_RULES);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.ACCOUNT_STATE),
                Serdes.String(),
                StateSerdes.accounts())
            .withCachingEnabled(),
        ACCOUNT_RULES);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.ACCOUNT_DEADLINES),
                Serdes.Bytes(),
                Serdes.ByteArray())
            .withCachingEnabled(),
        ACCOUNT_RULES);

    // A global store with a processor of its own is restored by running the topic's records
    // through that processor again, so a restore keeps what the updater keeps (for policies: only
    // accepted versions). The store uses the topic's own serdes all the same.
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
    topology.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.POLICIES),
                Serdes.String(),
                serdes.policies())
            .withLoggingDisabled(),
        POLICIES_SOURCE,
        new StringDeserializer(),
        new ByteArrayDeserializer(),
        topics.policies(),
        POLICIES_UPDATER,
        () ->
            new PolicyUpdater(
                serdes.policies().deserializer(), topics.policies(), policy, listener));
    return topology;
  }
}
