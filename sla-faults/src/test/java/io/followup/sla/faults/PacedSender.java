package io.followup.sla.faults;

import io.followup.sla.streams.EventPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends planned events when the wall clock reaches their time, on a thread of its own, through the
 * project's own producer (idempotent, acks=all): a CRM feeding Kafka while the tests kill and stop
 * things. It waits for nothing but the clock; the producer retries through an outage.
 */
final class PacedSender implements AutoCloseable {

  private final EventPublisher publisher;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "fault-workload-sender");
            t.setDaemon(true);
            return t;
          });
  private final AtomicInteger sent = new AtomicInteger();

  PacedSender(EventPublisher publisher) {
    this.publisher = publisher;
  }

  /** Sends {@code events} (in send order) as their times come; the future ends when all are. */
  Future<?> send(List<FaultWorkload.Planned> events) {
    return thread.submit(
        () -> {
          for (FaultWorkload.Planned p : events) {
            long wait = Duration.between(Instant.now(), p.sendAt()).toMillis();
            if (wait > 0) {
              Thread.sleep(wait);
            }
            publisher.send(p.event());
            sent.incrementAndGet();
          }
          publisher.flush();
          return null;
        });
  }

  int sent() {
    return sent.get();
  }

  @Override
  public void close() throws InterruptedException {
    thread.shutdownNow();
    thread.awaitTermination(10, TimeUnit.SECONDS);
    publisher.close();
  }
}
