package io.followup.sla.faults;

import io.followup.sla.events.SlaAlert;
import io.followup.sla.serde.SchemaRegistryClient;
import io.followup.sla.serde.SpecificAvroDeserializer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A subscriber that stays on {@code sla.alerts} (read committed) for a whole scenario and notes
 * when it first saw each alert: how late an alert came compared with when replay says it was due is
 * what a sales manager waiting for it experiences during a failover.
 */
final class AlertWatch implements AutoCloseable {

  private final KafkaConsumer<String, SlaAlert> consumer;
  private final Map<AlertLedger.Key, Instant> firstSeen = new HashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  AlertWatch(String bootstrapServers, String topic, SchemaRegistryClient registry) {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new StringDeserializer(),
            new SpecificAvroDeserializer<>(registry, SlaAlert.class));
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    thread = new Thread(this::run, "alert-watch");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (running) {
        var records = consumer.poll(Duration.ofMillis(200));
        Instant now = Instant.now();
        synchronized (this) {
          records.forEach(r -> firstSeen.putIfAbsent(AlertLedger.Key.of(r.value()), now));
        }
      }
    } catch (WakeupException e) {
      // closing
    }
  }

  /** When the alert with this identity was first read, if it was. */
  synchronized Optional<Instant> firstSeen(SlaAlert alert) {
    return Optional.ofNullable(firstSeen.get(AlertLedger.Key.of(alert)));
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(10_000);
    consumer.close(Duration.ofSeconds(5));
  }
}
