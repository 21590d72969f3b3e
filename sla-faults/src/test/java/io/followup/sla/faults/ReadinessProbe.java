package io.followup.sla.faults;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks the engine's {@code /health/ready} twice a second, as a Kubernetes probe would, and tallies
 * the answers per phase of a scenario (e.g. "broker stopped", "broker back"): what an operator's
 * dashboard would have shown at each moment.
 */
final class ReadinessProbe implements AutoCloseable {

  private final EngineProcess engine;
  private final Map<String, Map<Integer, Integer>> answers = new LinkedHashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "readiness-probe");
            t.setDaemon(true);
            return t;
          });
  private volatile String phase;
  private volatile int lastStatus = -1;
  private final List<Change> changes = new ArrayList<>();

  /** The moment the answer became {@code status} (HTTP status, -1 for no answer). */
  record Change(Instant at, int status) {}

  ReadinessProbe(EngineProcess engine) {
    this.engine = engine;
  }

  void start(String firstPhase) {
    mark(firstPhase);
    timer.scheduleWithFixedDelay(this::ask, 0, 500, TimeUnit.MILLISECONDS);
  }

  /** From now on, answers count toward {@code name}. */
  synchronized void mark(String name) {
    phase = name;
    answers.computeIfAbsent(name, n -> new TreeMap<>());
  }

  private void ask() {
    int status = engine.readiness();
    Instant at = Instant.now();
    synchronized (this) {
      if (status != lastStatus) {
        changes.add(new Change(at, status));
      }
      lastStatus = status;
      answers.get(phase).merge(status, 1, Integer::sum);
    }
  }

  void stop() throws InterruptedException {
    timer.shutdownNow();
    timer.awaitTermination(5, TimeUnit.SECONDS);
  }

  int lastStatus() {
    return lastStatus;
  }

  /** How often each phase got each answer (HTTP status, -1 for no answer). */
  synchronized Map<String, Map<Integer, Integer>> answers() {
    Map<String, Map<Integer, Integer>> copy = new LinkedHashMap<>();
    answers.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
    return copy;
  }

  /** Every change of answer, in order: when readiness went, and when it came back. */
  synchronized List<Change> changes() {
    return List.copyOf(changes);
  }

  /** The first answer other than 200 at or after {@code from}, if any. */
  synchronized Optional<Change> firstNotReadyAfter(Instant from) {
    return changes.stream().filter(c -> !c.at().isBefore(from) && c.status() != 200).findFirst();
  }

  /** The first 200 at or after {@code from}, if any. */
  synchronized Optional<Change> firstReadyAfter(Instant from) {
    return changes.stream().filter(c -> !c.at().isBefore(from) && c.status() == 200).findFirst();
  }

  /** Whether any answer in {@code phase} was other than 200. */
  synchronized boolean everNotReadyIn(String name) {
    return answers.getOrDefault(name, Map.of()).keySet().stream().anyMatch(s -> s != 200);
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
