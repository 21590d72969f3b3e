package io.followup.sla.bench;

import io.followup.sla.cli.UserError;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Waits until apps have processed and committed everything they consume: consumer-group lag 0 on
 * every topic they read (for the engine, its buying-group topic too). An app that dies, or makes no
 * progress for {@link #STALL}, is a broken run.
 */
final class CatchUp {

  static final Duration STALL = Duration.ofMinutes(3);
  private static final long POLL_MS = 100;

  private final BenchCluster cluster;

  CatchUp(BenchCluster cluster) {
    this.cluster = cluster;
  }

  /** Waits for every app; returns when each caught up, on {@link System#nanoTime()}'s scale. */
  Map<LiveApp, Long> await(List<LiveApp> apps) throws InterruptedException {
    Map<LiveApp, Long> done = new HashMap<>();
    Map<LiveApp, Long> progress = new HashMap<>();
    Map<LiveApp, Long> progressAt = new HashMap<>();
    long begin = System.nanoTime();
    apps.forEach(app -> progressAt.put(app, begin));
    while (done.size() < apps.size()) {
      for (LiveApp app : apps) {
        if (done.containsKey(app)) {
          continue;
        }
        app.child().ensureAlive();
        long lag = cluster.lag(app.groupId(), app.consumedTopics());
        long now = System.nanoTime();
        if (lag == 0) {
          done.put(app, now);
          continue;
        }
        long committed = cluster.committed(app.groupId());
        if (!Long.valueOf(committed).equals(progress.get(app))) {
          progress.put(app, committed);
          progressAt.put(app, now);
        } else if (now - progressAt.get(app) > STALL.toNanos()) {
          throw new UserError(
              "bench: the "
                  + app.label()
                  + " made no progress for "
                  + STALL.toMinutes()
                  + " minutes with "
                  + lag
                  + " records still to process (its output: "
                  + app.child().log()
                  + ")");
        }
      }
      if (done.size() < apps.size()) {
        Thread.sleep(POLL_MS);
      }
    }
    return done;
  }
}
