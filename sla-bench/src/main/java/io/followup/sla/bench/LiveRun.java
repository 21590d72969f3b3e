package io.followup.sla.bench;

import io.followup.sla.cli.UserError;
import io.followup.sla.streams.TopicNames;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The live figures: lead events consumed by the bare app, then by the engine, each alone on the
 * machine and on its own copy of the topics, which hold the same bytes.
 *
 * <p>Cold: the history's first lead events, produced before the app starts; timed from RUNNING
 * until the app has processed and committed them all (consumer-group lag 0), as after a restart or
 * a failover, with the JIT compiler still at work. Then the bytes the app wrote to Kafka per event.
 *
 * <p>Warm: the app left alone for the plan's settle time once caught up, then as many events again
 * for new leads (the same story under other ids, encoded before the app started, so every app gets
 * the same bytes and the producer only sends), timed from the first of them sent until lag 0 again:
 * a running app keeping up.
 */
final class LiveRun {

  /** Before every id of the warm batch: new leads, new accounts, no duplicate events. */
  static final String WARM_ID_PREFIX = "warm-";

  /**
   * One app's figures.
   *
   * @param events lead events in each batch
   * @param coldNanos from RUNNING until the first batch was committed
   * @param bytesWritten what the app wrote to Kafka for the first batch
   * @param warmNanos from the second batch's first record sent until it was committed
   */
  record Result(long events, long coldNanos, long bytesWritten, long warmNanos) {
    double coldEventsPerSecond() {
      return events / (coldNanos / 1e9);
    }

    double warmEventsPerSecond() {
      return events / (warmNanos / 1e9);
    }

    double bytesPerEvent() {
      return bytesWritten / (double) events;
    }
  }

  private final BenchCluster cluster;
  private final BenchEvents events;
  private final Path workDir;
  private final BenchPlan plan;
  private final Consumer<String> status;

  LiveRun(
      BenchCluster cluster,
      BenchEvents events,
      Path workDir,
      BenchPlan plan,
      Consumer<String> status) {
    this.cluster = cluster;
    this.events = events;
    this.workDir = workDir;
    this.plan = plan;
    this.status = status;
  }

  /** The bare app's figures, then the engine's. */
  Map<LiveApp.Kind, Result> run() throws InterruptedException {
    // A copy of the topics for each app: the warm batch must reach one app without reaching the
    // other before it has started.
    TopicNames bareTopics = BenchTopics.prefixed("live.bare.");
    TopicNames engineTopics = BenchTopics.prefixed("live.engine.");
    LeadEventBatch cold = events.history(plan.liveEvents(), "");
    if (cold.size() == 0) {
      throw new UserError("bench: the history generator produced no lead events");
    }
    for (TopicNames topics : List.of(bareTopics, engineTopics)) {
      cluster.createTopics(BenchTopics.inputs(topics), topics.compacted());
      events.sendReps(topics);
      events.send(cold, topics);
    }
    LeadEventBatch warm = events.history(plan.liveEvents(), WARM_ID_PREFIX);
    if (warm.size() != cold.size()) {
      // One story told twice under other ids: a difference would be a bug of the bench.
      throw new IllegalStateException(
          "the warm batch has " + warm.size() + " events, the cold one " + cold.size());
    }
    status.accept(
        String.format(
            "Live run: %,d generated lead events produced for each app, %,d more held for the"
                + " warm figure",
            cold.size(), warm.size()));
    Result bare =
        measure(
            new LiveApp(
                LiveApp.Kind.BARE,
                "bench-bare-live",
                bareTopics,
                cluster,
                workDir,
                plan.appHeap(),
                Map.of()),
            bareTopics,
            cold.size(),
            warm);
    Result engine =
        measure(
            new LiveApp(
                LiveApp.Kind.ENGINE,
                "bench-engine-live",
                engineTopics,
                cluster,
                workDir,
                plan.appHeap(),
                plan.engineSettings()),
            engineTopics,
            cold.size(),
            warm);
    return Map.of(LiveApp.Kind.BARE, bare, LiveApp.Kind.ENGINE, engine);
  }

  private Result measure(LiveApp app, TopicNames topics, long sent, LeadEventBatch warm)
      throws InterruptedException {
    try (app) {
      CatchUp catchUp = new CatchUp(cluster);
      long started = app.start();
      long caughtUp = catchUp.await(List.of(app)).get(app);
      long bytes = cluster.logBytes(app::writes);
      status.accept(
          String.format(
              "Live run: the %s processed %,d events from start in %.1f s (%,.0f events/s),"
                  + " wrote %,d bytes",
              app.label(),
              sent,
              (caughtUp - started) / 1e9,
              sent / ((caughtUp - started) / 1e9),
              bytes));
      // Idle first, as a running app is between bursts: what the first batch made due has fired
      // and its stores have flushed, so the warm figure is the new events' cost alone.
      Thread.sleep(plan.settle().toMillis());
      long warmStarted = System.nanoTime();
      events.send(warm, topics);
      long warmSent = System.nanoTime();
      long warmCaughtUp = catchUp.await(List.of(app)).get(app);
      app.stop();
      Result result = new Result(sent, caughtUp - started, bytes, warmCaughtUp - warmStarted);
      status.accept(
          String.format(
              "Live run: the %s, warm, processed %,d more events in %.1f s (%,.0f events/s;"
                  + " sending them took %.1f s)",
              app.label(),
              warm.size(),
              result.warmNanos() / 1e9,
              result.warmEventsPerSecond(),
              (warmSent - warmStarted) / 1e9));
      return result;
    }
  }
}
