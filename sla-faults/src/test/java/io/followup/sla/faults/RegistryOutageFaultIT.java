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
import io.followup.sla.testing.InJvmKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The schema registry down for 30 s mid-stream. The running engine has every schema it needs
 * cached, so it keeps alerting; an engine started during the outage refuses with one line naming
 * the registry, and starts once the registry is back; a producer that has not cached its schema yet
 * is refused with a clear reason, retries, and gets through once the registry is back. Every alert
 * replay owes is in {@code sla.alerts} exactly once.
 */
class RegistryOutageFaultIT {

  static final Duration OUTAGE = Duration.ofSeconds(30);

  @Test
  @Timeout(value = 7, unit = TimeUnit.MINUTES)
  void alertsFlowThroughTheOutageAndNothingIsLost() throws Exception {
    Path dir = Scenarios.runDir("registry-outage");
    long seed = Long.getLong("faults.seed", 20261203L);
    Random random = new Random(seed);
    Policy policy = PolicyLoader.parse(Scenarios.OUTAGE_POLICY, "fault suite policy");
    int registryPort = EngineProcess.freePort();

    try (InJvmKafka kafka = InJvmKafka.start()) {
      String bootstrap = kafka.bootstrapServers();
      EmbeddedSchemaRegistry registryServer =
          EmbeddedSchemaRegistry.start(bootstrap, Map.of(), "localhost", registryPort);
      String registryUrl = registryServer.url();
      try (EngineProcess engine =
          new EngineProcess(
              "engine",
              dir.resolve("engine"),
              bootstrap,
              registryUrl,
              Scenarios.OUTAGE_POLICY,
              Scenarios.engineSettings("faults-registry"))) {
        // The test's reader and producer: long-running clients with their schemas cached.
        HttpSchemaRegistryClient registry = new HttpSchemaRegistryClient(registryUrl);
        engine.start();
        engine.awaitReady(Duration.ofSeconds(120));

        FaultWorkload workload = new FaultWorkload(Scenarios.OUTAGE_TIMING);
        try (PacedSender sender =
            new PacedSender(
                new EventPublisher(bootstrap, Map.of(), TopicNames.DEFAULTS, registry, true))) {
          sender.send(List.of(new FaultWorkload.Planned(Instant.now(), FaultWorkload.rep())));
          Instant t0 = Instant.now().plusSeconds(2);
          Scenarios.births(workload, List.of(Kind.values()), t0, Duration.ofSeconds(15), 6, random);
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
          // The test's reader meets the alerts' schema before the outage, like any subscriber
          // that was running: its cache then carries it through.
          assertThat(Scenarios.owedSoFar(workload, policy, bootstrap, registry).missing())
              .as("alerts owed before the outage")
              .isEmpty();
          registryServer.close();
          Instant stopped = Instant.now();

          // The running engine keeps alerting: deadlines passing in the outage's first 15 s.
          Thread.sleep(15_000);
          AlertLedger.Comparison duringOutage =
              Scenarios.owedSoFar(workload, policy, bootstrap, registry);
          long owedInOutage =
              workload.replay(policy, Instant.now()).stream()
                  .filter(a -> a.getDetectedAt().isAfter(stopped))
                  .filter(a -> a.getDetectedAt().isBefore(Instant.now().minusSeconds(2)))
                  .count();

          // A producer without cached schemas is refused, clearly, until the registry is back.
          FaultWorkload.Planned cold = workload.lead(Kind.NEVER_TOUCHED, Instant.now()).get(0);
          HttpSchemaRegistryClient coldRegistry = new HttpSchemaRegistryClient(registryUrl);
          List<String> refusals = new ArrayList<>();
          // An engine started now cannot fetch schemas: it must say so in one line and exit.
          engine.kill();
          engine.start();
          OptionalInt exit = engine.awaitExit(Duration.ofSeconds(60));
          String engineSaid = engine.lastOutputLine();
          try (EventPublisher coldProducer =
              new EventPublisher(bootstrap, Map.of(), TopicNames.DEFAULTS, coldRegistry, true)) {
            refusals.add(trySend(coldProducer, cold));

            Scenarios.sleepUntil(stopped.plus(OUTAGE));
            registryServer =
                EmbeddedSchemaRegistry.start(bootstrap, Map.of(), "localhost", registryPort);
            Instant back = Instant.now();
            // The producer retries, as its caller would, until it gets through.
            while (refusals.get(refusals.size() - 1) != null) {
              Thread.sleep(1_000);
              refusals.add(trySend(coldProducer, cold));
            }
            coldProducer.flush();
            // The supervisor starts the engine again.
            engine.start();
            engine.awaitReady(Duration.ofSeconds(120));
            Duration recovery =
                Scenarios.awaitOwedSoFar(
                    workload, policy, bootstrap, registry, back, Duration.ofSeconds(90), sender);

            // After: every kind again.
            Instant t1 = Instant.now().plusSeconds(2);
            List<FaultWorkload.Planned> more = new ArrayList<>();
            for (int i = 0; i < 6 * Kind.values().length; i++) {
              more.addAll(
                  workload.lead(
                      Kind.values()[i % Kind.values().length],
                      t1.plusMillis(random.nextInt(15_000))));
            }
            sending.get(3, TimeUnit.MINUTES);
            sender
                .send(
                    more.stream()
                        .sorted(Comparator.comparing(FaultWorkload.Planned::sendAt))
                        .toList())
                .get(3, TimeUnit.MINUTES);

            Instant asOf = workload.settledBy(Scenarios.OUTAGE_SLA).plusSeconds(1);
            Scenarios.sleepUntil(asOf);
            List<SlaAlert> owed = workload.replay(policy, asOf);
            List<SlaAlert> seen = Scenarios.awaitAll(bootstrap, registry, owed);
            AlertLedger.Comparison result = AlertLedger.compare(owed, seen);
            System.out.printf(
                "FAULTS|registry-outage|seed=%d|outage=%ds|alerts owed in the outage's first 15 s"
                    + "=%d, missing then=%d|engine started in the outage: exit %s, said '%s'"
                    + "|cold producer refused %d times, first: '%s'|recovered after %ds"
                    + "|leads=%s|owed by kind=%s|%s|%s%n",
                seed,
                OUTAGE.toSeconds(),
                owedInOutage,
                duringOutage.missing().size(),
                exit,
                engineSaid,
                refusals.size() - 1,
                refusals.get(0),
                recovery.toSeconds(),
                workload.leadsByKind(),
                AlertLedger.byKind(owed),
                result,
                AlertLedger.leadsAffected(result, owed, seen));
            System.out.printf(
                "FAULTS|registry-outage|producer refusals=%d %s%n",
                sender.refusals().size(), sender.refusals());

            assertThat(owedInOutage).as("deadlines fell in the outage").isPositive();
            assertThat(duringOutage.missing())
                .as("the running engine alerted through the registry outage")
                .isEmpty();
            assertThat(exit).as("an engine started in the outage exits").isPresent();
            assertThat(exit.getAsInt()).isNotZero();
            assertThat(engineSaid)
                .as("one line naming the registry")
                .contains("schema registry")
                .contains(registryUrl)
                .doesNotContain("Exception");
            assertThat(refusals.get(0))
                .as("a producer refused with the reason")
                .contains("could not reach the schema registry");
            assertThat(result.exact())
                .as(
                    "every owed (alertId, kind) exactly once across a %d s registry outage: %s",
                    OUTAGE.toSeconds(), result)
                .isTrue();
          }
        }
      } finally {
        registryServer.close();
      }
    }
  }

  /** Sends one event; null when it went, else why it was refused (its distinct causes joined). */
  private static String trySend(EventPublisher producer, FaultWorkload.Planned planned) {
    try {
      producer.send(planned.event());
      return null;
    } catch (RuntimeException e) {
      StringBuilder why = new StringBuilder();
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t.getMessage() != null && why.indexOf(t.getMessage()) < 0) {
          why.append(why.length() == 0 ? "" : " / ").append(t.getMessage());
        }
      }
      return why.toString();
    }
  }
}
