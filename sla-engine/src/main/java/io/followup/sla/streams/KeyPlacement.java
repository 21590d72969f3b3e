package io.followup.sla.streams;

import java.util.Map;
import org.apache.kafka.common.utils.Utils;

/**
 * Where a lead event belongs: the partition Kafka's Java producer picks for its key (murmur2 of the
 * key bytes, modulo the topic's partitions). All of a lead's events must meet on one task, and the
 * engine's own writes and every Java client put them there. A client with another partitioner
 * (librdkafka's default {@code consistent_random} hashes with CRC32) puts the same key elsewhere,
 * and the lead's events land on two tasks with two states: a touch on one never stops the clock on
 * the other.
 */
public final class KeyPlacement {

  /** Checks nothing: for drivers that feed one partition per topic. */
  public static final KeyPlacement UNCHECKED = new KeyPlacement(Map.of());

  private final Map<String, Integer> partitionsByTopic;

  /**
   * @param partitionsByTopic the partition count of each topic to check; others are not checked
   */
  public KeyPlacement(Map<String, Integer> partitionsByTopic) {
    this.partitionsByTopic = Map.copyOf(partitionsByTopic);
  }

  /**
   * The partition the Java producer would have chosen for {@code key} on {@code topic}, or -1 when
   * the topic is not checked.
   */
  public int expectedPartition(String topic, byte[] key) {
    Integer partitions = partitionsByTopic.get(topic);
    if (partitions == null || partitions < 1 || key == null) {
      return -1;
    }
    return Utils.toPositive(Utils.murmur2(key)) % partitions;
  }

  /** True when the record sits where its key says it should, or the topic is not checked. */
  public boolean inPlace(String topic, int partition, byte[] key) {
    int expected = expectedPartition(topic, key);
    return expected < 0 || partition < 0 || expected == partition;
  }
}
