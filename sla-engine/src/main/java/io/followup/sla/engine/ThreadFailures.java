package io.followup.sla.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Counts stream-thread failures over a sliding window. A thread that fails is replaced, and Kafka
 * Streams says RUNNING again at once; a thread that fails on the same record over and over
 * processes nothing while the state looks healthy. Several failures within the window mean the
 * engine is not doing its work, and readiness should say so.
 */
final class ThreadFailures {

  /** Three replacements within five minutes: more than a passing broker or network blip. */
  static final int DEFAULT_THRESHOLD = 3;

  static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

  private final Clock clock;
  private final int threshold;
  private final Duration window;
  private final Deque<Instant> failures = new ArrayDeque<>();

  ThreadFailures(Clock clock, int threshold, Duration window) {
    this.clock = clock;
    this.threshold = threshold;
    this.window = window;
  }

  synchronized void failed() {
    failures.addLast(clock.instant());
    prune();
  }

  /** How many failures fell within the window up to now. */
  synchronized int recent() {
    prune();
    return failures.size();
  }

  boolean failingRepeatedly() {
    return recent() >= threshold;
  }

  Duration window() {
    return window;
  }

  private void prune() {
    Instant oldest = clock.instant().minus(window);
    while (!failures.isEmpty() && !failures.peekFirst().isAfter(oldest)) {
      failures.removeFirst();
    }
  }
}
