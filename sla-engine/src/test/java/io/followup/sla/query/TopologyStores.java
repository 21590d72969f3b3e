package io.followup.sla.query;

import io.followup.sla.policy.Policy;
import io.followup.sla.streams.EngineSettings;
import io.followup.sla.streams.LiveTopology;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The engine's real topology under {@code TopologyTestDriver} ({@link LiveTopology}), fed through
 * its topics, with its stores offered to the query side as one instance's stores (one task per
 * sub-topology, partition 0). Not thread-safe: feed first, then query.
 */
public final class TopologyStores implements StoreAccess, AutoCloseable {

  private final LiveTopology live;

  public TopologyStores(Policy policy, Path stateDir, Instant start) {
    live = new LiveTopology(policy, EngineSettings.DEFAULTS, stateDir, start);
  }

  /** Moves the wall clock on, so the engine's punctuator finds the deadlines passed. */
  public void advanceWallClock(java.time.Duration by) {
    live.driver().advanceWallClockTime(by);
  }

  /** Pipes one event or rep profile to its topic, keyed as its producers key it. */
  public void pipe(SpecificRecord record, Instant at) {
    live.pipe(record, at);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V> ReadOnlyKeyValueStore<K, V> store(String name, Integer partition, boolean stale) {
    return (ReadOnlyKeyValueStore<K, V>) live.driver().getKeyValueStore(name);
  }

  @Override
  public Set<Integer> activePartitions(String name) {
    return Set.of(0);
  }

  @Override
  public void close() {
    live.close();
  }
}
