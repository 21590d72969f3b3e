package io.followup.sla.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SchemaStore} on a compacted, single-partition Kafka topic ({@code _schemas} by default)
 * in Confluent's own record format. Opening it creates the topic if missing and reads it to its
 * end, so a registry started on it answers with the ids it gave before. Each append waits for the
 * broker's acknowledgement from all in-sync replicas.
 */
public final class KafkaTopicSchemaStore implements SchemaStore {

  private static final Logger log = LoggerFactory.getLogger(KafkaTopicSchemaStore.class);

  private final String topic;
  private final Duration timeout;
  private final List<Entry> loaded;
  private final Producer<byte[], byte[]> producer;

  private KafkaTopicSchemaStore(
      String topic, Duration timeout, List<Entry> loaded, Producer<byte[], byte[]> producer) {
    this.topic = topic;
    this.timeout = timeout;
    this.loaded = loaded;
    this.producer = producer;
  }

  /**
   * Opens the store on {@code topic}.
   *
   * @param clientProps extra client settings for every Kafka client it makes (security, for
   *     instance)
   * @param timeout how long creating, reading and each write may take
   * @throws KafkaException with a one-line message when Kafka cannot be reached or the topic is
   *     unusable
   */
  public static KafkaTopicSchemaStore open(
      String bootstrapServers,
      Map<String, Object> clientProps,
      String topic,
      short replicationFactor,
      Duration timeout) {
    Map<String, Object> common = new HashMap<>(clientProps);
    common.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    int requestTimeoutMs = (int) Math.max(1_000, Math.min(30_000, timeout.toMillis() / 2));
    common.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, requestTimeoutMs);
    common.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());

    ensureTopic(common, bootstrapServers, topic, replicationFactor, timeout);
    List<Entry> loaded = readToEnd(common, bootstrapServers, topic, timeout);

    Map<String, Object> producerProps = new HashMap<>(common);
    producerProps.remove(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG);
    producerProps.put(ProducerConfig.CLIENT_ID_CONFIG, "schema-registry-writer");
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    producerProps.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
    producerProps.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new KafkaTopicSchemaStore(topic, timeout, loaded, new KafkaProducer<>(producerProps));
  }

  @Override
  public List<Entry> load() {
    return loaded;
  }

  @Override
  public void append(Entry entry) {
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(
            topic, 0, SchemasTopicFormat.key(entry), SchemasTopicFormat.value(entry));
    try {
      producer.send(record).get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new KafkaException(
          "could not write to topic " + topic + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new KafkaException(
          "no acknowledgement from Kafka for topic "
              + topic
              + " within "
              + timeout.toSeconds()
              + " s",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while writing to topic " + topic, e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }

  private static void ensureTopic(
      Map<String, Object> common,
      String bootstrapServers,
      String topic,
      short replicationFactor,
      Duration timeout) {
    Map<String, Object> adminProps = new HashMap<>(common);
    adminProps.put(AdminClientConfig.CLIENT_ID_CONFIG, "schema-registry-admin");
    try (Admin admin = Admin.create(adminProps)) {
      NewTopic newTopic =
          new NewTopic(topic, 1, replicationFactor)
              .configs(
                  Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      try {
        admin.createTopics(List.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Created topic {} (compacted, replication factor {})", topic, replicationFactor);
        return;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new KafkaException(
              "cannot create topic "
                  + topic
                  + " on Kafka at "
                  + bootstrapServers
                  + ": "
                  + e.getCause().getMessage(),
              e.getCause());
        }
      }
      // A registry that shares an existing topic must find the shape Confluent's registry insists
      // on.
      TopicDescription description =
          admin
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
              .get(topic);
      if (description.partitions().size() != 1) {
        throw new KafkaException(
            "topic "
                + topic
                + " has "
                + description.partitions().size()
                + " partitions; the schema registry needs exactly one to keep its records in"
                + " order");
      }
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      Config config =
          admin
              .describeConfigs(List.of(resource))
              .all()
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
              .get(resource);
      String policy =
          config.get(TopicConfig.CLEANUP_POLICY_CONFIG) == null
              ? ""
              : config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
      if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
        log.warn(
            "Topic {} has cleanup.policy={}, not compact: schemas will expire with its retention",
            topic,
            policy);
      }
    } catch (ExecutionException e) {
      throw new KafkaException(
          "cannot inspect topic "
              + topic
              + " on Kafka at "
              + bootstrapServers
              + ": "
              + e.getCause().getMessage(),
          e.getCause());
    } catch (TimeoutException e) {
      throw new KafkaException(
          "no answer from Kafka at "
              + bootstrapServers
              + " within "
              + timeout.toSeconds()
              + " s while preparing topic "
              + topic,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while preparing topic " + topic, e);
    }
  }

  private static List<Entry> readToEnd(
      Map<String, Object> common, String bootstrapServers, String topic, Duration timeout) {
    Map<String, Object> consumerProps = new HashMap<>(common);
    consumerProps.put(ConsumerConfig.CLIENT_ID_CONFIG, "schema-registry-reader");
    consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    TopicPartition partition = new TopicPartition(topic, 0);
    List<Entry> entries = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps)) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
      while (consumer.position(partition, remaining(deadline)) < end) {
        if (System.nanoTime() > deadline) {
          throw new KafkaException(
              "could not read topic "
                  + topic
                  + " to its end within "
                  + timeout.toSeconds()
                  + " s (at offset "
                  + consumer.position(partition)
                  + " of "
                  + end
                  + ")");
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.key() != null) {
            SchemasTopicFormat.decode(record.key(), record.value()).ifPresent(entries::add);
          }
        }
      }
      log.debug("Read {} entries from topic {} (end offset {})", entries.size(), topic, end);
      return entries;
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      throw new KafkaException(
          "no answer from Kafka at "
              + bootstrapServers
              + " within "
              + timeout.toSeconds()
              + " s while reading topic "
              + topic,
          e);
    }
  }

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
  }
}
