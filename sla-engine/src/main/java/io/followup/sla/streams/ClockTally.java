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
 * <p>The counts are held in memory, not in a store: they are counted from the clocks of the task's
 * state when the task opens (after its state is restored), then moved with each change. A
 * changelogged store of counts would add a partition to every transaction of every task for a
 * figure the state already holds; counting it again when a task opens costs one scan of the task's
 * states instead. Each change is published to the listener from the stream thread; closing the task
 * withdraws its counts, so an instance only reports the tasks it runs.
 */
public final class ClockTally {

  private final String owner;
  private final EngineListener listener;
  private ClockCounts counts = ClockCounts.NONE;

  /**
   * @param owner names the processor and task, unique within the instance, e.g. {@code
   *     lead-rules/0_1}
   */
  public ClockTally(String owner, EngineListener listener) {
    this.owner = owner;
    this.listener = listener;
  }

  /** Counts the clocks the task's states hold and publishes the counts. */
  public <V> void open(KeyValueStore<?, V> states, Function<V, Collection<SlaClock>> clocksOf) {
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
    counts = fromState;
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
}
