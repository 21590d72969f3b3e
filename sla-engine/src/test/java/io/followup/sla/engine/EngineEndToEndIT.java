package io.followup.sla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.followup.sla.config.EngineConfig;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.RepTouched;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyHolder;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.serde.SchemaRegistryClient;
import io.followup.sla.serde.SpecificAvroSerializer;
import io.followup.sla.streams.DeadLetters;
import io.followup.sla.streams.EventPublisher;
import io.followup.sla.streams.TopicNames;
import io.followup.sla.testing.ConfluentPython;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine on a real broker with the embedded registry: events in through the project's serde, a
 * breach detected on the wall clock, the alert read back; bad records dead-lettered while the
 * engine keeps running; and Confluent's own Python client feeding the engine and reading its
 * alerts.
 */
class EngineEndToEndIT {

  private static final String POLICY =
      """
      policyId: e2e
      version: "e2e-1"
      rules:
        first-touch:
          sla: PT3S
        unassigned:
          sla: PT3S
      """;

  private static EngineOnBroker broker;
  private static SchemaRegistryClient registry;
  private static SlaEngine engine;
  private static EventPublisher publisher;

  @TempDir static Path dataDir;

  @BeforeAll
  static void start() throws Exception {
    ConfluentPython.requireInstalled();
    broker = EngineOnBroker.start();
    registry = broker.registry();
    engine =
        broker.startEngine(
            EngineConfig.of(broker.settings(dataDir, "e2e")),
            new PolicyHolder(PolicyLoader.parse(POLICY, "e2e")),
            new SimpleMeterRegistry());
    publisher = broker.publisher();
    publisher.send(
        RepProfile.newBuilder()
            .setRepId("R-DANA")
            .setName("Dana Ortiz")
            .setManagerId("M-SAM")
            .build());
    publisher.flush();
  }

