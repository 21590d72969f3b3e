package io.followup.sla.connect.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.followup.sla.config.EngineConfig;
import io.followup.sla.connect.avro.WireFormatAvroConverter;
import io.followup.sla.connect.crm.event.RecordMapper;
import io.followup.sla.connect.crm.hubspot.HubSpotTransform;
import io.followup.sla.connect.crm.salesforce.SalesforceCdcTransform;
import io.followup.sla.connect.crm.testing.LineFileSourceConnector;
import io.followup.sla.connect.crm.testing.Samples;
import io.followup.sla.engine.SlaEngine;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.PolicyHolder;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.registry.EmbeddedSchemaRegistry;
import io.followup.sla.serde.HttpSchemaRegistryClient;
import io.followup.sla.serde.SchemaRegistryClient;
import io.followup.sla.serde.SpecificAvroDeserializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vendor payloads through a real Connect worker and the transforms into the engine: a source
 * connector (one line of a file per payload) per vendor, each with its transform, the project's
 * Avro converter and a dead letter topic; the engine itself on the same broker, with a first-touch
 * SLA of a few seconds. A Salesforce Lead created over CDC and never touched breaches; a HubSpot
 * email engagement synced to that lead resolves the breach.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VendorPipelineIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEAD_LETTERS = "crm.dead-letters";
  private static final Duration SLA = Duration.ofSeconds(6);

  @TempDir static Path dir;

  private static EmbeddedConnectCluster connect;
  private static EmbeddedSchemaRegistry registryServer;
  private static SchemaRegistryClient registry;
  private static SlaEngine engine;
  private static Path salesforce;
  private static Path hubspot;

  @BeforeAll
  static void start() throws Exception {
    Properties broker = new Properties();
    // The engine writes with exactly-once; a single broker holds the transaction log alone.
    broker.put("transaction.state.log.replication.factor", "1");
    broker.put("transaction.state.log.min.isr", "1");
    connect =
        new EmbeddedConnectCluster.Builder()
            .name("crm-mapping-it")
            .numWorkers(1)
            .numBrokers(1)
            .brokerProps(broker)
            .workerProps(new HashMap<>(Map.of("offset.flush.interval.ms", "1000")))
            .build();
    connect.start();
    String bootstrap = connect.kafka().bootstrapServers();
    registryServer = EmbeddedSchemaRegistry.start(bootstrap, Map.of(), "127.0.0.1", 0);
    registry = new HttpSchemaRegistryClient(registryServer.url());

    Map<String, String> settings = new HashMap<>();
    settings.put(EngineConfig.BOOTSTRAP_SERVERS, bootstrap);
    settings.put(EngineConfig.SCHEMA_REGISTRY_URL, registryServer.url());
    settings.put(EngineConfig.SCHEMA_REGISTRY_AUTO_REGISTER, "true");
    settings.put(EngineConfig.DATA_DIR, dir.resolve("engine").toString());
    settings.put(EngineConfig.APPLICATION_ID, "crm-it-" + UUID.randomUUID());
    settings.put(EngineConfig.PUNCTUATE_INTERVAL, "PT0.2S");
    settings.put("streams.commit.interval.ms", "100");
    engine =
        SlaEngine.start(
            EngineConfig.of(settings),
            new PolicyHolder(
                PolicyLoader.parse(
                    """
                    policyId: crm
                    version: "c-1"
                    rules:
                      first-touch:
                        sla: PT6S
                    """,
                    "crm")),
            registry,
            new SimpleMeterRegistry(),
            Optional.of((short) 1));
    assertThat(engine.awaitRunning(Duration.ofSeconds(90))).as("engine running").isTrue();

    connect.kafka().createTopic(DEAD_LETTERS, 1);
    salesforce = dir.resolve("salesforce.jsonl");
    hubspot = dir.resolve("hubspot.jsonl");
    Map<String, String> sf = connector(salesforce, "salesforce.cdc", SalesforceCdcTransform.class);
    connect.configureConnector("salesforce-cdc", sf);
    Map<String, String> hs = connector(hubspot, "hubspot.raw", HubSpotTransform.class);
    hs.put("transforms.map.lead.id.property", "salesforceleadid");
    connect.configureConnector("hubspot", hs);
    for (String name : List.of("salesforce-cdc", "hubspot")) {
      connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning(name, 1, name);
    }
  }

  /** A source connector's config as a user writes it: the example configs' shape. */
  private static Map<String, String> connector(Path file, String rawTopic, Class<?> transform) {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", LineFileSourceConnector.class.getName());
    config.put("tasks.max", "1");
    config.put(LineFileSourceConnector.FILE, file.toString());
    config.put(LineFileSourceConnector.TOPIC, rawTopic);
    config.put("key.converter", StringConverter.class.getName());
    config.put("value.converter", WireFormatAvroConverter.class.getName());
    config.put("value.converter.schema.registry.url", registryServer.url());
    config.put("value.converter.auto.register.schemas", "true");
    config.put("transforms", "map");
    config.put("transforms.map.type", transform.getName());
    config.put("transforms.map.dead-letter.topic", DEAD_LETTERS);
    return config;
  }

  @AfterAll
  static void stop() {
    if (connect != null) {
      connect.stop();
    }
    if (engine != null) {
      engine.close();
    }
    if (registryServer != null) {
      registryServer.close();
    }
  }

  @Test
  @Order(1)
  void aLeadCreatedInSalesforceAndNotTouchedBreachesAndAHubSpotEmailResolvesIt() throws Exception {
    Instant created = Instant.now();
    ObjectNode create = sample("salesforce/lead-create.json");
    ObjectNode header = (ObjectNode) create.path("payload").path("ChangeEventHeader");
    header.put("commitTimestamp", created.toEpochMilli());
    append(salesforce, create.toString());
    // Salesforce delivers the same change again: the same event, which the engine drops.
    append(salesforce, create.toString());

    List<ConsumerRecord<String, byte[]>> leads = read("leads.lead-created", 2);
    for (ConsumerRecord<String, byte[]> record : leads) {
      assertThat(record.key()).isEqualTo("salesforce:00Q5e00000AbCdEEAZ");
      assertThat(record.value()[0]).as("Confluent wire format magic byte").isZero();
      LeadCreated lead = deserialize(record, LeadCreated.class);
      assertThat(lead.getOccurredAt()).isEqualTo(Instant.ofEpochMilli(created.toEpochMilli()));
      assertThat(lead.getSource()).isEqualTo("INBOUND_FORM");
    }

    SlaAlert breach = awaitAlert("salesforce:00Q5e00000AbCdEEAZ", "BREACHED");
    assertThat(breach.getRuleId()).isEqualTo("first-touch");
    assertThat(breach.getRepId()).isEqualTo("salesforce:0055e000001XyZaAAK");
    assertThat(breach.getDueAt()).isEqualTo(Instant.ofEpochMilli(created.toEpochMilli()).plus(SLA));

    ObjectNode email = sample("hubspot/engagement-v3-email.json");
    Instant sent = Instant.now();
    ((ObjectNode) email.path("properties")).put("hs_timestamp", sent.toString());
    ((ObjectNode) email.path("properties")).put("hs_createdate", sent.toString());
    append(hubspot, email.toString());

    SlaAlert resolved = awaitAlert("salesforce:00Q5e00000AbCdEEAZ", "RESOLVED");
    assertThat(resolved.getAlertId()).isEqualTo(breach.getAlertId());
  }

  @Test
  @Order(2)
  void whatCannotBeMappedLandsInTheDeadLetterTopicWithItsReasonAndTheTasksKeepRunning()
      throws Exception {
    append(salesforce, compact(Samples.json("salesforce/lead-gap-create.json")));
    append(hubspot, "{\"eventId\": 7, \"subscriptionType\": \"deal.creation\"");

    List<ConsumerRecord<String, byte[]>> dead = read(DEAD_LETTERS, 2);
    List<String> reasons = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : dead) {
      reasons.add(header(record, RecordMapper.HEADER_REASON));
      assertThat(header(record, RecordMapper.HEADER_TOPIC)).isIn("salesforce.cdc", "hubspot.raw");
    }
    assertThat(reasons)
        .anyMatch(r -> r.contains("change type 'GAP_CREATE' carries no field values"))
        .anyMatch(r -> r.startsWith("the payload is not JSON"));
    for (String name : List.of("salesforce-cdc", "hubspot")) {
      connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(name, 1, name);
    }
  }

  private static ObjectNode sample(String name) throws Exception {
    return (ObjectNode) JSON.readTree(Samples.json(name));
  }

  private static String compact(String json) throws Exception {
    return JSON.readTree(json).toString();
  }

  private static void append(Path file, String line) throws Exception {
    Files.writeString(file, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static List<ConsumerRecord<String, byte[]>> read(String topic, int atLeast) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= atLeast;
              });
    }
    return records;
  }

  private static SlaAlert awaitAlert(String leadId, String kind) {
    List<SlaAlert> alerts = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      consumer.subscribe(List.of("sla.alerts"));
      await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                  alerts.add(deserialize(r, SlaAlert.class));
                }
                return alerts.stream()
                    .anyMatch(a -> leadId.equals(a.getLeadId()) && kind.equals(a.getKind()));
              });
    }
    return alerts.stream()
        .filter(a -> leadId.equals(a.getLeadId()) && kind.equals(a.getKind()))
        .findFirst()
        .orElseThrow();
  }

  private static <T extends org.apache.avro.specific.SpecificRecord> T deserialize(
      ConsumerRecord<String, byte[]> record, Class<T> type) {
    try (SpecificAvroDeserializer<T> deserializer =
        new SpecificAvroDeserializer<>(registry, type)) {
      return deserializer.deserialize(record.topic(), record.value());
    }
  }

  private static KafkaConsumer<String, byte[]> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            connect.kafka().bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "read-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed"),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
  }
}
