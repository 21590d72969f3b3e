package io.followup.sla.streams;

import io.followup.sla.review.TeamClock;
import io.followup.sla.serde.EventSerdes;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The weekly review's part of the topology, a sub-topology of its own: the rule processors' clock
 * events re-keyed by team through the team-clocks topic (a few dozen bytes each, only clocks with a
 * team), folded per team, reviews out to the weekly-reviews topic.
 */
final class TeamReviewTopology {

  static final String LEAD_TEAM_CLOCKS = "team-clocks-out";
  static final String ACCOUNT_TEAM_CLOCKS = "account-team-clocks-out";
  static final String TEAM_CLOCKS_IN = "team-clocks-in";
  static final String TEAM_REVIEWS = "team-reviews";
  static final String WEEKLY_REVIEWS = "weekly-reviews";

  private TeamReviewTopology() {}

  /**
   * Adds the team-clocks sinks under the two rule processors and the review sub-topology.
   *
   * @param leadRules the lead processor's node name
   * @param accountRules the account processor's node name
   */
  static void addTo(
      Topology topology,
      TopicNames topics,
      EventSerdes serdes,
      EngineSettings settings,
      String leadRules,
      String accountRules) {
    Serde<TeamClock> clocks = StateSerdes.teamClocks();
    // One sink per rule processor, as for alerts: a shared sink would join their sub-topologies.
    topology.addSink(
        LEAD_TEAM_CLOCKS,
        topics.teamClocks(),
        new StringSerializer(),
        clocks.serializer(),
        leadRules);
    topology.addSink(
        ACCOUNT_TEAM_CLOCKS,
        topics.teamClocks(),
        new StringSerializer(),
        clocks.serializer(),
        accountRules);
    topology.addSource(
        TEAM_CLOCKS_IN, new StringDeserializer(), clocks.deserializer(), topics.teamClocks());
    topology.addProcessor(TEAM_REVIEWS, () -> new TeamReviewProcessor(settings), TEAM_CLOCKS_IN);
    topology.addSink(
        WEEKLY_REVIEWS,
        topics.weeklyReviews(),
        new StringSerializer(),
        serdes.reviews(),
        TEAM_REVIEWS);
    // Few keys (one a team; one a breached clock still open) and cached: a team's counts changed
    // many times within a commit reach RocksDB and the changelog once.
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.TEAM_WEEKS),
                Serdes.String(),
                StateSerdes.teamWeeks())
            .withCachingEnabled(),
        TEAM_REVIEWS);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.TEAM_OPEN_CLOCKS),
                Serdes.String(),
                Serdes.ByteArray())
            .withCachingEnabled(),
        TEAM_REVIEWS);
  }
}
