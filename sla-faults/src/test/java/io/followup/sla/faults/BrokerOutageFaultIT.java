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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The broker, in a process of its own, stopped for 30 s mid-stream and started again, while the
 * engine (a process of its own too) and a producer keep running: the engine recovers by itself and
 * every alert replay owes is in {@code sla.alerts} exactly once.
 *
 * <p>A 20-second first-touch SLA without warning or escalation. Leads never touched, and leads
 * touched after their deadline, owe the same alerts whenever the engine gets to them, so they are
 * created before, during and after the outage; leads touched in time and touches recorded late owe
 * theirs only if the engine runs near their deadline, so they are created only where the whole of
 * their clock falls before the outage or after the recovery.
 */
class BrokerOutageFaultIT {

  static final Duration OUTAGE = Duration.ofSeconds(30);

  /**
   * How soon after the broker is gone {@code /health/ready} must say 503: the engine counts the
   * cluster gone after 15 s without an answer, asks it every 5 s, and this test asks the engine
   * every half second.
   */
  static final Duration NOT_READY_BUDGET = Duration.ofMillis(15_000 + 5_000 + 500);

  /** How long after the broker is back every alert owed so far must be there. */
  static final Duration RECOVERY_BUDGET = Duration.ofSeconds(90);

  @Test
  @Timeout(value = 7, unit = TimeUnit.MINUTES)
  void theEngineRecoversByItselfAndOwesNothing() throws Exception {
    Path dir = Scenarios.runDir("broker-outage");
    long seed = Long.getLong("faults.seed", 20261203L);
    Random random = new Random(seed);
    Policy policy = PolicyLoader.parse(Scenarios.OUTAGE_POLICY, "fault suite policy");

    try (BrokerProcess broker = new BrokerProcess(dir.resolve("broker"))) {
      broker.start(Duration.ofSeconds(120));
      try (EmbeddedSchemaRegistry registryServer =
              EmbeddedSchemaRegistry.start(broker.bootstrapServers(), Map.of(), "localhost", 0);
          EngineProcess engine =
              new EngineProcess(
                  "engine",
                  dir.resolve("engine"),
                  broker.bootstrapServers(),
                  registryServer.url(),
                  Scenarios.OUTAGE_POLICY,
                  Scenarios.engineSettings("faults-outage"));
          ReadinessProbe probe = new ReadinessProbe(engine)) {
        HttpSchemaRegistryClient registry = new HttpSchemaRegistryClient(registryServer.url());
        engine.start();
        engine.awaitReady(Duration.ofSeconds(120));

        FaultWorkload workload = new FaultWorkload(Scenarios.OUTAGE_TIMING);
        try (PacedSender sender =
            new PacedSender(
                new EventPublisher(
                    broker.bootstrapServers(), Map.of(), TopicNames.DEFAULTS, registry, true))) {
          sender.send(List.of(new FaultWorkload.Planned(Instant.now(), FaultWorkload.rep())));
          Instant t0 = Instant.now().plusSeconds(2);
          // Before: every kind, all of their clocks over 15 s before the outage begins.
          Scenarios.births(workload, List.of(Kind.values()), t0, Duration.ofSeconds(15), 6, random);
          // Across the outage: only the kinds whose alerts cannot depend on the engine's timing.
          Instant stopAt = t0.plusSeconds(50);
          Scenarios.births(
              workload,
              Scenarios.TIMING_FREE,
              stopAt.minusSeconds(20),
              Duration.ofSeconds(60),
              10,
              random);
          Future<?> sending = sender.send(workload.planned());

          Scenarios.sleepUntil(stopAt);
          probe.start("broker stopping");
          Instant stopping = Instant.now();
          broker.stop();
          Instant stopped = Instant.now();
          probe.mark("broker stopped");
          Thread.sleep(OUTAGE.toMillis());
          probe.mark("broker starting");
          Instant restarting = Instant.now();
          Duration brokerStart = broker.start(Duration.ofSeconds(120));
          probe.mark("broker back");

          // Recovered: every alert owed by now is there, without touching the engine.
          Duration recovery =
              Scenarios.awaitOwedSoFar(
                  workload,
                  policy,
                  broker.bootstrapServers(),
                  registry,
                  restarting,
                  RECOVERY_BUDGET,
                  sender);
          probe.mark("recovered");
          engine.awaitReady(Duration.ofSeconds(30));
          Thread.sleep(1_000);
          // Readiness went with the broker and came back with it, both while the probe watched.
          Optional<ReadinessProbe.Change> notReady = probe.firstNotReadyAfter(stopping);
          assertThat(notReady)
              .as("/health/ready said 503 while the broker was down: %s", probe.changes())
              .hasValueSatisfying(c -> assertThat(c.status()).isEqualTo(503));
          Duration notReadyAfter = Duration.between(stopped, notReady.orElseThrow().at());
          assertThat(notReadyAfter)
              .as("503 within %d ms of the broker's exit", NOT_READY_BUDGET.toMillis())
              .isLessThanOrEqualTo(NOT_READY_BUDGET);
          assertThat(notReady.orElseThrow().at())
              .as("not ready before the broker came back")
              .isBefore(restarting);
          Optional<ReadinessProbe.Change> readyAgain =
              probe.firstReadyAfter(notReady.orElseThrow().at());
          assertThat(readyAgain)
              .as("ready again after the outage: %s", probe.changes())
              .isPresent();
          assertThat(engine.isAlive()).as("the engine process survived the outage").isTrue();

          // After: every kind again, on the recovered engine.
          Instant t1 = Instant.now().plusSeconds(2);
          List<FaultWorkload.Planned> more = new ArrayList<>();
          for (int i = 0; i < 6 * Kind.values().length; i++) {
            Kind kind = Kind.values()[i % Kind.values().length];
            more.addAll(workload.lead(kind, t1.plusMillis(random.nextInt(15_000))));
          }
          sending.get(3, TimeUnit.MINUTES);
          Future<?> sendingMore =
              sender.send(
                  more.stream()
                      .sorted(Comparator.comparing(FaultWorkload.Planned::sendAt))
                      .toList());
          sendingMore.get(3, TimeUnit.MINUTES);
          probe.stop();

          Instant asOf = workload.settledBy(Scenarios.OUTAGE_SLA).plusSeconds(1);
          Scenarios.sleepUntil(asOf);
          List<SlaAlert> owed = workload.replay(policy, asOf);
          List<SlaAlert> seen = Scenarios.awaitAll(broker.bootstrapServers(), registry, owed);
          AlertLedger.Comparison result = AlertLedger.compare(owed, seen);
          System.out.printf(
              "FAULTS|broker-outage|seed=%d|outage=%ds (stopped %s)|broker start=%ds"
                  + "|recovered after %ds|readiness %s|503 after %d ms, 200 again %d ms after the"
                  + " restart began|changes %s|leads=%s|owed by kind=%s|%s|%s%n",
              seed,
              OUTAGE.toSeconds(),
              stopped,
              brokerStart.toSeconds(),
              recovery.toSeconds(),
              probe.answers(),
              notReadyAfter.toMillis(),
              Duration.between(restarting, readyAgain.orElseThrow().at()).toMillis(),
              probe.changes(),
              workload.leadsByKind(),
              AlertLedger.byKind(owed),
              result,
              AlertLedger.leadsAffected(result, owed, seen));
          System.out.printf(
              "FAULTS|broker-outage|producer refusals=%d %s%n",
              sender.refusals().size(), sender.refusals());
          assertThat(AlertLedger.byKind(owed)).containsKeys("BREACHED", "RESOLVED");
          assertThat(result.exact())
              .as(
                  "every owed (alertId, kind) exactly once across a %d s broker outage: %s",
                  OUTAGE.toSeconds(), result)
              .isTrue();
          assertThat(probe.lastStatus()).as("ready once recovered").isEqualTo(200);
        }
      }
    }
  }
}
