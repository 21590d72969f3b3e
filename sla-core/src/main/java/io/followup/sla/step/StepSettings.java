package io.followup.sla.step;

import java.time.Duration;

/**
 * How the step bounds its work and its state; the same for every driver.
 *
 * @param duplicateWindow how long an eventId is remembered to drop a re-delivered event
 * @param stateRetention how long a closed lead (or an account with no open member) is kept after
 *     its last change, for late events about it; then it is forgotten, so state grows with what is
 *     open and not with history
 * @param maxPerTick the most deadlines, and separately the most retention entries, one tick
 *     handles; the rest are due on the next tick, so one tick never stalls the driver
 */
public record StepSettings(Duration duplicateWindow, Duration stateRetention, int maxPerTick) {

  public static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofDays(7);
  public static final Duration DEFAULT_STATE_RETENTION = Duration.ofDays(90);
  public static final int DEFAULT_MAX_PER_TICK = 10_000;

  public StepSettings {
    requirePositive("duplicate window", duplicateWindow);
    requirePositive("state retention", stateRetention);
    if (maxPerTick < 1) {
      throw new IllegalArgumentException("the most deadlines a tick fires must be at least 1");
    }
  }

  public static StepSettings defaults() {
    return new StepSettings(
        DEFAULT_DUPLICATE_WINDOW, DEFAULT_STATE_RETENTION, DEFAULT_MAX_PER_TICK);
  }

  private static void requirePositive(String what, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("the " + what + " must be positive, not " + d);
    }
  }
}
