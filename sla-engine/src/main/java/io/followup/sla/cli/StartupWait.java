package io.followup.sla.cli;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Waits for a started engine to reach RUNNING for as long as it takes, saying so once a period.
 * Slow is not broken: after a crash the partitions may be held by the old instance until its
 * session times out, and a broker may come back later. Only an engine that stopped for good (or
 * Ctrl-C) ends the wait; giving up on time alone would leave the engine down wherever no supervisor
 * restarts it.
 */
final class StartupWait {

  /** The states an engine does not come back from by itself. */
  private static final Set<KafkaStreams.State> STOPPED =
      EnumSet.of(
          KafkaStreams.State.PENDING_SHUTDOWN,
          KafkaStreams.State.NOT_RUNNING,
          KafkaStreams.State.PENDING_ERROR,
          KafkaStreams.State.ERROR);

  /** Waits up to a limit for RUNNING: true once there. */
  @FunctionalInterface
  interface RunningWait {
    boolean awaitRunning(Duration limit) throws InterruptedException;
  }

  private StartupWait() {}

  /**
   * @return true once the engine is RUNNING, false when {@code stop} said to stop waiting
   * @throws UserError when the engine stopped for good
   */
  static boolean untilRunning(
      RunningWait engine,
      Supplier<KafkaStreams.State> state,
      Duration period,
      EngineStack.StatusLine status,
      BooleanSupplier stop)
      throws InterruptedException {
    long periods = 0;
    while (!stop.getAsBoolean()) {
      if (engine.awaitRunning(period)) {
        return true;
      }
      KafkaStreams.State now = state.get();
      if (STOPPED.contains(now)) {
        throw new UserError(
            "the engine stopped before it was running (state " + now + "); see the log");
      }
      periods++;
      status.say(
          "Still waiting for the engine to run after "
              + period.multipliedBy(periods).toSeconds()
              + " s (state "
              + now
              + "): the partitions may be held by a previous instance until its session times"
              + " out, or the broker may be unreachable. Waiting on; Ctrl-C stops.");
    }
    return false;
  }
}
