package io.followup.sla.faults;

import io.followup.sla.events.SlaAlert;
import io.followup.sla.serde.SchemaRegistryClient;
import io.followup.sla.serde.SpecificAvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The alerts a subscriber sees, compared with the alerts owed. Read as the README tells subscribers
 * to read them, {@code isolation.level=read_committed}: what an aborted transaction of a killed
 * engine wrote is not there.
 */
final class AlertLedger {

  /** One alert's identity: the same breach recomputed has the same id and kind. */
  record Key(String alertId, String kind) implements Comparable<Key> {
    static Key of(SlaAlert a) {
      return new Key(a.getAlertId(), a.getKind());
    }

    @Override
    public int compareTo(Key o) {
      int c = alertId.compareTo(o.alertId);
      return c != 0 ? c : kind.compareTo(o.kind);
    }
  }

  /** Expected against seen: what is missing, what came twice, what was never owed. */
  record Comparison(
      int expected, int seen, List<Key> missing, Map<Key, Long> duplicated, List<Key> extra) {

    boolean exact() {
      return missing.isEmpty() && duplicated.isEmpty() && extra.isEmpty();
    }

    @Override
    public String toString() {
      return "expected %d, seen %d, missing %d %s, duplicated %d %s, extra %d %s"
          .formatted(
              expected,
              seen,
              missing.size(),
              head(missing),
              duplicated.size(),
              head(List.copyOf(duplicated.keySet())),
              extra.size(),
              head(extra));
    }

    private static String head(List<Key> keys) {
      return keys.isEmpty() ? "" : keys.subList(0, Math.min(5, keys.size())).toString();
    }
  }

  private AlertLedger() {}

  static Comparison compare(List<SlaAlert> expected, List<SlaAlert> seen) {
    Map<Key, Long> owed = count(expected);
    Map<Key, Long> got = count(seen);
    List<Key> missing = owed.keySet().stream().filter(k -> !got.containsKey(k)).toList();
    List<Key> extra = got.keySet().stream().filter(k -> !owed.containsKey(k)).toList();
    Map<Key, Long> duplicated = new TreeMap<>();
    got.forEach(
        (k, n) -> {
          if (n > 1) {
            duplicated.put(k, n);
          }
        });
    return new Comparison(expected.size(), seen.size(), missing, duplicated, extra);
  }

  private static Map<Key, Long> count(List<SlaAlert> alerts) {
    return alerts.stream()
        .collect(Collectors.groupingBy(Key::of, TreeMap::new, Collectors.counting()));
  }

  /** Every committed alert in the topic, from its beginning to its last stable offset. */
  static List<SlaAlert> readAll(
      String bootstrapServers, String topic, SchemaRegistryClient registry) {
    List<SlaAlert> alerts = new ArrayList<>();
    try (KafkaConsumer<String, SlaAlert> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new StringDeserializer(),
            new SpecificAvroDeserializer<>(registry, SlaAlert.class))) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      // Under read_committed the end offsets are the last stable ones.
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read " + topic + " to its end within 60 s");
        }
        consumer.poll(Duration.ofMillis(500)).forEach(r -> alerts.add(r.value()));
      }
    }
    return alerts;
  }

  /** The leads the given alerts are about, to say which kind of lead went wrong. */
  static List<String> leadsOf(List<Key> keys, List<SlaAlert> alerts) {
    return alerts.stream()
        .filter(a -> keys.contains(Key.of(a)))
        .map(SlaAlert::getLeadId)
        .distinct()
        .toList();
  }

  /** Which leads each kind of discrepancy is about: the first thing to look up in the logs. */
  static String leadsAffected(Comparison c, List<SlaAlert> owed, List<SlaAlert> seen) {
    return "leads missing alerts %s, duplicated %s, extra %s"
        .formatted(
            leadsOf(c.missing(), owed),
            leadsOf(List.copyOf(c.duplicated().keySet()), seen),
            leadsOf(c.extra(), seen));
  }

  /** How many of each kind, for the record of a run. */
  static Map<String, Long> byKind(List<SlaAlert> alerts) {
    return alerts.stream()
        .collect(Collectors.groupingBy(SlaAlert::getKind, TreeMap::new, Collectors.counting()));
  }
}
