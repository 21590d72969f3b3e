package io.followup.sla.connect.alerts.reps;

import io.followup.sla.connect.alerts.routing.RepDirectory;
import io.followup.sla.events.RepProfile;
import io.followup.sla.serde.AvroSerdeException;
import io.followup.sla.serde.SchemaRegistryClient;
import io.followup.sla.serde.SpecificAvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compacted {@code sales.reps} topic held in the task: read to its end when the task starts,
 * then topped up before each batch of alerts, so a profile change (new manager, out of office)
 * routes the next alert. The consumer is assigned every partition and commits nothing: the topic is
 * the state, read from the start each time.
 */
public final class RepCache implements RepDirectory, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RepCache.class);

  private final KafkaConsumer<String, byte[]> consumer;
  private final SpecificAvroDeserializer<RepProfile> values;
  private final String topic;
  private final Map<String, RepProfile> reps = new HashMap<>();
  private int unreadable;

  private RepCache(
      KafkaConsumer<String, byte[]> consumer,
      SpecificAvroDeserializer<RepProfile> values,
      String topic) {
    this.consumer = consumer;
    this.values = values;
    this.topic = topic;
  }

  /** Opens the cache over {@code topic} and reads it to its end. */
  public static RepCache open(
      String topic,
      Map<String, Object> clientProps,
      SchemaRegistryClient registry,
      Duration timeout) {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    RepCache cache =
        new RepCache(consumer, new SpecificAvroDeserializer<>(registry, RepProfile.class), topic);
    try {
      cache.load(timeout);
    } catch (RuntimeException e) {
      consumer.close();
      throw e;
    }
    return cache;
  }

  private void load(Duration timeout) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
    if (infos == null || infos.isEmpty()) {
      throw new ConnectException(
          "the reps topic " + topic + " does not exist: alerts cannot be routed to people");
    }
    List<TopicPartition> partitions = new ArrayList<>();
    for (PartitionInfo p : infos) {
      partitions.add(new TopicPartition(topic, p.partition()));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
      if (System.nanoTime() > deadline) {
        throw new ConnectException("timed out reading the reps topic " + topic);
      }
      apply(consumer.poll(Duration.ofMillis(200)));
    }
    log.info("Read {} rep profiles from {}", reps.size(), topic);
  }

  /** Applies what arrived since the last call, without waiting. */
  public void refresh() {
    apply(consumer.poll(Duration.ZERO));
  }

  private void apply(Iterable<ConsumerRecord<String, byte[]>> records) {
    for (ConsumerRecord<String, byte[]> r : records) {
      if (r.key() == null) {
        continue;
      }
      if (r.value() == null) {
        reps.remove(r.key());
        continue;
      }
      try {
        reps.put(r.key(), values.deserialize(r.topic(), r.value()));
      } catch (AvroSerdeException e) {
        // One bad profile must not stop delivery to everyone else; its rep falls to the default
        // route until a readable version arrives.
        unreadable++;
        log.warn(
            "Skipped an unreadable rep profile at {}-{}@{}: {}",
            r.topic(),
            r.partition(),
            r.offset(),
            e.getMessage());
      }
    }
  }

  @Override
  public Optional<RepProfile> find(String repId) {
    return repId == null ? Optional.empty() : Optional.ofNullable(reps.get(repId));
  }

  @Override
  public java.util.Collection<RepProfile> all() {
    return List.copyOf(reps.values());
  }

  public int size() {
    return reps.size();
  }

  public int unreadable() {
    return unreadable;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
