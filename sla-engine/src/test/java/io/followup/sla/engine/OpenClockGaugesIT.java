package io.followup.sla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.followup.sla.config.EngineConfig;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.metrics.EngineMeters;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyHolder;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.registry.EmbeddedSchemaRegistry;
import io.followup.sla.serde.HttpSchemaRegistryClient;
import io.followup.sla.serde.SchemaRegistryClient;
import io.followup.sla.streams.EventPublisher;
import io.followup.sla.streams.TopicNames;
import io.followup.sla.testing.InJvmKafka;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The open-clock gauges on a real broker: each instance reports the clocks of the tasks it runs, so
 * the instances add up to every open clock through a rebalance, a hand-over and a restart.
 */
class OpenClockGaugesIT {

  private static final int LEADS = 12;

  private static InJvmKafka kafka;
  private static EmbeddedSchemaRegistry registryServer;
  private static SchemaRegistryClient registry;

  @TempDir static Path dataDir;

  @BeforeAll
  static void start() throws Exception {
    kafka = InJvmKafka.start();
    registryServer =
        EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), Map.of(), "localhost", 0);
    registry = new HttpSchemaRegistryClient(registryServer.url());
  }

  @AfterAll
  static void stop() throws Exception {
    if (registryServer != null) {
      registryServer.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void openClocksAddUpAcrossInstancesAndSurviveARebalanceAndARestart() throws Exception {
    String applicationId = "gauges-" + UUID.randomUUID();
    Policy policy =
        PolicyLoader.parse(
            """
            policyId: gauges
            version: "g-1"
            rules:
              first-touch:
                sla: PT30M
            """,
            "gauges");

    Instance a = Instance.start(config(applicationId, "a"), policy);
    Instance b = null;
    try {
      try (EventPublisher events =
          new EventPublisher(
              kafka.bootstrapServers(), Map.of(), TopicNames.DEFAULTS, registry, true)) {
        for (int i = 0; i < LEADS; i++) {
          events.send(lead("L-" + i));
        }
        events.flush();
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> a.running() == LEADS);

      // A second instance joins: the tasks, and with them their counts, are shared out.
      b = Instance.start(config(applicationId, "b"), policy);
      Instance joined = b;
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                assertThat(a.engine.isRunning() && joined.engine.isRunning()).isTrue();
                assertThat(a.running()).isPositive();
                assertThat(joined.running()).isPositive();
                assertThat(a.running() + joined.running()).isEqualTo(LEADS);
              });
      // The store meters of a task that moved go with it, rather than stay behind reading NaN: in
      // the end each task's store is reported by exactly one instance.
      await()
          .atMost(Duration.ofSeconds(45))
          .untilAsserted(
              () -> {
                Set<String> onA = a.leadStateTasks();
                Set<String> onB = joined.leadStateTasks();
                assertThat(onB).isNotEmpty();
                assertThat(onA).isNotEmpty().noneMatch(onB::contains);
                assertThat(onA.size() + onB.size()).isEqualTo(3);
              });

      // The first leaves: the second reports every clock.
      a.close();
      await().atMost(Duration.ofSeconds(60)).until(() -> joined.running() == LEADS);

      // The second restarts: its counts come back with its state.
      b.close();
      b = Instance.start(config(applicationId, "b"), policy);
      Instance restarted = b;
      await().atMost(Duration.ofSeconds(60)).until(() -> restarted.running() == LEADS);
    } finally {
      a.close();
      if (b != null) {
        b.close();
      }
    }
  }

  private static EngineConfig config(String applicationId, String instance) {
    Map<String, String> values = new HashMap<>();
    values.put(EngineConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
    values.put(EngineConfig.SCHEMA_REGISTRY_URL, registryServer.url());
    values.put(EngineConfig.SCHEMA_REGISTRY_AUTO_REGISTER, "true");
    values.put(EngineConfig.DATA_DIR, dataDir.resolve(instance).toString());
    values.put(EngineConfig.APPLICATION_ID, applicationId);
    values.put("streams.commit.interval.ms", "100");
    // About where active tasks' meters go: a standby keeps a copy of the store and reports it too.
    values.put("streams.num.standby.replicas", "0");
    return EngineConfig.of(values);
  }

  private static LeadCreated lead(String leadId) {
    return LeadCreated.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setLeadId(leadId)
        .setOccurredAt(Instant.now())
        .setSource("WEBINAR")
        .setOwnerRepId("R-DANA")
        .build();
  }

  /** One engine instance with its own Prometheus registry, as one pod would have. */
  private static final class Instance implements AutoCloseable {
    final EngineMeters meters;
    final SlaEngine engine;
    private boolean closed;

    private Instance(EngineMeters meters, SlaEngine engine) {
      this.meters = meters;
      this.engine = engine;
    }

    static Instance start(EngineConfig config, Policy policy) throws Exception {
      EngineMeters meters =
          EngineMeters.prometheus(
              config.topics().all(), config.get(EngineConfig.APPLICATION_ID).orElseThrow());
      SlaEngine engine =
          SlaEngine.start(
              config,
              new PolicyHolder(policy),
              registry,
              meters.registry(),
              Optional.of((short) 1));
      assertThat(engine.awaitRunning(Duration.ofSeconds(60))).isTrue();
      return new Instance(meters, engine);
    }

    /** What this instance's gauge says: first-touch clocks still running. */
    double running() {
      PrometheusMeterRegistry r = meters.registry();
      Gauge gauge =
          r.find("sla.clocks.open").tag("rule", "first-touch").tag("stage", "running").gauge();
      return gauge == null ? 0 : gauge.value();
    }

    /** The tasks whose lead-state store this instance reports metrics for. */
    Set<String> leadStateTasks() {
      Pattern task = Pattern.compile("task_id=\"([^\"]+)\"");
      return meters
          .registry()
          .scrape()
          .lines()
          .filter(l -> l.startsWith("kafka_stream_state_estimate_num_keys{"))
          .filter(l -> l.contains("store=\"lead-state\""))
          .map(task::matcher)
          .filter(Matcher::find)
          .map(m -> m.group(1))
          .collect(Collectors.toSet());
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        engine.close();
        meters.close();
      }
    }
  }
}
