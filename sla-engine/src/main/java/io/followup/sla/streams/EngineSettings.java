package io.followup.sla.streams;

import java.time.Duration;

/**
 * How the live driver paces itself.
 *
 * @param punctuateInterval how often the deadline index is scanned (wall-clock time)
 * @param maxDeadlinesPerTick a cap on the work of one scan, so a backlog cannot stall processing;
 *     the rest waits for the next tick
 * @param duplicateWindow how long an eventId is remembered to drop duplicates
 */
public record EngineSettings(
    Duration punctuateInterval, int maxDeadlinesPerTick, Duration duplicateWindow) {

  public static final EngineSettings DEFAULTS =
      new EngineSettings(Duration.ofSeconds(1), 10_000, Duration.ofDays(7));

  public EngineSettings {
    if (punctuateInterval.isNegative() || punctuateInterval.isZero()) {
      throw new IllegalArgumentException("engine.punctuate-interval must be positive");
    }
    if (maxDeadlinesPerTick < 1) {
      throw new IllegalArgumentException("engine.max-deadlines-per-tick must be at least 1");
    }
    if (duplicateWindow.isNegative() || duplicateWindow.isZero()) {
      throw new IllegalArgumentException("engine.duplicate-window must be positive");
    }
  }
}
