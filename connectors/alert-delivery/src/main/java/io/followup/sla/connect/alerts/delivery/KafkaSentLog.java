package io.followup.sla.connect.alerts.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.followup.sla.connect.alerts.routing.Channel;
import io.followup.sla.connect.alerts.routing.Delivery;
import io.followup.sla.connect.alerts.routing.DeliveryKey;
import io.followup.sla.events.SlaAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The connector's durable memory as one compacted topic, so it survives restarts and rebalances. It
 * holds two kinds of record, both read whole by a task when it starts and when it is given
 * partitions:
 *
 * <ul>
 *   <li>a sent delivery: key {@code ["alertId","kind","channel","recipientId"]} (JSON, so no id can
 *       collide with a separator), value {@code {"sentAt", "origin": {"topic", "partition"},
 *       "alert": {...}}}: dedup, who to tell of a RESOLVED, and, with the alert's own fields and
 *       its partition, each open breach's reminder schedule (the last {@code REMINDER-n} sent and
 *       when), rebuilt by the task that owns that partition;
 *   <li>an alert note: key {@code ["alertId","kind"]}, value {@code {"at", "ruleId", "leadId",
 *       "origin"}}, written when a BREACHED, ESCALATED or RESOLVED alert is read, sent or not:
 *       which first-touch breaches are open (inhibition), which breaches are over (no more
 *       reminders), and since when (retention).
 * </ul>
 *
 * <p>Why this topic and not a second "open breaches" one: a reminder is a delivery, so its schedule
 * is already here (each {@code REMINDER-n} is deduplicated like any send), and one topic read once
 * gives dedup, routing of RESOLVED, reminders and inhibition a single consistent picture.
 *
 * <p>Retention: once an alert has been resolved for longer than {@code dedup.retention.ms} (or, for
 * one never breached, its last record is that old), every record of it is tombstoned. A duplicate
 * of that alert arriving later still is taken for a new one and sent again; keep the retention
 * longer than {@code sla.alerts} keeps its records, so an offset reset cannot bring one back.
 *
 * <p>The order is send, then record: at-least-once senders plus this record make delivery
 * effectively once. A crash between a send and the acknowledgement of its record resends that one
 * message after the restart; the record is written and flushed right after each message, so the
 * window is one send's round trip to the broker.
 */
