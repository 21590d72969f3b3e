package io.followup.sla.faults;

import io.followup.sla.events.SlaAlert;
import io.followup.sla.faults.FaultWorkload.Kind;
import io.followup.sla.policy.Policy;
import io.followup.sla.serde.SchemaRegistryClient;
import io.followup.sla.streams.TopicNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/** What the fault scenarios share: the engine's settings, the outage workload, the waiting. */
final class Scenarios {

  /** The SLA of {@link #OUTAGE_POLICY}, its only stage. */
  static final Duration OUTAGE_SLA = Duration.ofSeconds(20);

  /** A 20-second first-touch SLA without warning or escalation: for the outage scenarios. */
  static final String OUTAGE_POLICY =
      """
      policyId: faults
      version: "faults-outage-1"
      rules:
        first-touch:
          sla: PT20S
      """;

  /** Touches for {@link #OUTAGE_POLICY}: in time at 2 s, late at 30 s, recorded late 10 → 30 s. */
  static final FaultWorkload.Timing OUTAGE_TIMING =
      new FaultWorkload.Timing(
          Duration.ofSeconds(2),
          Duration.ofSeconds(30),
          Duration.ofSeconds(10),
          Duration.ofSeconds(30));

  /**
   * The kinds whose alerts do not depend on when the engine gets to them under {@link
   * #OUTAGE_POLICY}: a lead never touched breaches, a lead touched after its deadline breaches and
   * is resolved (the engine fires a deadline passed before the touch it applies), whatever the
   * delay. The others need the engine running near their deadline.
   */
  static final List<Kind> TIMING_FREE = List.of(Kind.NEVER_TOUCHED, Kind.TOUCHED_LATE);

  private Scenarios() {}

  /**
   * A fresh directory for one scenario's processes under {@code target/fault-runs}, kept after the
   * run: the engine's and broker's logs are what explains a failure.
   */
  static Path runDir(String scenario) throws IOException {
    Path dir = Path.of(System.getProperty("faults.dir", "target/fault-runs")).resolve(scenario);
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    return Files.createDirectories(dir).toAbsolutePath();
  }

  static Map<String, String> engineSettings(String applicationId) {
    return Map.of(
        "application.id", applicationId,
        "schema-registry.auto-register", "true",
        "engine.punctuate-interval", "PT0.5S",
        // The engine's own membership settings (static membership, a 30 s session, one standby):
        // a restarted instance takes its partitions back under its instance id without waiting
        // out its killed predecessor's session, so the suite needs no shorter session of its own.
        "streams.commit.interval.ms", "200");
  }

  /** Plans {@code perKind} leads of each kind, created at seeded random moments in the window. */
  static void births(
      FaultWorkload workload,
      List<Kind> kinds,
      Instant from,
      Duration over,
      int perKind,
      Random random) {
    for (int i = 0; i < perKind * kinds.size(); i++) {
      workload.lead(
          kinds.get(i % kinds.size()),
          from.plusMillis((long) (random.nextDouble() * over.toMillis())));
    }
  }

  /** Reads until every owed alert is there (or a minute passed), then once more after a pause. */
  static List<SlaAlert> awaitAll(
      String bootstrap, SchemaRegistryClient registry, List<SlaAlert> owed)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      List<SlaAlert> seen = AlertLedger.readAll(bootstrap, TopicNames.DEFAULTS.alerts(), registry);
      if (AlertLedger.compare(owed, seen).missing().isEmpty()) {
        break;
      }
      Thread.sleep(2_000);
    }
    // Anything a late scan still adds (a duplicate, an alert never owed) shows up by now.
    Thread.sleep(5_000);
    return AlertLedger.readAll(bootstrap, TopicNames.DEFAULTS.alerts(), registry);
  }

  /**
   * Waits until every alert replay owes by now (less two seconds of slack: an alert due this
   * instant may not be out yet) is in the topic; returns how long after {@code since} that was.
   */
  static Duration awaitOwedSoFar(
      FaultWorkload workload,
      Policy policy,
      String bootstrap,
      SchemaRegistryClient registry,
      Instant since,
      Duration budget,
      PacedSender sender)
      throws InterruptedException {
    long deadline = System.nanoTime() + budget.toNanos();
    AlertLedger.Comparison last = null;
    while (System.nanoTime() < deadline) {
      last = owedSoFar(workload, policy, bootstrap, registry);
      if (last.missing().isEmpty() && last.expected() > 0) {
        return Duration.between(since, Instant.now());
      }
      Thread.sleep(1_000);
    }
    throw new AssertionError(
        "the engine did not catch up within "
            + budget.toSeconds()
            + " s: "
            + last
            + "; leads missing alerts: "
            + AlertLedger.leadsOf(
                last.missing(), workload.replay(policy, Instant.now().plusSeconds(3600)))
            + "; the producer's refused sends: "
            + sender.refusals());
  }

  /** The alerts owed by now (less two seconds) against those in the topic. */
  static AlertLedger.Comparison owedSoFar(
      FaultWorkload workload, Policy policy, String bootstrap, SchemaRegistryClient registry) {
    Instant upTo = Instant.now().minusSeconds(2);
    List<SlaAlert> owed =
        workload.replay(policy, upTo).stream()
            .filter(a -> a.getDetectedAt().isBefore(upTo))
            .toList();
    return AlertLedger.compare(
        owed, AlertLedger.readAll(bootstrap, TopicNames.DEFAULTS.alerts(), registry));
  }

  static void sleepUntil(Instant at) throws InterruptedException {
    long wait = Duration.between(Instant.now(), at).toMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
  }
}
