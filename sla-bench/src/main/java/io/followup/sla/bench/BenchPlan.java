package io.followup.sla.bench;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How big one bench run is.
 *
 * @param name what the run is called in the report
 * @param liveEvents lead events pre-produced for the cold throughput and bytes-written figures, and
 *     as many again sent to each app once it runs for the warm throughput figure
 * @param openLeads the numbers of open leads at which state, memory and idle cost are measured,
 *     ascending
 * @param replayEvents the sizes of the histories replayed, ascending
 * @param settle how long an app is left alone after catching up before its idle cost is measured,
 *     or before the warm batch is sent
 * @param idleWindow how long its idle CPU is measured
 * @param appHeap the maximum heap of each live app's JVM, e.g. 512m
 * @param replayHeap the maximum heap of the Jackson parse's JVM, and of a replay's when the bench
 *     was not started by the launcher (which gives replay its own settings)
 * @param engineSettings engine settings the run changes from the engine's defaults, to measure one
 *     setting at a time; the bare app is never changed
 */
record BenchPlan(
    String name,
    int liveEvents,
    List<Integer> openLeads,
    List<Integer> replayEvents,
    Duration settle,
    Duration idleWindow,
    String appHeap,
    String replayHeap,
    Map<String, String> engineSettings) {

  BenchPlan {
    if (liveEvents < 1) {
      throw new IllegalArgumentException("the live run needs at least one event");
    }
    openLeads = ascending(openLeads, "--open-leads");
    replayEvents = ascending(replayEvents, "--replay-events");
    engineSettings = Collections.unmodifiableMap(new TreeMap<>(engineSettings));
  }

  /** Minutes on a laptop: the figures at 10k, 100k and 1M open leads the targets speak of. */
  static BenchPlan full() {
    return new BenchPlan(
        "full",
        100_000,
        List.of(10_000, 100_000, 1_000_000),
        List.of(100_000, 1_000_000),
        // RocksDB flushes and compacts for a while after a burst of writes: idle means after that.
        Duration.ofSeconds(15),
        Duration.ofSeconds(20),
        "512m",
        "8g",
        Map.of());
  }

  /**
   * Under two minutes on two cores: every figure, at sizes small enough that fixed costs (JVM and
   * Kafka Streams start-up, RocksDB's files) weigh on them; a smoke run, not the figures.
   */
  static BenchPlan quick() {
    return new BenchPlan(
        "quick",
        1_000,
        List.of(200, 1_000),
        List.of(5_000),
        Duration.ofSeconds(2),
        Duration.ofSeconds(3),
        "512m",
        "1g",
        Map.of());
  }

  BenchPlan withLiveEvents(int events) {
    return new BenchPlan(
        name,
        events,
        openLeads,
        replayEvents,
        settle,
        idleWindow,
        appHeap,
        replayHeap,
        engineSettings);
  }

  BenchPlan withOpenLeads(List<Integer> sizes) {
    return new BenchPlan(
        name,
        liveEvents,
        sizes,
        replayEvents,
        settle,
        idleWindow,
        appHeap,
        replayHeap,
        engineSettings);
  }

  BenchPlan withReplayEvents(List<Integer> sizes) {
    return new BenchPlan(
        name,
        liveEvents,
        openLeads,
        sizes,
        settle,
        idleWindow,
        appHeap,
        replayHeap,
        engineSettings);
  }

  BenchPlan withEngineSettings(Map<String, String> settings) {
    return new BenchPlan(
        name,
        liveEvents,
        openLeads,
        replayEvents,
        settle,
        idleWindow,
        appHeap,
        replayHeap,
        settings);
  }

  int smallestOpenLeads() {
    return openLeads.get(0);
  }

  int largestOpenLeads() {
    return openLeads.get(openLeads.size() - 1);
  }

  private static List<Integer> ascending(List<Integer> sizes, String option) {
    if (sizes == null || sizes.isEmpty()) {
      throw new IllegalArgumentException(option + " needs at least one size");
    }
    for (int i = 0; i < sizes.size(); i++) {
      if (sizes.get(i) < 1) {
        throw new IllegalArgumentException(option + " sizes must be positive, not " + sizes.get(i));
      }
      if (i > 0 && sizes.get(i) <= sizes.get(i - 1)) {
        throw new IllegalArgumentException(option + " sizes must ascend: " + sizes);
      }
    }
    return List.copyOf(sizes);
  }
}