public final class KafkaSentLog implements SentLog, AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Retention is checked at most this often (and whenever partitions are handed over). */
  private static final Duration SWEEP_EVERY = Duration.ofHours(1);

  private final String topic;
  private final Map<String, Object> clientProps;
  private final Duration timeout;
  private final Duration retention;
  private final SentIndex index = new SentIndex();
  private final KafkaProducer<String, String> producer;
  private final List<Future<RecordMetadata>> pending = new ArrayList<>();
  private Instant nextSweep = Instant.MIN;

  private KafkaSentLog(
      String topic, Map<String, Object> clientProps, Duration timeout, Duration retention) {
    this.topic = topic;
    this.clientProps = clientProps;
    this.timeout = timeout;
    this.retention = retention;
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
   * @param retention how long the records of a closed alert are kept
   */
  public static KafkaSentLog open(
      String topic, Map<String, Object> clientProps, Duration timeout, Duration retention) {
    createIfMissing(topic, clientProps, timeout);
    KafkaSentLog log = new KafkaSentLog(topic, clientProps, timeout, retention);
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
          if (r.key() != null) {
            apply(r.key(), r.value());
          }
        }
      }
    }
  }

  private void apply(String key, String value) {
    String[] parts = parseKey(key);
    if (parts.length == 2) {
      SentIndex.NoteKey note = new SentIndex.NoteKey(parts[0], parts[1]);
      if (value == null) {
        index.removeNote(note);
      } else {
        index.addNote(readNote(note, value));
      }
      return;
    }
    DeliveryKey delivery = deliveryKey(parts);
    if (value == null) {
      index.remove(delivery);
    } else {
      index.add(readEntry(delivery, value));
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
  public void record(List<Delivery> deliveries, Instant sentAt) {
    write(deliveries.stream().map(d -> index.entryOf(d, sentAt)).toList());
  }

  @Override
  public void recordKeys(List<DeliveryKey> keys, Instant sentAt) {
    write(keys.stream().map(k -> new SentEntry(k, sentAt, null, null)).toList());
  }

  private void write(List<SentEntry> entries) {
    for (SentEntry e : entries) {
      pending.add(producer.send(new ProducerRecord<>(topic, format(e.key()), value(e))));
    }
    // The message went out but its record did not: fail the task rather than risk a resend loop;
    // after the restart this message may go out once more (the documented window).
    flush();
    entries.forEach(index::add);
  }

  @Override
  public void note(SlaAlert alert, SinkRecord source, Instant at) {
    SentIndex.noteOf(alert, source, at)
        .ifPresent(
            n -> {
              pending.add(
                  producer.send(
                      new ProducerRecord<>(
                          topic, format(n.alertId(), n.kind()), value(n).toString())));
              index.addNote(n);
            });
  }

  @Override
  public void flush() {
    if (pending.isEmpty()) {
      return;
    }
    producer.flush();
    try {
      for (Future<RecordMetadata> ack : pending) {
        ack.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
      pending.clear();
    } catch (ExecutionException | TimeoutException e) {
      throw new ConnectException("cannot write to the dedup topic " + topic, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectException("interrupted writing to the dedup topic " + topic, e);
    }
  }

  @Override
  public List<SentEntry> entries() {
    return index.entries();
  }

  @Override
  public List<AlertNote> notes() {
    return index.notes();
  }

  /**
   * Tombstones every record of the alerts closed more than the retention before {@code now}, when a
   * check is due (at most hourly, and always after {@link #expireNow}); returns how many alerts.
   * Every task may do it: a tombstone written twice is the same tombstone.
   */
  public int expireIfDue(Instant now) {
    if (now.isBefore(nextSweep)) {
      return 0;
    }
    nextSweep = now.plus(retention.compareTo(SWEEP_EVERY) < 0 ? retention : SWEEP_EVERY);
    Set<String> closed = index.closedBefore(now.minus(retention));
    for (String alertId : closed) {
      for (DeliveryKey key : index.sentFor(alertId)) {
        pending.add(producer.send(new ProducerRecord<>(topic, format(key), null)));
        index.remove(key);
      }
      for (SentIndex.NoteKey key : index.noteKeysOf(alertId)) {
        pending.add(
            producer.send(new ProducerRecord<>(topic, format(key.alertId(), key.kind()), null)));
        index.removeNote(key);
      }
    }
    flush();
    return closed.size();
  }

  /** Makes the next {@link #expireIfDue} check, whenever it comes. */
  public void expireNow() {
    nextSweep = Instant.MIN;
  }

  private static String value(SentEntry e) {
    ObjectNode v = JSON.createObjectNode().put("sentAt", e.sentAt().toString());
    origin(v, e.origin());
    if (e.alert() != null) {
      v.set("alert", AlertJson.write(e.alert()));
    }
    return v.toString();
  }

  private static ObjectNode value(AlertNote n) {
    ObjectNode v =
        JSON.createObjectNode()
            .put("at", n.at().toString())
            .put("ruleId", n.ruleId())
            .put("leadId", n.leadId());
    origin(v, n.origin());
    return v;
  }

  private static void origin(ObjectNode v, TopicPartition origin) {
    if (origin != null) {
      v.putObject("origin").put("topic", origin.topic()).put("partition", origin.partition());
    }
  }

  /** A value written before the log kept alert and origin reads too, as sentAt alone. */
  private static SentEntry readEntry(DeliveryKey key, String value) {
    JsonNode v = readTree(value);
    SlaAlert alert = v.hasNonNull("alert") ? AlertJson.read(v.get("alert")) : null;
    return new SentEntry(key, Instant.parse(v.path("sentAt").asText()), alert, origin(v));
  }

  private static AlertNote readNote(SentIndex.NoteKey key, String value) {
    JsonNode v = readTree(value);
    return new AlertNote(
        key.alertId(),
        key.kind(),
        v.path("ruleId").asText(null),
        v.hasNonNull("leadId") ? v.get("leadId").asText() : null,
        Instant.parse(v.path("at").asText()),
        origin(v));
  }

  private static TopicPartition origin(JsonNode v) {
    JsonNode o = v.get("origin");
    return o == null || o.isNull()
        ? null
        : new TopicPartition(o.path("topic").asText(), o.path("partition").asInt());
  }

  private static JsonNode readTree(String value) {
    try {
      return JSON.readTree(value);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new ConnectException("the dedup topic holds a value this connector did not write", e);
    }
  }

  static String format(DeliveryKey key) {
    return format(key.alertId(), key.kind(), key.channel().configName(), key.recipientId());
  }

  private static String format(String... parts) {
    try {
      return JSON.writeValueAsString(List.of(parts));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static DeliveryKey parse(String key) {
    return deliveryKey(parseKey(key));
  }

  private static String[] parseKey(String key) {
    try {
      String[] parts = JSON.readValue(key, String[].class);
      if (parts.length != 2 && parts.length != 4) {
        throw new IllegalArgumentException("a key of " + parts.length + " parts");
      }
      return parts;
    } catch (JsonProcessingException | RuntimeException e) {
      throw new ConnectException("the dedup topic holds a key this connector did not write", e);
    }
  }

  private static DeliveryKey deliveryKey(String[] parts) {
    try {
      return new DeliveryKey(parts[0], parts[1], Channel.fromConfig(parts[2]), parts[3]);
    } catch (RuntimeException e) {
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
