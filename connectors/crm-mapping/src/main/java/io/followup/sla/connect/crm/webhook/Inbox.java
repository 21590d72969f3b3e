package io.followup.sla.connect.crm.webhook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Between the HTTP threads and Connect's poll(): a request hands in its records and gets a future
 * that completes once Connect has acknowledged every one of them (commitRecord with the producer's
 * metadata), so the vendor hears 200 only for what is on Kafka. Records are matched by identity:
 * Connect hands commitRecord the very record poll() returned.
 */
final class Inbox {

  /** The most records one poll() hands Connect. */
  private static final int BATCH = 500;

  private final BlockingQueue<SourceRecord> queue = new LinkedBlockingQueue<>();
  private final Map<SourceRecord, CompletableFuture<Void>> pending =
      Collections.synchronizedMap(new IdentityHashMap<>());
  private volatile boolean closed;

  /** Queues the records; the future completes when all are acknowledged. */
  CompletableFuture<Void> submit(List<SourceRecord> records) {
    if (closed) {
      return CompletableFuture.failedFuture(new IllegalStateException("the task is stopping"));
    }
    List<CompletableFuture<Void>> acks = new ArrayList<>(records.size());
    for (SourceRecord record : records) {
      CompletableFuture<Void> ack = new CompletableFuture<>();
      pending.put(record, ack);
      acks.add(ack);
    }
    queue.addAll(records);
    return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
  }

  /**
   * Forgets the records of a request answered 503: they may still be written, and the vendor's
   * retry is then a duplicate (same event id) that the engine drops.
   */
  void abandon(List<SourceRecord> records) {
    records.forEach(pending::remove);
  }

  /** Waits up to {@code waitMs} for a record, then takes what is queued; null when none came. */
  List<SourceRecord> take(long waitMs) throws InterruptedException {
    SourceRecord first = queue.poll(waitMs, TimeUnit.MILLISECONDS);
    if (first == null) {
      return null;
    }
    List<SourceRecord> batch = new ArrayList<>();
    batch.add(first);
    queue.drainTo(batch, BATCH - 1);
    return batch;
  }

  void acknowledge(SourceRecord record) {
    CompletableFuture<Void> ack = pending.remove(record);
    if (ack != null) {
      ack.complete(null);
    }
  }

  /** Fails every waiting request (they are answered 503) and refuses new ones. */
  void close() {
    closed = true;
    queue.clear();
    synchronized (pending) {
      pending.values().forEach(a -> a.completeExceptionally(new IllegalStateException("stopped")));
      pending.clear();
    }
  }
}
