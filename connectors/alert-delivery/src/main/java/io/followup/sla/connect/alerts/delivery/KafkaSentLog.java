package io.followup.sla.connect.alerts.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.followup.sla.connect.alerts.routing.Channel;
import io.followup.sla.connect.alerts.routing.DeliveryKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * The dedup memory as a compacted topic, so it survives restarts and rebalances: one record per
 * sent delivery, key {@code ["alertId","kind","channel","recipientId"]} (JSON, so no id can collide
 * with a separator), value {@code {"sentAt": "..."}}. A task reads the whole topic when it starts
 * and again when it is given partitions, so it knows what any task sent before.
 *
 * <p>The order is send, then record: at-least-once senders plus this record make delivery
 * effectively once. A crash between a send and the acknowledgement of its record resends that one
 * message after the restart; the record is written and flushed right after each message, so the
 * window is one send's round trip to the broker.
 */
public final class KafkaSentLog implements SentLog, AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String topic;
  private final Map<String, Object> clientProps;
  private final Duration timeout;
  private final SentIndex index = new SentIndex();
  private final KafkaProducer<String, String> producer;

  private KafkaSentLog(String topic, Map<String, Object> clientProps, Duration timeout) {
    this.topic = topic;
    this.clientProps = clientProps;
    this.timeout = timeout;
    Map<String, Object> producerProps = new HashMap<>(clientProps);
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    this.producer =
        new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer());
  }

  /**
   * Opens the log over {@code topic}, creating it compacted if it is missing, and reads it.
   *
   * @param clientProps Kafka client settings: bootstrap servers and any security settings
   */
  public static KafkaSentLog open(String topic, Map<String, Object> clientProps, Duration timeout) {
    createIfMissing(topic, clientProps, timeout);
    KafkaSentLog log = new KafkaSentLog(topic, clientProps, timeout);
    log.catchUp();
    return log;
  }

  private static void createIfMissing(String topic, Map<String, Object> props, Duration timeout) {
    try (Admin admin = Admin.create(props)) {
      NewTopic compacted =
          new NewTopic(topic, Optional.empty(), Optional.empty())
              .configs(
                  Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      admin.createTopics(List.of(compacted)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new ConnectException(
            "cannot create the dedup topic " + topic + ": " + e.getCause().getMessage(), e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectException("interrupted creating the dedup topic " + topic, e);
    } catch (TimeoutException e) {
      throw new ConnectException("timed out creating the dedup topic " + topic, e);
    }
  }

  /** Reads the topic to its end: after a rebalance, what other tasks sent is known here too. */
  public void catchUp() {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo p : consumer.partitionsFor(topic, timeout)) {
        partitions.add(new TopicPartition(topic, p.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!reached(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new ConnectException("timed out reading the dedup topic " + topic);
        }
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.key() != null && r.value() != null) {
            index.add(parse(r.key()));
          }
        }
      }
    }
  }

  private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean sent(DeliveryKey key) {
    return index.sent(key);
  }

  @Override
  public List<DeliveryKey> sentFor(String alertId) {
    return index.sentFor(alertId);
  }

  @Override
  public void record(List<DeliveryKey> keys, Instant sentAt) {
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    String value = "{\"sentAt\":\"" + sentAt + "\"}";
    for (DeliveryKey key : keys) {
      acks.add(producer.send(new ProducerRecord<>(topic, format(key), value)));
    }
    producer.flush();
    try {
      for (Future<RecordMetadata> ack : acks) {
        ack.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      // The message went out but its record did not: fail the task rather than risk a resend
      // loop; after the restart this message may go out once more (the documented window).
      throw new ConnectException("cannot write to the dedup topic " + topic, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectException("interrupted writing to the dedup topic " + topic, e);
    }
    keys.forEach(index::add);
  }

  static String format(DeliveryKey key) {
    try {
      return JSON.writeValueAsString(
          List.of(key.alertId(), key.kind(), key.channel().configName(), key.recipientId()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static DeliveryKey parse(String key) {
    try {
      String[] parts = JSON.readValue(key, String[].class);
      return new DeliveryKey(parts[0], parts[1], Channel.fromConfig(parts[2]), parts[3]);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new ConnectException("the dedup topic holds a key this connector did not write", e);
    }
  }

  public int size() {
    return index.size();
  }

  @Override
  public void close() {
    producer.close(timeout);
  }
}
