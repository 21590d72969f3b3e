package io.followup.sla.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C as a signal the main thread waits for. The JVM exits as soon as its shutdown hooks return,
 * so the hook waits until the main thread has closed everything (with a cap).
 */
final class ShutdownSignal {

  private static final Duration MAX_CLOSE = Duration.ofSeconds(60);

  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);

  static ShutdownSignal install() {
    ShutdownSignal signal = new ShutdownSignal();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  signal.requested.countDown();
                  try {
                    signal.closed.await(MAX_CLOSE.toMillis(), TimeUnit.MILLISECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "sla-shutdown"));
    return signal;
  }

  /** Waits for Ctrl-C, or at most {@code limit}; true if Ctrl-C came. */
  boolean await(Duration limit) throws InterruptedException {
    return requested.await(limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Waits for Ctrl-C however long it takes: a service's main thread, until it should stop. */
  void awaitRequest() throws InterruptedException {
    requested.await();
  }

  boolean requested() {
    return requested.getCount() == 0;
  }

  /** Call once everything is closed: lets the JVM exit. */
  void closed() {
    closed.countDown();
  }
}
