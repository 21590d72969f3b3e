package io.followup.sla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.followup.sla.cli.SlaCommand;
import io.followup.sla.config.EngineConfig;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.events.SlaPolicy;
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
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changing SLAs and the team without a redeploy, on a real broker: {@code ./sla policy publish}
 * puts a new version in force within seconds (a bad one is refused and the running one stays), and
 * {@code ./sla reps import} names the reps in the alerts.
 */
class LivePolicyAndRepsIT {

  private static final String POLICY =
      """
      policyId: live
      version: "live-1"
      rules:
        first-touch:
          sla: PT30M
      """;

  private static InJvmKafka kafka;
  private static EmbeddedSchemaRegistry registryServer;
  private static SchemaRegistryClient registry;
  private static SlaEngine engine;
  private static PolicyHolder policy;
  private static EventPublisher publisher;
  private static Path config;

  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    kafka = InJvmKafka.start();
    registryServer =
        EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), Map.of(), "localhost", 0);
    registry = new HttpSchemaRegistryClient(registryServer.url());
    config = dir.resolve("engine.properties");
    Files.writeString(
        config,
        String.join(
            "\n",
            EngineConfig.BOOTSTRAP_SERVERS + "=" + kafka.bootstrapServers(),
            EngineConfig.SCHEMA_REGISTRY_URL + "=" + registryServer.url(),
            EngineConfig.SCHEMA_REGISTRY_AUTO_REGISTER + "=true",
            EngineConfig.DATA_DIR + "=" + dir.resolve("data"),
            EngineConfig.APPLICATION_ID + "=live-" + UUID.randomUUID(),
            EngineConfig.PUNCTUATE_INTERVAL + "=PT0.2S",
            "streams.commit.interval.ms=100",
            ""));
    policy = new PolicyHolder(PolicyLoader.parse(POLICY, "live"));
    engine =
        SlaEngine.start(
            EngineConfig.load(Optional.of(config), Map.of()),
            policy,
            registry,
            new SimpleMeterRegistry(),
            Optional.of((short) 1));
    assertThat(engine.awaitRunning(Duration.ofSeconds(60))).isTrue();
    publisher =
        new EventPublisher(kafka.bootstrapServers(), Map.of(), TopicNames.DEFAULTS, registry, true);
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {publisher, engine, registryServer, kafka}) {
      if (c != null) {
        c.close();
      }
    }
  }

  private static int sla(String... args) {
    return SlaCommand.execute(
        args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
  }

  @Test
  void aPublishedPolicyIsInForceWithinSecondsAndABadOneIsRefused() throws Exception {
    Path next = dir.resolve("policy-2.yaml");
    Files.writeString(next, POLICY.replace("live-1", "live-2").replace("PT30M", "PT2S"));
    assertThat(sla("policy", "publish", next.toString(), "--config", config.toString())).isZero();
    await().atMost(Duration.ofSeconds(15)).until(() -> policy.get().version().equals("live-2"));

    // Refused: the engine keeps live-2.
    Path bad = dir.resolve("policy-bad.yaml");
    Files.writeString(bad, POLICY.replace("live-1", "live-3").replace("PT30M", "thirty minutes"));
    assertThat(sla("policy", "publish", bad.toString(), "--config", config.toString()))
        .isEqualTo(1);
    publisher.sendAndWait(
        SlaPolicy.newBuilder()
            .setPolicyId("live")
            .setVersion("live-3")
            .setDocument(Files.readString(bad))
            .setPublishedAt(Instant.now())
            .build(),
        10,
        java.util.concurrent.TimeUnit.SECONDS);

    // Reps come from the CSV import, and a new lead's clock uses the 2 s of live-2.
    Path csv = Path.of(LivePolicyAndRepsIT.class.getResource("/reps/team.csv").toURI());
    assertThat(sla("reps", "import", csv.toString(), "--config", config.toString())).isZero();
    Thread.sleep(2_000);
    publisher.sendAndWait(
        LeadCreated.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setLeadId("L-live")
            .setOccurredAt(Instant.now())
            .setSource("WEBINAR")
            .setOwnerRepId("R-LUKAS")
            .build(),
        10,
        java.util.concurrent.TimeUnit.SECONDS);

    List<SlaAlert> alerts = new CopyOnWriteArrayList<>();
    try (KafkaConsumer<String, SlaAlert> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "live-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new StringDeserializer(),
            new SpecificAvroDeserializer<>(registry, SlaAlert.class))) {
      consumer.subscribe(List.of(TopicNames.DEFAULTS.alerts()));
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> alerts.add(r.value()));
                assertThat(alerts)
                    .anyMatch(
                        a -> a.getLeadId().equals("L-live") && a.getKind().equals("BREACHED"));
              });
    }
    SlaAlert breach =
        alerts.stream().filter(a -> a.getKind().equals("BREACHED")).findFirst().orElseThrow();
    assertThat(policy.get().version()).isEqualTo("live-2");
    assertThat(breach.getPolicyVersion()).isEqualTo("live-2");
    assertThat(Duration.between(breach.getClockStartedAt(), breach.getDueAt()))
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(breach.getSummary()).contains("Lukas Brandt");
    assertThat(breach.getManagerId()).isEqualTo("M-SAM");
    assertThat(breach.getTeam()).isEqualTo("EMEA");
  }
}
