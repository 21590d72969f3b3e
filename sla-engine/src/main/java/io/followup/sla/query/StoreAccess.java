package io.followup.sla.query;

import java.util.Set;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** The engine's state stores on this instance, as the query side reads them. */
public interface StoreAccess {

  /**
   * One store: of one partition's task, or of every task here when {@code partition} is null.
   *
   * @param stale whether a standby's copy will do
   * @throws org.apache.kafka.streams.errors.InvalidStateStoreException when it cannot be read now
   *     (the instance is starting or rebalancing, or holds no such task)
   */
  <K, V> ReadOnlyKeyValueStore<K, V> store(String name, Integer partition, boolean stale);

  /** The partitions whose active task on this instance holds the store. */
  Set<Integer> activePartitions(String name);
}
