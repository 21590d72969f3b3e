package io.followup.sla.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.serde.HttpSchemaRegistryClient;
import io.followup.sla.serde.SampleEvents;
import io.followup.sla.serde.SpecificAvroDeserializer;
import io.followup.sla.serde.SpecificAvroSerializer;
import io.followup.sla.serde.WireFormat;
import io.followup.sla.testing.ConfluentPython;
import io.followup.sla.testing.InJvmKafka;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof against a client nobody here wrote: Confluent's own Python client ({@code
 * confluent_kafka.avro}, Debian's python3-confluent-kafka) produces to and consumes from a real
 * broker through the embedded registry, and our serde reads and writes the same records.
 */
@Timeout(120)
class ConfluentPythonClientIT {

  private static final String LEADS = "leads.lead-created";
  private static final String ALERTS = "sla.alerts";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static InJvmKafka kafka;
  private static EmbeddedSchemaRegistry registry;

  @TempDir static Path work;

  @BeforeAll
  static void start() throws Exception {
    ConfluentPython.requireInstalled();
    kafka = InJvmKafka.start();
    registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), Map.of(), "127.0.0.1", 0);
    try (Admin admin = kafka.cluster().admin()) {
      admin
          .createTopics(
              List.of(new NewTopic(LEADS, 1, (short) 1), new NewTopic(ALERTS, 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (registry != null) {
      registry.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void confluentsPythonProducerFeedsOurDeserializer() throws Exception {
    LeadCreated expected = SampleEvents.leadCreated();
    Path avsc = work.resolve("LeadCreated.avsc");
    try (InputStream in = LeadCreated.class.getResourceAsStream("/avro/LeadCreated.avsc")) {
      Files.write(avsc, in.readAllBytes());
    }

    JsonNode produced =
        python(
            "produce",
            "--topic",
            LEADS,
            "--key",
            expected.getLeadId(),
            "--schema-file",
            avsc.toString(),
            "--record",
            JSON.writeValueAsString(asJson(expected)));

    int schemaId = produced.get("schema_id").asInt();
    assertThat(schemaId).isPositive();
    assertThat(produced.get("magic").asInt()).isZero();
    assertThat(produced.get("header_hex").asText()).isEqualTo(String.format("00%08x", schemaId));
    assertThat(produced.get("subject").asText()).isEqualTo(LEADS + "-value");
    assertThat(produced.get("checked_id").asInt()).isEqualTo(schemaId);
    assertThat(produced.get("latest_id").asInt()).isEqualTo(schemaId);
    assertThat(produced.get("latest_version").asInt()).isEqualTo(1);
    assertThat(produced.get("version").asInt()).isEqualTo(1);
    assertThat(produced.get("fetched_name").asText())
        .isEqualTo("io.followup.sla.events.LeadCreated");
    assertThat(produced.get("global_compatibility").asText()).isEqualTo("BACKWARD");
    assertThat(produced.get("is_compatible").asBoolean()).isTrue();

    ConsumerRecord<String, SpecificRecord> read = readOne(LEADS, produced.get("offset").asLong());
    assertThat(read.key()).isEqualTo(expected.getLeadId());
    assertThat(WireFormat.schemaId(rawValue(LEADS, read.offset()))).isEqualTo(schemaId);
    assertThat(read.value()).isInstanceOf(LeadCreated.class).isEqualTo(expected);
    // The generated class's schema (with its Java-only properties) is the same schema to the
    // registry,
    // so our serializer with auto-registration off writes under the id Python registered.
    assertThat(
            new HttpSchemaRegistryClient(registry.url())
                .lookupId(LEADS + "-value", LeadCreated.getClassSchema()))
        .isEqualTo(schemaId);
  }

  @Test
  void ourSerializerFeedsConfluentsPythonConsumer() throws Exception {
    SlaAlert alert = SampleEvents.slaAlert();
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ProducerConfig.MAX_BLOCK_MS_CONFIG,
            10_000);
    RecordMetadata written;
    try (KafkaProducer<String, SlaAlert> producer =
        new KafkaProducer<>(
            config,
            new StringSerializer(),
            new SpecificAvroSerializer<>(new HttpSchemaRegistryClient(registry.url()), true))) {
      written =
          producer
              .send(new ProducerRecord<>(ALERTS, alert.getLeadId(), alert))
              .get(10, TimeUnit.SECONDS);
    }
    int schemaId = registry.registry().version(ALERTS + "-value", "latest").id();

    JsonNode consumed = python("consume", "--topic", ALERTS, "--key", alert.getLeadId());

    assertThat(consumed.get("key").asText()).isEqualTo(alert.getLeadId());
    assertThat(consumed.get("offset").asLong()).isEqualTo(written.offset());
    assertThat(consumed.get("magic").asInt()).isZero();
    assertThat(consumed.get("schema_id").asInt()).isEqualTo(schemaId);
    assertThat(consumed.get("value")).isEqualTo(asJson(alert));
  }

  /**
   * Every field of {@code record} as the Python side prints it: timestamps as epoch milliseconds.
   */
  private static ObjectNode asJson(SpecificRecord record) {
    ObjectNode json = JSON.createObjectNode();
    for (Schema.Field field : record.getSchema().getFields()) {
      Object value = record.get(field.pos());
      json.set(
          field.name(),
          JSON.valueToTree(value instanceof Instant instant ? instant.toEpochMilli() : value));
    }
    return json;
  }

  private static ConsumerRecord<String, SpecificRecord> readOne(String topic, long offset) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    try (KafkaConsumer<String, SpecificRecord> consumer =
        new KafkaConsumer<>(
            config,
            new StringDeserializer(),
            new SpecificAvroDeserializer<>(new HttpSchemaRegistryClient(registry.url())))) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seek(partition, offset);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, SpecificRecord> record :
            consumer.poll(Duration.ofMillis(500))) {
          return record;
        }
      }
    }
    return fail("no record at offset %d of %s within 20 s", offset, topic);
  }

  private static byte[] rawValue(String topic, long offset) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            config,
            new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
            new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seek(partition, offset);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          return record.value();
        }
      }
    }
    return fail("no record at offset %d of %s within 20 s", offset, topic);
  }

  private static JsonNode python(String mode, String... args) throws Exception {
    return ConfluentPython.run(work, kafka.bootstrapServers(), registry.url(), mode, args);
  }
}
