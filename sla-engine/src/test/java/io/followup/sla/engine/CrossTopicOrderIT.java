package io.followup.sla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.followup.sla.config.EngineConfig;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.LeadStatusChanged;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.PolicyHolder;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.registry.EmbeddedSchemaRegistry;
import io.followup.sla.serde.HttpSchemaRegistryClient;
import io.followup.sla.serde.SchemaRegistryClient;
import io.followup.sla.serde.SpecificAvroDeserializer;
import io.followup.sla.streams.EventPublisher;
import io.followup.sla.streams.TopicNames;
import io.followup.sla.testing.InJvmKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-topic order on a real broker with the engine's own settings: a DISQUALIFIED that reaches
 * the broker moments before its lead's LeadCreated, but happened hours after it, is applied after
 * it, as replay applies them. In that order the lead's first touch was overdue before it was
 * disqualified, so it breached; applied the other way round the lead would be closed before it
 * existed and nothing would be said.
 */
class CrossTopicOrderIT {

  private static final TopicNames TOPICS = TopicNames.DEFAULTS;

  private static InJvmKafka kafka;
  private static EmbeddedSchemaRegistry registryServer;
  private static SchemaRegistryClient registry;
  private static SlaEngine engine;
  private static EventPublisher publisher;
  private static final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    kafka = InJvmKafka.start();
    registryServer =
        EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), Map.of(), "localhost", 0);
    registry = new HttpSchemaRegistryClient(registryServer.url());
    EngineConfig config =
        EngineConfig.of(
            Map.of(
                EngineConfig.BOOTSTRAP_SERVERS,
                kafka.bootstrapServers(),
                EngineConfig.SCHEMA_REGISTRY_URL,
                registryServer.url(),
                EngineConfig.SCHEMA_REGISTRY_AUTO_REGISTER,
                "true",
                EngineConfig.DATA_DIR,
                dir.resolve("data").toString(),
                EngineConfig.APPLICATION_ID,
                "order-" + UUID.randomUUID(),
                // One partition a topic: every lead meets on the one task.
                EngineConfig.TOPIC_PARTITIONS,
                "1",
                EngineConfig.PUNCTUATE_INTERVAL,
                "PT0.2S",
                "streams.commit.interval.ms",
                "100"));
    engine =
        SlaEngine.start(
            config,
            new PolicyHolder(
                PolicyLoader.parse(
                    """
                    policyId: order
                    version: "o-1"
                    rules:
                      first-touch:
                        sla: PT1H
                    """,
                    "order")),
            registry,
            meters,
            Optional.of((short) 1));
    assertThat(engine.awaitRunning(Duration.ofSeconds(60))).isTrue();
    publisher = new EventPublisher(kafka.bootstrapServers(), Map.of(), TOPICS, registry, true);
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {publisher, engine, registryServer, kafka}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void aDisqualifiedThatArrivesFirstButHappenedLaterIsAppliedAfterItsLeadCreated()
      throws Exception {
    Instant now = Instant.now();
    // Traffic on the lead-created topic just before, as on a busy day: the task has just seen
    // that topic run empty, which is when it waits for it.
    publisher.sendAndWait(created("L-busy", now), 30, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(30)).until(() -> applied("LeadCreated") >= 1);

    publisher.sendAndWait(
        LeadStatusChanged.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setLeadId("L-late")
            .setOccurredAt(now)
            .setStatus("DISQUALIFIED")
            .build(),
        30,
        TimeUnit.SECONDS);
    Thread.sleep(300);
    // Created three hours ago, so its 1-hour first touch was overdue when it was disqualified.
    publisher.sendAndWait(created("L-late", now.minus(Duration.ofHours(3))), 30, TimeUnit.SECONDS);

    await().atMost(Duration.ofSeconds(30)).until(() -> applied("LeadStatusChanged") >= 1);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(alerts())
                    .filteredOn(a -> a.getLeadId().equals("L-late"))
                    .extracting(SlaAlert::getKind)
                    .contains("BREACHED"));
  }

  private static double applied(String type) {
    return meters.get("sla.events.applied").tag("type", type).counter().count();
  }

  private static LeadCreated created(String leadId, Instant at) {
    return LeadCreated.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setLeadId(leadId)
        .setOccurredAt(at)
        .setSource("INBOUND_FORM")
        .setOwnerRepId("R-DANA")
        .build();
  }

  private static List<SlaAlert> alerts() {
    List<SlaAlert> alerts = new ArrayList<>();
    try (KafkaConsumer<String, SlaAlert> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "read-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new StringDeserializer(),
            new SpecificAvroDeserializer<>(registry))) {
      consumer.subscribe(List.of(TOPICS.alerts()));
      long until = System.currentTimeMillis() + 2_000;
      while (System.currentTimeMillis() < until) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> alerts.add(r.value()));
      }
    }
    return alerts;
  }
}
