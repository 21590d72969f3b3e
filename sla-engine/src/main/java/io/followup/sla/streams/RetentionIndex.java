package io.followup.sla.streams;

import io.followup.sla.step.RetentionSchedule;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * When to forget the state of a lead or account that has no running clock, kept in the processor's
 * deadline-index store: one store and one changelog partition per task for both schedules, where
 * two cost a changelog partition more in every transaction.
 *
 * <p>Keys are {@link #PREFIX}, the time (8 big-endian bytes), then the key, so what is due is a
 * range scan that stops at now, as for deadlines. A deadline key begins with its epoch millis,
 * whose first byte is below 0x80 for every time after 1970: the two schedules never meet in a range
 * scan.
 */
final class RetentionIndex implements RetentionSchedule {

  /** The first byte of every retention key, above the first byte of every deadline key. */
  static final byte PREFIX = (byte) 0xFF;

  private static final byte[] PRESENT = new byte[0];

  private final KeyValueStore<Bytes, byte[]> store;

  /**
   * @param store the processor's deadline-index store
   */
  RetentionIndex(KeyValueStore<Bytes, byte[]> store) {
    this.store = store;
  }

  /**
   * Moves the entries an engine before this one kept in a store of their own (keys without the
   * prefix) into this index, and empties that store, whose changelog then holds only tombstones.
   * Once empty it is never written again, so it joins no transaction.
   */
  void takeOver(KeyValueStore<Bytes, byte[]> legacy) {
    List<Bytes> moved = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> it = legacy.all()) {
      while (it.hasNext()) {
        Bytes key = it.next().key;
        move(null, decode(key.get(), 0));
        moved.add(key);
      }
    }
    moved.forEach(legacy::delete);
  }

  @Override
  public void move(Entry was, Entry next) {
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

  @Override
  public List<Entry> due(Instant now, int max) {
    List<Entry> due = new ArrayList<>();
    byte[] from = ByteBuffer.allocate(1 + Long.BYTES).put(PREFIX).putLong(0).array();
    byte[] upTo =
        ByteBuffer.allocate(1 + Long.BYTES + 1)
            .put(PREFIX)
            .putLong(now.toEpochMilli())
            .put((byte) 0xFF)
            .array();
    try (KeyValueIterator<Bytes, byte[]> it = store.range(Bytes.wrap(from), Bytes.wrap(upTo))) {
      while (it.hasNext() && due.size() < max) {
        KeyValue<Bytes, byte[]> next = it.next();
        due.add(decode(next.key.get(), 1));
      }
    }
    return due;
  }

  @Override
  public void remove(Entry entry) {
    store.delete(encode(entry));
  }

  private static Bytes encode(Entry entry) {
    byte[] key = entry.key().getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(
        ByteBuffer.allocate(1 + Long.BYTES + key.length)
            .put(PREFIX)
            .putLong(entry.at().toEpochMilli())
            .put(key)
            .array());
  }

  /** The entry in {@code bytes}, whose time begins at {@code offset}. */
  private static Entry decode(byte[] bytes, int offset) {
    long at = ByteBuffer.wrap(bytes, offset, Long.BYTES).getLong();
    int keyStart = offset + Long.BYTES;
    return new Entry(
        Instant.ofEpochMilli(at),
        new String(bytes, keyStart, bytes.length - keyStart, StandardCharsets.UTF_8));
  }
}
