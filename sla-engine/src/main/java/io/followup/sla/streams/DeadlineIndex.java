package io.followup.sla.streams;

import io.followup.sla.rules.Deadline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The deadline index over a key-value store: keys in time order (see {@link DeadlineKey}), so
 * finding what is due is a range scan from the start that stops at now.
 */
final class DeadlineIndex {

  private static final byte[] PRESENT = new byte[0];

  private final KeyValueStore<Bytes, byte[]> store;

  DeadlineIndex(KeyValueStore<Bytes, byte[]> store) {
    this.store = store;
  }

  /** Up to {@code max} deadlines at or before {@code now}, earliest first. */
  List<Deadline> due(Instant now, int max) {
    List<Deadline> due = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> it =
        store.range(Bytes.wrap(DeadlineKey.first()), Bytes.wrap(DeadlineKey.upTo(now)))) {
      while (it.hasNext() && due.size() < max) {
        due.add(DeadlineKey.decode(it.next().key.get()));
      }
    }
    return due;
  }

  void update(List<Deadline> cleared, List<Deadline> set) {
    for (Deadline deadline : cleared) {
      store.delete(Bytes.wrap(DeadlineKey.encode(deadline)));
    }
    if (!set.isEmpty()) {
      List<KeyValue<Bytes, byte[]>> added = new ArrayList<>(set.size());
      for (Deadline deadline : set) {
        added.add(KeyValue.pair(Bytes.wrap(DeadlineKey.encode(deadline)), PRESENT));
      }
      store.putAll(added);
    }
  }
}
