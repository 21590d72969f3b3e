package io.followup.sla.bench;

import io.followup.sla.events.RepProfile;
import io.followup.sla.streams.TopicNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Figures 3 and 4: both apps fed the same open leads, grown step by step to each size. At each
 * size, once both have caught up and settled, each app's idle CPU (the whole process, and the
 * stream thread that runs the punctuators) over a fixed window and its resident memory; then both
 * stop cleanly, which flushes their stores, and their state directories are measured. They start
 * again on the same state for the next size.
 */
final class OpenLeadsRun {

  /** One app's figures at one size. */
  record Result(
      int openLeads,
      long stateBytes,
      long residentBytes,
      long processCpuNanos,
      long streamThreadCpuNanos,
      long windowNanos) {

    double stateBytesPerLead() {
      return stateBytes / (double) openLeads;
    }

    /** Idle CPU of the whole process, in percent of one core. */
    double idleCpuPercent() {
      return 100.0 * processCpuNanos / windowNanos;
    }

    /** CPU of the stream thread while nothing is due, in milliseconds per second. */
    double streamThreadMillisPerSecond() {
      return 1_000.0 * streamThreadCpuNanos / windowNanos;
    }
  }

  private final BenchCluster cluster;
  private final BenchEvents events;
  private final Path workDir;
  private final BenchPlan plan;
  private final Consumer<String> status;

  OpenLeadsRun(
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

  /** Each app's figures, size by size. */
  Map<LiveApp.Kind, List<Result>> run() throws InterruptedException {
    TopicNames topics = BenchTopics.prefixed("open.");
    cluster.createTopics(BenchTopics.inputs(topics), topics.compacted());
    events.sendReps(topics);
    List<String> owners =
        BenchEvents.reps().stream()
            .filter(rep -> rep.getManagerId() != null)
            .map(RepProfile::getRepId)
            .toList();
    List<LiveApp> apps =
        List.of(
            new LiveApp(
                LiveApp.Kind.ENGINE,
                "bench-engine-open",
                topics,
                cluster,
                workDir,
                plan.appHeap(),
                plan.engineSettings()),
            new LiveApp(
                LiveApp.Kind.BARE,
                "bench-bare-open",
                topics,
                cluster,
                workDir,
                plan.appHeap(),
                Map.of()));
    Map<LiveApp.Kind, List<Result>> results = new LinkedHashMap<>();
    apps.forEach(app -> results.put(app.kind(), new ArrayList<>()));
    try {
      int sent = 0;
      for (int size : plan.openLeads()) {
        // Both JVMs start (and later stop) side by side: the wait is the slower one's, not both.
        for (LiveApp app : apps) {
          app.launch();
        }
        for (LiveApp app : apps) {
          app.awaitReady();
        }
        events.sendOpenLeads(topics, sent, size, owners);
        sent = size;
        new CatchUp(cluster).await(apps);
        Thread.sleep(plan.settle().toMillis());
        Map<LiveApp, long[]> before = new LinkedHashMap<>();
        for (LiveApp app : apps) {
          before.put(app, cpu(app));
        }
        long windowStart = System.nanoTime();
        Thread.sleep(plan.idleWindow().toMillis());
        Map<LiveApp, long[]> after = new LinkedHashMap<>();
        for (LiveApp app : apps) {
          after.put(app, cpu(app));
        }
        long window = System.nanoTime() - windowStart;
        Map<LiveApp, Long> resident = new LinkedHashMap<>();
        for (LiveApp app : apps) {
          app.child().ensureAlive();
          resident.put(app, ProcFs.residentBytes(app.child().pid()));
        }
        apps.forEach(LiveApp::requestStop);
        for (LiveApp app : apps) {
          app.stop();
        }
        for (LiveApp app : apps) {
          Result result =
              new Result(
                  size,
                  app.stateBytes(),
                  resident.get(app),
                  after.get(app)[0] - before.get(app)[0],
                  after.get(app)[1] - before.get(app)[1],
                  window);
          results.get(app.kind()).add(result);
          status.accept(
              String.format(
                  "Open leads %,d: the %s keeps %,.0f state bytes a lead, resident %,d MiB,"
                      + " idle CPU %.2f %% of a core (stream thread %.2f ms/s)",
                  size,
                  app.label(),
                  result.stateBytesPerLead(),
                  result.residentBytes() >> 20,
                  result.idleCpuPercent(),
                  result.streamThreadMillisPerSecond()));
        }
      }
      return results;
    } finally {
      apps.forEach(LiveApp::close);
    }
  }

  private static long[] cpu(LiveApp app) {
    long pid = app.child().pid();
    return new long[] {ProcFs.cpuNanos(pid), ProcFs.threadCpuNanos(pid, LiveApp.STREAM_THREAD)};
  }
}
