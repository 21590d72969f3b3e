package io.followup.sla.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.policy.RuleId;
import io.followup.sla.rules.Deadline;
import io.followup.sla.step.RetentionSchedule.Entry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** The retention schedule shares the deadline index's store without either seeing the other. */
class RetentionIndexTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void deadlinesAndRetentionInOneStoreEachComeDueOnlyAsThemselves() {
    KeyValueStore<Bytes, byte[]> store = store("deadline-index");
    DeadlineIndex deadlines = new DeadlineIndex(store);
    RetentionIndex retention = new RetentionIndex(store);

    Deadline early = new Deadline(T0, "L-1", RuleId.FIRST_TOUCH);
    Deadline late = new Deadline(T0.plusSeconds(7_200), "L-2", RuleId.UNASSIGNED);
    deadlines.update(List.of(), List.of(early, late));
    retention.move(null, new Entry(T0.plusSeconds(60), "L-3"));
    retention.move(null, new Entry(T0.plusSeconds(3_600), "L-4"));

    Instant now = T0.plusSeconds(3_600);
    assertThat(deadlines.due(now, 100)).containsExactly(early);
    assertThat(retention.due(now, 100))
        .containsExactly(
            new Entry(T0.plusSeconds(60), "L-3"), new Entry(T0.plusSeconds(3_600), "L-4"));
    // Far ahead everything of each is due, still nothing of the other.
    Instant later = Instant.parse("2200-12-31T23:59:59Z");
    assertThat(deadlines.due(later, 100)).containsExactly(early, late);
    assertThat(retention.due(later, 100)).hasSize(2);

    retention.move(new Entry(T0.plusSeconds(60), "L-3"), new Entry(T0.plusSeconds(9_000), "L-3"));
    retention.remove(new Entry(T0.plusSeconds(3_600), "L-4"));
    deadlines.update(List.of(early), List.of());
    assertThat(retention.due(now, 100)).isEmpty();
    assertThat(retention.due(T0.plusSeconds(9_000), 100))
        .containsExactly(new Entry(T0.plusSeconds(9_000), "L-3"));
    assertThat(deadlines.due(later, 100)).containsExactly(late);
  }

  @Test
  void entriesOfTheFormerRetentionStoreAreTakenOverAndThatStoreEmptied() {
    KeyValueStore<Bytes, byte[]> index = store("deadline-index");
    KeyValueStore<Bytes, byte[]> legacy = store("lead-retention-index");
    // As the engine wrote them before: the time, then the key, no prefix.
    legacy.put(legacyKey(T0, "L-OLD-1"), new byte[0]);
    legacy.put(legacyKey(T0.plusSeconds(600), "L-OLD-2"), new byte[0]);
    DeadlineIndex deadlines = new DeadlineIndex(index);
    deadlines.update(List.of(), List.of(new Deadline(T0, "L-1", RuleId.FIRST_TOUCH)));

    RetentionIndex retention = new RetentionIndex(index);
    retention.takeOver(legacy);

    assertThat(retention.due(T0.plusSeconds(600), 100))
        .containsExactly(new Entry(T0, "L-OLD-1"), new Entry(T0.plusSeconds(600), "L-OLD-2"));
    assertThat(deadlines.due(T0.plusSeconds(600), 100))
        .containsExactly(new Deadline(T0, "L-1", RuleId.FIRST_TOUCH));
    assertThat(legacy.approximateNumEntries()).isZero();

    // A second opening finds nothing left to take over and changes nothing.
    retention.takeOver(legacy);
    assertThat(retention.due(T0.plusSeconds(600), 100)).hasSize(2);
  }

  private static Bytes legacyKey(Instant at, String key) {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(
        ByteBuffer.allocate(Long.BYTES + k.length).putLong(at.toEpochMilli()).put(k).array());
  }

  private static KeyValueStore<Bytes, byte[]> store(String name) {
    KeyValueStore<Bytes, byte[]> store =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray())
            .withLoggingDisabled()
            .build();
    MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    store.init(context.getStateStoreContext(), store);
    return store;
  }
}