  @AfterAll
  static void stop() throws Exception {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void anUntouchedLeadBreachesAndATouchedOneDoesNot() {
    Instant now = Instant.now();
    publisher.send(lead("L-untouched", now));
    publisher.send(lead("L-touched", now));
    publisher.send(
        RepTouched.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setLeadId("L-touched")
            .setOccurredAt(now.plusMillis(500))
            .setRepId("R-DANA")
            .setChannel("CALL")
            .setDirection("OUTBOUND")
            .build());
    publisher.flush();

    List<SlaAlert> alerts = new ArrayList<>();
    try (KafkaConsumer<String, SlaAlert> consumer = broker.alertConsumer()) {
      consumer.subscribe(List.of(TopicNames.DEFAULTS.alerts()));
      await()
          .atMost(Duration.ofSeconds(45))
          .untilAsserted(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> alerts.add(r.value()));
                assertThat(alerts)
                    .extracting(SlaAlert::getLeadId, SlaAlert::getKind)
                    .contains(org.assertj.core.groups.Tuple.tuple("L-untouched", "BREACHED"));
              });
      // Give the touched lead's deadline time to pass too.
      EngineOnBroker.pollFor(
          Duration.ofSeconds(4),
          () -> consumer.poll(Duration.ofMillis(200)).forEach(r -> alerts.add(r.value())));
    }
    SlaAlert breach =
        alerts.stream().filter(a -> a.getLeadId().equals("L-untouched")).findFirst().orElseThrow();
    assertThat(breach.getRuleId()).isEqualTo("first-touch");
    assertThat(breach.getSummary()).contains("Dana Ortiz");
    assertThat(breach.getPolicyVersion()).isEqualTo("e2e-1");
    assertThat(alerts).noneMatch(a -> a.getLeadId().equals("L-touched"));
  }

  @Test
  void garbageGoesToTheDeadLetterTopicAndTheEngineKeepsRunning() {
    byte[] huge = new byte[1_048_400];
    LeadCreated farFuture = lead("L-far-future", Instant.ofEpochMilli(Long.MAX_VALUE - 1_000));
    try (KafkaProducer<byte[], byte[]> raw =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                // The broker's default limit (1 MiB and 12 bytes) is the one that counts here.
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                2 * 1024 * 1024),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      raw.send(
          new ProducerRecord<>(
              TopicNames.DEFAULTS.leadCreated(),
              "L-bad".getBytes(StandardCharsets.UTF_8),
              "not avro".getBytes(StandardCharsets.UTF_8)));
      raw.send(
          new ProducerRecord<>(
              TopicNames.DEFAULTS.repTouched(), null, new byte[] {0, 0, 0, 0x7f, 0x7f, 1}));
      raw.send(
          new ProducerRecord<>(
              TopicNames.DEFAULTS.leadCreated(),
              "L-far-future".getBytes(StandardCharsets.UTF_8),
              new SpecificAvroSerializer<LeadCreated>(registry, true)
                  .serialize(TopicNames.DEFAULTS.leadCreated(), farFuture)));
      // Fits on its topic, but not with the dead-letter headers added: the value must go.
      raw.send(
          new ProducerRecord<>(
              TopicNames.DEFAULTS.contentEngaged(),
              "L-huge".getBytes(StandardCharsets.UTF_8),
              huge));
    }
    List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            broker.readerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(TopicNames.DEFAULTS.deadLetters()));
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(dead::add);
                assertThat(dead).hasSize(4);
              });
    }
    assertThat(reasonOf(dead, null)).startsWith("null-key");
    assertThat(reasonOf(dead, "L-bad")).startsWith("undecodable");
    assertThat(reasonOf(dead, "L-far-future")).startsWith("out-of-range-time: occurredAt");
    assertThat(reasonOf(dead, "L-huge")).startsWith("undecodable");
    assertThat(dead)
        .allSatisfy(
            r -> {
              assertThat(r.headers().lastHeader(DeadLetters.TOPIC)).isNotNull();
              assertThat(r.headers().lastHeader(DeadLetters.PARTITION)).isNotNull();
              assertThat(r.headers().lastHeader(DeadLetters.OFFSET)).isNotNull();
              assertThat(r.headers().toArray())
                  .extracting(org.apache.kafka.common.header.Header::key)
                  .noneMatch(k -> k.startsWith("__streams"));
            });
    ConsumerRecord<byte[], byte[]> bad = recordOf(dead, "L-bad");
    assertThat(bad.value()).isEqualTo("not avro".getBytes(StandardCharsets.UTF_8));
    ConsumerRecord<byte[], byte[]> tooLarge = recordOf(dead, "L-huge");
    assertThat(tooLarge.value()).isNull();
    assertThat(
            new String(
                tooLarge.headers().lastHeader(DeadLetters.DROPPED).value(), StandardCharsets.UTF_8))
        .startsWith("the value (" + huge.length + " bytes)");
    assertThat(engine.isRunning()).isTrue();
  }

  private static ConsumerRecord<byte[], byte[]> recordOf(
      List<ConsumerRecord<byte[], byte[]>> records, String key) {
    return records.stream()
        .filter(
            r ->
                key == null
                    ? r.key() == null
                    : r.key() != null && key.equals(new String(r.key(), StandardCharsets.UTF_8)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no dead letter with key " + key));
  }

  private static String reasonOf(List<ConsumerRecord<byte[], byte[]>> records, String key) {
    return new String(
        recordOf(records, key).headers().lastHeader(DeadLetters.REASON).value(),
        StandardCharsets.UTF_8);
  }

  @Test
  void confluentsPythonClientFeedsTheEngineAndReadsItsAlerts() throws Exception {
    Path avsc = dataDir.resolve("LeadCreated.avsc");
    try (InputStream in = LeadCreated.class.getResourceAsStream("/avro/LeadCreated.avsc")) {
      Files.write(avsc, in.readAllBytes());
    }
    String lead =
        new ObjectMapper()
            .writeValueAsString(
                Map.of(
                    "eventId",
                    UUID.randomUUID().toString(),
                    "leadId",
                    "L-python",
                    "occurredAt",
                    System.currentTimeMillis(),
                    "source",
                    "RFP_REQUEST",
                    "ownerRepId",
                    "R-DANA",
                    "accountName",
                    "Helix Diagnostics"));

    JsonNode produced =
        ConfluentPython.run(
            dataDir,
            broker.bootstrapServers(),
            broker.registryUrl(),
            "produce",
            "--topic",
            TopicNames.DEFAULTS.leadCreated(),
            "--key",
            "L-python",
            "--schema-file",
            avsc.toString(),
            "--record",
            lead);
    assertThat(produced.get("magic").asInt()).isZero();

    JsonNode consumed =
        ConfluentPython.run(
            dataDir,
            broker.bootstrapServers(),
            broker.registryUrl(),
            "consume",
            "--topic",
            TopicNames.DEFAULTS.alerts(),
            "--key",
            "L-python",
            "--where",
            "kind=BREACHED",
            "--timeout",
            "45");
    JsonNode alert = consumed.get("value");
    assertThat(consumed.get("magic").asInt()).isZero();
    assertThat(alert.get("ruleId").asText()).isEqualTo("first-touch");
    assertThat(alert.get("leadId").asText()).isEqualTo("L-python");
    assertThat(alert.get("repId").asText()).isEqualTo("R-DANA");
    assertThat(alert.get("summary").asText()).contains("Helix Diagnostics").contains("Dana Ortiz");
    assertThat(alert.get("dueAt").asLong()).isEqualTo(alert.get("clockStartedAt").asLong() + 3_000);
  }

  @Test
  void aRestartKeepsStateAndSendsNoAlertTwice() throws Exception {
    Map<String, String> own = broker.settings(dataDir.resolve("restart"), "restart");
    for (String role :
        List.of(
            "lead-created",
            "status-changed",
            "content-engaged",
            "rep-touched",
            "reps",
            "policies",
            "alerts",
            "dead-letters")) {
      own.put("topics." + role, "restart." + role);
    }
    EngineConfig config = EngineConfig.of(own);
    Policy policy =
        PolicyLoader.parse(
            """
            policyId: restart
            version: "r-1"
            rules:
              first-touch:
                sla: PT8S
            """,
            "restart");
    TopicNames topics = config.topics();

    Instant now = Instant.now();
    try (SlaEngine first =
            broker.launch(config, new PolicyHolder(policy), new SimpleMeterRegistry());
        EventPublisher events =
            new EventPublisher(broker.bootstrapServers(), Map.of(), topics, registry, true)) {
      // Already past due when it arrives: breached by the first engine.
      events.send(lead("L-before", now.minusSeconds(30)));
      // Due 8 s from now: the clock must survive the restart.
      events.send(lead("L-across", now));
      events.flush();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  readAlerts(topics).stream()
                      .anyMatch(
                          a -> a.getLeadId().equals("L-before") && a.getKind().equals("BREACHED")));
    }
    try (SlaEngine second =
        broker.launch(config, new PolicyHolder(policy), new SimpleMeterRegistry())) {
      await()
          .atMost(Duration.ofSeconds(45))
          .until(
              () ->
                  readAlerts(topics).stream()
                      .anyMatch(
                          a -> a.getLeadId().equals("L-across") && a.getKind().equals("BREACHED")));
      Thread.sleep(2_000);
    }
    List<SlaAlert> all = readAlerts(topics);
    assertThat(all)
        .filteredOn(a -> a.getKind().equals("BREACHED"))
        .extracting(SlaAlert::getLeadId)
        .containsExactlyInAnyOrder("L-before", "L-across");
  }

  private static List<SlaAlert> readAlerts(TopicNames topics) {
    return broker.readAlerts(topics, Duration.ofSeconds(3));
  }

  private static LeadCreated lead(String leadId, Instant at) {
    return LeadCreated.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setLeadId(leadId)
        .setOccurredAt(at)
        .setSource("INBOUND_FORM")
        .setOwnerRepId("R-DANA")
        .setAccountName("Acme Biologics")
        .build();
  }
}
