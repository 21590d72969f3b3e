package io.followup.sla.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.events.SlaAlert;
import io.followup.sla.faults.FaultWorkload.Kind;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.registry.EmbeddedSchemaRegistry;
import io.followup.sla.serde.HttpSchemaRegistryClient;
import io.followup.sla.streams.EventPublisher;
import io.followup.sla.streams.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Three engine instances, each its own OS process with its own instance id and data directory, one
 * {@code application.id}, on a three-broker cluster (replication 3, min.insync.replicas 2), with
 * the engine's defaults: static membership, a 30 s session, one standby replica. One instance is
 * killed with SIGKILL: once its session expires the other two take its partitions from their warm
 * standbys, and the alerts due meanwhile come within {@link #DETECTION_BUDGET}. It is started again
 * later, then all three are restarted one after the other (SIGTERM, wait until ready, next). Every
 * alert replay of the same events owes is in {@code sla.alerts} exactly once (read committed).
 *
 * <p>The 20-second policy of the outage scenarios. Leads of every kind before the kill and after
 * the rolling restart; in between only the kinds whose alerts do not depend on when the engine gets
 * to them (a failover delays alerts by design).
 */
class ThreeInstancesFaultIT {

  /** The engine's default session timeout, which a killed instance's partitions wait out. */
  static final Duration SESSION = Duration.ofSeconds(30);

  /**
   * How late an alert due while the group changes (an instance dead, back, restarted in turn) may
   * come: a dead instance's session, then a rebalance of the others and their standbys becoming
   * active (no changelog replay), then a commit.
   */
  static final Duration DETECTION_BUDGET = SESSION.plusSeconds(30);

  static final String APPLICATION_ID = "faults-three";

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void failoverAndRollingRestartLoseNothing() throws Exception {
    Path dir = Scenarios.runDir("three-instances");
    long seed = Long.getLong("faults.seed", 20261203L);
    Random random = new Random(seed);
    Policy policy = PolicyLoader.parse(Scenarios.OUTAGE_POLICY, "fault suite policy");

    try (KafkaClusterTestKit cluster = threeBrokers();
        EmbeddedSchemaRegistry registryServer =
            EmbeddedSchemaRegistry.start(
                cluster.bootstrapServers(),
                Map.of(),
                "localhost",
                0,
                EmbeddedSchemaRegistry.Settings.defaults().withReplicationFactor(3));
        EngineProcess a = engine(dir, "a", cluster, registryServer);
        EngineProcess b = engine(dir, "b", cluster, registryServer);
        EngineProcess c = engine(dir, "c", cluster, registryServer)) {
      String bootstrap = cluster.bootstrapServers();
      HttpSchemaRegistryClient registry = new HttpSchemaRegistryClient(registryServer.url());
      List<EngineProcess> engines = List.of(a, b, c);
      // The first creates the topics; the other two join its group.
      a.start();
      a.awaitReady(Duration.ofSeconds(120));
      b.start();
      c.start();
      b.awaitReady(Duration.ofSeconds(120));
      c.awaitReady(Duration.ofSeconds(120));
      // Ready means RUNNING; wait until all three share the work (and the standbys) in one group.
      for (EngineProcess e : engines) {
        e.awaitReady(Duration.ofSeconds(120));
      }

      FaultWorkload workload = new FaultWorkload(Scenarios.OUTAGE_TIMING);
      try (PacedSender sender =
              new PacedSender(
                  new EventPublisher(bootstrap, Map.of(), TopicNames.DEFAULTS, registry, true));
          AlertWatch watch = new AlertWatch(bootstrap, TopicNames.DEFAULTS.alerts(), registry)) {
        sender.send(List.of(new FaultWorkload.Planned(Instant.now(), FaultWorkload.rep())));
        Instant t0 = Instant.now().plusSeconds(2);
        // Before: every kind, all of their clocks over before the kill.
        Scenarios.births(workload, List.of(Kind.values()), t0, Duration.ofSeconds(15), 5, random);
        // Across the kill, the restart and the rolling restart: the kinds free of timing.
        Instant killAt = t0.plusSeconds(45);
        Scenarios.births(
            workload,
            Scenarios.TIMING_FREE,
            t0.plusSeconds(30),
            Duration.ofSeconds(90),
            12,
            random);
        Future<?> sending = sender.send(workload.planned());

        // One instance killed, at a seeded choice; its partitions wait out its session.
        EngineProcess victim = engines.get(random.nextInt(engines.size()));
        Scenarios.sleepUntil(killAt);
        Instant killed = Instant.now();
        victim.kill();
        Scenarios.sleepUntil(killed.plus(SESSION).plusSeconds(10));
        for (EngineProcess e : engines) {
          if (e != victim) {
            assertThat(e.isAlive()).as("%s survived the failover", e.describe()).isTrue();
          }
        }
        Instant restarting = Instant.now();
        victim.start();
        Duration victimBack = victim.awaitReady(Duration.ofSeconds(120));

        // Rolling restart: each in turn stopped in order, started, ready before the next.
        Instant rollingFrom = Instant.now();
        Map<String, Long> rollingSeconds = new LinkedHashMap<>();
        for (EngineProcess e : engines) {
          long t = System.nanoTime();
          e.close();
          e.start();
          e.awaitReady(Duration.ofSeconds(120));
          rollingSeconds.put(e.name(), Duration.ofNanos(System.nanoTime() - t).toSeconds());
        }
        Instant rollingTo = Instant.now();
        sending.get(3, TimeUnit.MINUTES);

        // After: every kind again, on the three restarted instances.
        Instant t1 = Instant.now().plusSeconds(2);
        List<FaultWorkload.Planned> more = new ArrayList<>();
        for (int i = 0; i < 4 * Kind.values().length; i++) {
          more.addAll(
              workload.lead(
                  Kind.values()[i % Kind.values().length], t1.plusMillis(random.nextInt(10_000))));
        }
        sender
            .send(
                more.stream().sorted(Comparator.comparing(FaultWorkload.Planned::sendAt)).toList())
            .get(3, TimeUnit.MINUTES);

        Instant asOf = workload.settledBy(Scenarios.OUTAGE_SLA).plusSeconds(1);
        Scenarios.sleepUntil(asOf);
        List<SlaAlert> owed = workload.replay(policy, asOf);
        List<SlaAlert> seen = Scenarios.awaitAll(bootstrap, registry, owed);
        AlertLedger.Comparison result = AlertLedger.compare(owed, seen);

        // How late each owed alert came, by the phase it was due in.
        Map<String, List<Duration>> lateness = new TreeMap<>();
        Map<String, String> latest = new TreeMap<>();
        for (SlaAlert alert : owed) {
          Instant due = alert.getDetectedAt();
          String phase =
              due.isBefore(killed)
                  ? "1 before the kill"
                  : due.isBefore(restarting)
                      ? "2 failover"
                      : due.isBefore(rollingFrom)
                          ? "3 killed one back"
                          : due.isBefore(rollingTo) ? "4 rolling" : "5 after rolling";
          Optional<Instant> at = watch.firstSeen(alert);
          if (at.isPresent()) {
            Duration late = Duration.between(due, at.get());
            List<Duration> list = lateness.computeIfAbsent(phase, p -> new ArrayList<>());
            if (list.stream().allMatch(d -> d.compareTo(late) < 0)) {
              latest.put(phase, "%s %s due %s".formatted(alert.getLeadId(), alert.getKind(), due));
            }
            list.add(late);
          }
        }
        Map<String, String> latenessFigures = new TreeMap<>();
        lateness.forEach(
            (phase, list) ->
                latenessFigures.put(
                    phase,
                    "%d alerts, max %d ms (%s), late by over 5 s %d"
                        .formatted(
                            list.size(),
                            list.stream().max(Comparator.naturalOrder()).orElseThrow().toMillis(),
                            latest.get(phase),
                            list.stream().filter(d -> d.toSeconds() >= 5).count())));
        System.out.printf(
            "FAULTS|three-instances|seed=%d|killed %s at %s|restarted at %s, ready in %ds"
                + "|rolling %s to %s %s"
                + "|lateness %s|leads=%s|owed by kind=%s|%s|%s%n",
            seed,
            victim.name(),
            killed,
            restarting,
            victimBack.toSeconds(),
            rollingFrom,
            rollingTo,
            rollingSeconds,
            latenessFigures,
            workload.leadsByKind(),
            AlertLedger.byKind(owed),
            result,
            AlertLedger.leadsAffected(result, owed, seen));
        System.out.printf(
            "FAULTS|three-instances|producer refusals=%d %s%n",
            sender.refusals().size(), sender.refusals());

        assertEveryTopicHasThreeReplicas(bootstrap);
        assertThat(AlertLedger.byKind(owed)).containsKeys("BREACHED", "RESOLVED");
        assertThat(lateness.getOrDefault("2 failover", List.of()))
            .as("alerts due while an instance was dead")
            .hasSizeGreaterThanOrEqualTo(6);
        assertThat(lateness.getOrDefault("4 rolling", List.of()))
            .as("alerts due during the rolling restart")
            .isNotEmpty();
        lateness.forEach(
            (phase, list) ->
                assertThat(list)
                    .as("how late alerts due in phase '%s' came: %s", phase, latenessFigures)
                    .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(DETECTION_BUDGET)));
        assertThat(result.exact())
            .as(
                "every owed (alertId, kind) exactly once through a kill and a rolling restart: %s",
                result)
            .isTrue();
        for (EngineProcess e : engines) {
          assertThat(e.readiness()).as("%s ready at the end", e.describe()).isEqualTo(200);
        }
      }
    }
  }

  private static EngineProcess engine(
      Path dir, String name, KafkaClusterTestKit cluster, EmbeddedSchemaRegistry registry) {
    Map<String, String> settings = new TreeMap<>(Scenarios.engineSettings(APPLICATION_ID));
    settings.put("engine.instance-id", "faults-engine-" + name);
    return new EngineProcess(
        "engine-" + name,
        dir.resolve("engine-" + name),
        cluster.bootstrapServers(),
        registry.url(),
        Scenarios.OUTAGE_POLICY,
        settings);
  }

  /** Three brokers in this JVM; topics the engine or the registry create get three replicas. */
  private static KafkaClusterTestKit threeBrokers() throws Exception {
    KafkaClusterTestKit cluster =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(3)
                    .setNumControllerNodes(1)
                    .build())
            .setConfigProp("default.replication.factor", "3")
            .setConfigProp("min.insync.replicas", "2")
            .setConfigProp("offsets.topic.replication.factor", "3")
            .setConfigProp("transaction.state.log.replication.factor", "3")
            .setConfigProp("transaction.state.log.min.isr", "2")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .build();
    try {
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
    } catch (Exception e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /** The scenario is about replicated topics: the engine's, its internal ones, the registry's. */
  private static void assertEveryTopicHasThreeReplicas(String bootstrap) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      Map<String, TopicDescription> topics =
          admin.describeTopics(admin.listTopics().names().get()).allTopicNames().get();
      assertThat(topics.keySet())
          .contains(TopicNames.DEFAULTS.alerts(), EmbeddedSchemaRegistry.DEFAULT_TOPIC)
          .anyMatch(t -> t.startsWith(APPLICATION_ID + "-") && t.endsWith("-changelog"));
      assertThat(topics.values())
          .allSatisfy(
              t ->
                  assertThat(t.partitions())
                      .as("replicas of %s", t.name())
                      .allSatisfy(p -> assertThat(p.replicas()).hasSize(3)));
    }
  }
}
