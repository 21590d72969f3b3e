package io.followup.sla.streams;

import io.followup.sla.rules.Deadline;
import io.followup.sla.step.TimeIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The deadline index over a key-value store: keys in time order (see {@link DeadlineKey}), so
 * finding what is due is a range scan from the start that stops at now.
 */
final class DeadlineIndex implements TimeIndex {

  private static final byte[] PRESENT = new byte[0];

  private final KeyValueStore<Bytes, byte[]> store;

  DeadlineIndex(KeyValueStore<Bytes, byte[]> store) {
    this.store = store;
  }

  @Override
  public List<Deadline> due(Instant now, int max) {
    List<Deadline> due = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> it =
        store.range(Bytes.wrap(DeadlineKey.first()), Bytes.wrap(DeadlineKey.upTo(now)))) {
      while (it.hasNext() && due.size() < max) {
        due.add(DeadlineKey.decode(it.next().key.get()));
      }
    }
    return due;
  }

  @Override
  public void update(Collection<Deadline> cleared, Collection<Deadline> set) {
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
