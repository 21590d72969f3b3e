package io.followup.sla.faults;

import io.followup.sla.streams.EventPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends planned events when the wall clock reaches their time, on a thread of its own, through the
 * project's own producer (idempotent, acks=all): a CRM feeding Kafka while the tests kill and stop
 * things. Like a careful source system, it checks every send and sends a refused event again (the
 * engine drops the duplicate by its eventId), and it keeps the reasons for the record of the run.
 */
final class PacedSender implements AutoCloseable {

  private static final int MAX_ATTEMPTS = 5;

  private final EventPublisher publisher;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "fault-workload-sender");
            t.setDaemon(true);
            return t;
          });
  private final AtomicInteger sent = new AtomicInteger();
  private final List<String> refusals = new ArrayList<>();

  private record InFlight(SpecificRecord event, Future<RecordMetadata> ack, int attempt) {}

  PacedSender(EventPublisher publisher) {
    this.publisher = publisher;
  }

  /**
   * Sends {@code events} (in send order) as their times come; the future ends when the broker has
   * taken every one of them.
   */
  Future<?> send(List<FaultWorkload.Planned> events) {
    return thread.submit(
        () -> {
          Deque<InFlight> inFlight = new ArrayDeque<>();
          for (FaultWorkload.Planned p : events) {
            long wait = Duration.between(Instant.now(), p.sendAt()).toMillis();
            if (wait > 0) {
              Thread.sleep(wait);
            }
            inFlight.add(new InFlight(p.event(), publisher.send(p.event()), 1));
            settleDone(inFlight);
          }
          publisher.flush();
          while (!inFlight.isEmpty()) {
            settle(inFlight.poll(), inFlight);
          }
          return null;
        });
  }

  private void settleDone(Deque<InFlight> inFlight) throws InterruptedException {
    while (!inFlight.isEmpty() && inFlight.peek().ack().isDone()) {
      settle(inFlight.poll(), inFlight);
    }
  }

  private void settle(InFlight f, Deque<InFlight> inFlight) throws InterruptedException {
    try {
      f.ack().get();
      sent.incrementAndGet();
    } catch (ExecutionException e) {
      synchronized (refusals) {
        refusals.add(Instant.now() + " attempt " + f.attempt() + ": " + e.getCause());
      }
      if (f.attempt() >= MAX_ATTEMPTS) {
        throw new IllegalStateException(
            "the broker refused an event " + MAX_ATTEMPTS + " times: " + e.getCause(), e);
      }
      inFlight.add(new InFlight(f.event(), publisher.send(f.event()), f.attempt() + 1));
      publisher.flush();
    }
  }

  /** Events the broker took. */
  int sent() {
    return sent.get();
  }

  /** Every refused send, with its reason; each was sent again. */
  List<String> refusals() {
    synchronized (refusals) {
      return List.copyOf(refusals);
    }
  }

  @Override
  public void close() throws InterruptedException {
    thread.shutdownNow();
    thread.awaitTermination(10, TimeUnit.SECONDS);
    publisher.close();
  }
}
