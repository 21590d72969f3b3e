package io.followup.sla.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * When to forget the state of a lead or account that has no running clock: keys are the time (8
 * big-endian bytes) then the key, so what is due is a range scan that stops at now, as for
 * deadlines.
 */
final class RetentionIndex {

  private static final byte[] PRESENT = new byte[0];

  /** One key to forget at one time. */
  record Entry(Instant at, String key) {}

  private final KeyValueStore<Bytes, byte[]> store;

  RetentionIndex(KeyValueStore<Bytes, byte[]> store) {
    this.store = store;
  }

  /** Moves a state's entry after a change: {@code was} and {@code next} may each be null. */
  void move(Entry was, Entry next) {
    if (Objects.equals(was, next)) {
      return;
    }
    if (was != null) {
      store.delete(encode(was));
    }
    if (next != null) {
      store.put(encode(next), PRESENT);
    }
  }

  /**
   * Deletes from {@code states} every state whose entry is due and still current ({@code forgetAt}
   * gives the entry a state has now: a state that changed since has a later one, or none), and
   * removes the due entries.
   */
  <S> void forgetDue(
      Instant now, int max, KeyValueStore<String, S> states, Function<S, Entry> forgetAt) {
    for (Entry entry : due(now, max)) {
      S state = states.get(entry.key());
      if (state != null && entry.equals(forgetAt.apply(state))) {
        states.delete(entry.key());
      }
      store.delete(encode(entry));
    }
  }

  private List<Entry> due(Instant now, int max) {
    List<Entry> due = new ArrayList<>();
    byte[] upTo =
        ByteBuffer.allocate(Long.BYTES + 1).putLong(now.toEpochMilli()).put((byte) 0xFF).array();
    try (KeyValueIterator<Bytes, byte[]> it =
        store.range(Bytes.wrap(new byte[Long.BYTES]), Bytes.wrap(upTo))) {
      while (it.hasNext() && due.size() < max) {
        due.add(decode(it.next().key.get()));
      }
    }
    return due;
  }

  private static Bytes encode(Entry entry) {
    byte[] key = entry.key().getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(
        ByteBuffer.allocate(Long.BYTES + key.length)
            .putLong(entry.at().toEpochMilli())
            .put(key)
            .array());
  }

  private static Entry decode(byte[] bytes) {
    long at = ByteBuffer.wrap(bytes).getLong();
    return new Entry(
        Instant.ofEpochMilli(at),
        new String(bytes, Long.BYTES, bytes.length - Long.BYTES, StandardCharsets.UTF_8));
  }
}
