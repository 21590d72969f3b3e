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

  /**
   * What failed, for a log line above DEBUG: the exception types from the outermost to the root
   * cause and where the root was thrown, without their messages. A message may quote a record (a
   * lead id, a subject, a rule's input), and lead data stays at DEBUG.
   */
  static String describe(Throwable failure) {
    StringBuilder out = new StringBuilder();
    Throwable root = failure;
    int depth = 0;
    // Bounded: a cause chain can loop back on itself.
    for (Throwable t = failure; t != null && depth < 10; t = t.getCause(), depth++) {
      if (out.length() > 0) {
        out.append(" <- ");
      }
      out.append(t.getClass().getName());
      root = t;
    }
    StackTraceElement[] frames = root.getStackTrace();
    if (frames.length > 0) {
      out.append(" at ").append(frames[0]);
    }
    return out.toString();
  }

  private void prune() {
    Instant oldest = clock.instant().minus(window);
    while (!failures.isEmpty() && !failures.peekFirst().isAfter(oldest)) {
      failures.removeFirst();
    }
  }
}
