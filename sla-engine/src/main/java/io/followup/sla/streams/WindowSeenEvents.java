package io.followup.sla.streams;

import io.followup.sla.step.SeenEvents;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The step's duplicate window over a Kafka Streams window store: its segments expire with the
 * window, so the store holds a window of ids, not all of them.
 */
final class WindowSeenEvents implements SeenEvents {

  private final WindowStore<String, Long> store;
  private final Duration window;

  WindowSeenEvents(WindowStore<String, Long> store, Duration window) {
    this.store = store;
    this.window = window;
  }

  @Override
  public boolean contains(String eventId, Instant now) {
    long t = now.toEpochMilli();
    long from = Math.max(0, t - window.toMillis());
    try (WindowStoreIterator<Long> seen = store.fetch(eventId, from, t)) {
      return seen.hasNext();
    }
  }

  @Override
  public void add(String eventId, Instant now) {
    long t = now.toEpochMilli();
    store.put(eventId, t, t);
  }
}
