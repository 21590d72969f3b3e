package io.followup.sla.bench;

import io.followup.sla.cli.UserError;
import io.followup.sla.streams.TopicNames;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Figures 1 and 2: the same pre-produced lead events consumed by the bare app, then by the engine,
 * each alone on the machine; events a second from RUNNING to everything committed, and the bytes
 * each wrote to Kafka per input event.
 */
final class LiveRun {

  /** One app's figures. */
  record Result(long events, long nanos, long bytesWritten) {
    double eventsPerSecond() {
      return events / (nanos / 1e9);
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
    TopicNames topics = BenchTopics.prefixed("live.");
    cluster.createTopics(BenchTopics.inputs(topics), topics.compacted());
    long sent = events.sendHistory(topics, plan.liveEvents());
    if (sent == 0) {
      throw new UserError("bench: the history generator produced no lead events");
    }
    status.accept(String.format("Live run: %,d generated lead events produced", sent));
    Result bare =
        measure(
            new LiveApp(
                LiveApp.Kind.BARE,
                "bench-bare-live",
                topics,
                cluster,
                workDir,
                plan.appHeap(),
                Map.of()),
            sent);
    Result engine =
        measure(
            new LiveApp(
                LiveApp.Kind.ENGINE,
                "bench-engine-live",
                topics,
                cluster,
                workDir,
                plan.appHeap(),
                plan.engineSettings()),
            sent);
    return Map.of(LiveApp.Kind.BARE, bare, LiveApp.Kind.ENGINE, engine);
  }

  private Result measure(LiveApp app, long sent) throws InterruptedException {
    try (app) {
      long started = app.start();
      long caughtUp = new CatchUp(cluster).await(List.of(app)).get(app);
      long bytes = cluster.logBytes(app::writes);
      app.stop();
      Result result = new Result(sent, caughtUp - started, bytes);
      status.accept(
          String.format(
              "Live run: the %s processed %,d events in %.1f s (%,.0f events/s), wrote %,d bytes",
              app.label(), sent, result.nanos() / 1e9, result.eventsPerSecond(), bytes));
      return result;
    }
  }
}
