package io.followup.sla.streams;

import io.followup.sla.step.RetentionSchedule;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * When to forget the state of a lead or account that has no running clock: keys are the time (8
 * big-endian bytes) then the key, so what is due is a range scan that stops at now, as for
 * deadlines.
 */
final class RetentionIndex implements RetentionSchedule {

  private static final byte[] PRESENT = new byte[0];

  private final KeyValueStore<Bytes, byte[]> store;

  RetentionIndex(KeyValueStore<Bytes, byte[]> store) {
    this.store = store;
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

  @Override
  public void remove(Entry entry) {
    store.delete(encode(entry));
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
