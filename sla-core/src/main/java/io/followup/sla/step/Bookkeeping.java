package io.followup.sla.step;

import io.followup.sla.rules.Deadline;
import io.followup.sla.rules.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What each step does around its rules, the same for leads and accounts: carries an outcome into
 * the store, the deadline index, the retention schedule and the output; fires due deadlines without
 * letting one failure hold back the rest; forgets states whose retention ran out.
 *
 * @param <S> the state kept
 */
final class Bookkeeping<S> {

  private final StepSettings settings;
  private final Function<S, String> keyOf;
  private final Function<S, RetentionSchedule.Entry> forgetAt;

  /**
   * @param forgetAt when a state may be forgotten, or null while it must be kept
   */
  Bookkeeping(
      StepSettings settings,
      Function<S, String> keyOf,
      Function<S, RetentionSchedule.Entry> forgetAt) {
    this.settings = settings;
    this.keyOf = keyOf;
    this.forgetAt = forgetAt;
  }

  void apply(
      S before,
      Outcome<S> outcome,
      StateStore<S> store,
      TimeIndex deadlines,
      RetentionSchedule retention,
      StepOutput<S> output) {
    deadlines.update(outcome.cleared(), outcome.set());
    S after = outcome.state();
    if (after != null) {
      store.put(keyOf.apply(after), after);
      retention.move(retained(before), retained(after));
      output.stateChanged(before, after);
    }
    // Alerts first: an event that closes a clock whose deadline passed before its scan came brings
    // the breach and the close together, and the weekly review must see them in the order they
    // happened (breached, then closed late), or it would count the close and then hold the breach
    // open for ever.
    outcome.alerts().forEach(output::alert);
    outcome.clockEvents().forEach(output::clockChanged);
  }

  /**
   * Fires the deadlines due at {@code now}, up to the per-tick bound. Rule code that throws on one
   * loses that deadline, not the tick: it is taken out of the index and reported.
   */
  List<Deadline> fireDue(
      TimeIndex deadlines, StepOutput<S> output, Instant now, Consumer<Deadline> fire) {
    List<Deadline> due = deadlines.due(now, settings.maxPerTick());
    for (Deadline deadline : due) {
      try {
        fire.accept(deadline);
      } catch (RuntimeException e) {
        deadlines.update(List.of(deadline), List.of());
        output.deadlineFailed(deadline, e);
      }
    }
    return due;
  }

  /** Forgets the states whose retention ran out by {@code now}, up to the per-tick bound. */
  void forgetDue(
      StateStore<S> store, RetentionSchedule retention, StepOutput<S> output, Instant now) {
    for (RetentionSchedule.Entry entry : retention.due(now, settings.maxPerTick())) {
      S state = store.get(entry.key());
      // A state that changed since has a later entry (or none): this one is stale.
      if (state != null && entry.equals(retained(state))) {
        store.delete(entry.key());
        output.stateChanged(state, null);
      }
      retention.remove(entry);
    }
  }

  private RetentionSchedule.Entry retained(S state) {
    return state == null ? null : forgetAt.apply(state);
  }
}
