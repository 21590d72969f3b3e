package io.followup.sla.streams;

import io.followup.sla.step.StepSettings;
import java.time.Duration;

/**
 * How the live driver paces itself.
 *
 * @param punctuateInterval how often the deadline index is scanned (wall-clock time)
 * @param maxDeadlinesPerTick a cap on the work of one scan, so a backlog cannot stall processing;
 *     the rest waits for the next tick
 * @param duplicateWindow how long an eventId is remembered to drop duplicates
 * @param stateRetention how long the state of a lead (or account) with no running clock is kept
 *     after its last event; then it is forgotten, so state grows with active leads, not with every
 *     lead ever seen
 * @param deadLetterMaxBytes the most a dead letter may weigh: what the dead-letter topic and its
 *     producer accept, found at start-up
 * @param placement where each lead event belongs by its key, from the topics' partition counts
 *     found at start-up; a record elsewhere is re-routed
 */
public record EngineSettings(
    Duration punctuateInterval,
    int maxDeadlinesPerTick,
    Duration duplicateWindow,
    Duration stateRetention,
    int deadLetterMaxBytes,
    KeyPlacement placement) {

  public static final Duration DEFAULT_STATE_RETENTION = StepSettings.DEFAULT_STATE_RETENTION;

  public static final EngineSettings DEFAULTS =
      new EngineSettings(
          Duration.ofSeconds(1),
          StepSettings.DEFAULT_MAX_PER_TICK,
          StepSettings.DEFAULT_DUPLICATE_WINDOW,
          DEFAULT_STATE_RETENTION,
          DeadLetters.MAX_BYTES,
          KeyPlacement.UNCHECKED);

  public EngineSettings(
      Duration punctuateInterval, int maxDeadlinesPerTick, Duration duplicateWindow) {
    this(punctuateInterval, maxDeadlinesPerTick, duplicateWindow, DEFAULT_STATE_RETENTION);
  }

  public EngineSettings(
      Duration punctuateInterval,
      int maxDeadlinesPerTick,
      Duration duplicateWindow,
      Duration stateRetention) {
    this(
        punctuateInterval,
        maxDeadlinesPerTick,
        duplicateWindow,
        stateRetention,
        DeadLetters.MAX_BYTES,
        KeyPlacement.UNCHECKED);
  }

  /** These settings with dead letters kept under {@code maxBytes}. */
  public EngineSettings withDeadLetterMaxBytes(int maxBytes) {
    return new EngineSettings(
        punctuateInterval,
        maxDeadlinesPerTick,
        duplicateWindow,
        stateRetention,
        maxBytes,
        placement);
  }

  /** These settings with lead events checked against {@code keyPlacement}. */
  public EngineSettings withPlacement(KeyPlacement keyPlacement) {
    return new EngineSettings(
        punctuateInterval,
        maxDeadlinesPerTick,
        duplicateWindow,
        stateRetention,
        deadLetterMaxBytes,
        keyPlacement);
  }

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
    if (stateRetention.isNegative() || stateRetention.isZero()) {
      throw new IllegalArgumentException("engine.state-retention must be positive");
    }
    if (deadLetterMaxBytes < DeadLetters.MIN_MAX_BYTES) {
      throw new IllegalArgumentException(
          "the dead-letter topic must take records of at least "
              + DeadLetters.MIN_MAX_BYTES
              + " bytes, not "
              + deadLetterMaxBytes);
    }
  }

  /** What the core's step needs of these settings: the same bounds live as in replay. */
  public StepSettings step() {
    return new StepSettings(duplicateWindow, stateRetention, maxDeadlinesPerTick);
  }
}
