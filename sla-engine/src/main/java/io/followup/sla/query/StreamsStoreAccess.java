package io.followup.sla.query;

import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** The stores of a running Kafka Streams instance, through interactive queries. */
public final class StreamsStoreAccess implements StoreAccess {

  private final KafkaStreams streams;

  public StreamsStoreAccess(KafkaStreams streams) {
    this.streams = streams;
  }

  @Override
  public <K, V> ReadOnlyKeyValueStore<K, V> store(String name, Integer partition, boolean stale) {
    StoreQueryParameters<ReadOnlyKeyValueStore<K, V>> params =
        StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore());
    if (partition != null) {
      params = params.withPartition(partition);
    }
    if (stale) {
      params = params.enableStaleStores();
    }
    return streams.store(params);
  }

  @Override
  public Set<Integer> activePartitions(String name) {
    Set<Integer> partitions = new TreeSet<>();
    streams
        .metadataForLocalThreads()
        .forEach(
            thread ->
                thread
                    .activeTasks()
                    .forEach(
                        task -> {
                          if (holds(name, task.taskId().partition())) {
                            partitions.add(task.taskId().partition());
                          }
                        }));
    return partitions;
  }

  private boolean holds(String name, int partition) {
    try {
      // A store handle is made lazily: only using it finds out whether this partition's task here
      // has the store (its partition number may be another sub-topology's task).
      store(name, partition, false).approximateNumEntries();
      return true;
    } catch (InvalidStateStoreException e) {
      return false;
    }
  }
}
