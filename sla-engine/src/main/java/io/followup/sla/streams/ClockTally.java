package io.followup.sla.streams;

import io.followup.sla.policy.RuleId;
import io.followup.sla.rules.ClockStage;
import io.followup.sla.rules.SlaClock;
import java.util.Collection;
import java.util.function.Function;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One task's count of open clocks by rule and stage, for the open-clock and at-risk gauges.
 *
 * <p>The counts live in a changelogged store next to the clocks and change in the same transaction,
 * so after a restart or when the task moves to another instance they are restored with the clocks
 * instead of being recounted or lost. Each change is published to the listener from the stream
 * thread; closing the task withdraws its counts, so an instance only reports the tasks it runs.
 */
public final class ClockTally {

  /** Present once the store holds a full count; absent on an engine that ran without it. */
  static final String COUNTED = "counted";

  private final String owner;
  private final KeyValueStore<String, Long> store;
  private final EngineListener listener;
  private ClockCounts counts = ClockCounts.NONE;

  /**
   * @param owner names the processor and task, unique within the instance, e.g. {@code
   *     lead-rules/0_1}
   */
  public ClockTally(String owner, KeyValueStore<String, Long> store, EngineListener listener) {
    this.owner = owner;
    this.store = store;
    this.listener = listener;
  }

  /**
   * Loads the counts the store holds and publishes them. A store that has never counted (an engine
   * upgraded to a version with this store) is first filled once from the clocks the state store
   * already holds.
   */
  public <V> void open(KeyValueStore<?, V> states, Function<V, Collection<SlaClock>> clocksOf) {
    if (store.get(COUNTED) == null) {
      ClockCounts fromState = ClockCounts.NONE;
      try (KeyValueIterator<?, V> it = states.all()) {
        while (it.hasNext()) {
          V state = it.next().value;
          if (state != null) {
            for (SlaClock clock : clocksOf.apply(state)) {
              fromState = fromState.plus(clock.rule(), clock.stage(), 1);
            }
          }
        }
      }
      for (RuleId rule : RuleId.values()) {
        for (ClockStage stage : ClockStage.values()) {
          store.put(key(rule, stage), fromState.get(rule, stage));
        }
      }
      store.put(COUNTED, 1L);
    }
    ClockCounts loaded = ClockCounts.NONE;
    for (RuleId rule : RuleId.values()) {
      for (ClockStage stage : ClockStage.values()) {
        Long n = store.get(key(rule, stage));
        loaded = loaded.plus(rule, stage, n == null ? 0 : n);
      }
    }
    counts = loaded;
    listener.openClocks(owner, counts);
  }

  /** Counts the move from {@code before}'s clocks to {@code after}'s (either may be empty). */
  public void change(Collection<SlaClock> before, Collection<SlaClock> after) {
    ClockCounts delta = ClockCounts.NONE;
    for (SlaClock clock : before) {
      delta = delta.plus(clock.rule(), clock.stage(), -1);
    }
    for (SlaClock clock : after) {
      delta = delta.plus(clock.rule(), clock.stage(), 1);
    }
    if (delta.equals(ClockCounts.NONE)) {
      return;
    }
    ClockCounts next = counts;
    for (RuleId rule : RuleId.values()) {
      for (ClockStage stage : ClockStage.values()) {
        long d = delta.get(rule, stage);
        if (d != 0) {
          next = next.plus(rule, stage, d);
          store.put(key(rule, stage), next.get(rule, stage));
        }
      }
    }
    counts = next;
    listener.openClocks(owner, counts);
  }

  /** The task closed or moved away: its counts are no longer this instance's to report. */
  public void close() {
    listener.openClocksDropped(owner);
  }

  public ClockCounts counts() {
    return counts;
  }

  static String key(RuleId rule, ClockStage stage) {
    return rule.id() + "/" + stage.name();
  }
}
