package io.followup.sla.streams;

import io.followup.sla.events.SlaAlert;
import io.followup.sla.review.TeamClock;
import io.followup.sla.review.TeamClocks;
import io.followup.sla.rules.ClockEvent;
import io.followup.sla.rules.Deadline;
import io.followup.sla.rules.SlaClock;
import io.followup.sla.step.StepOutput;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a step's outputs go in a running task: alerts forwarded downstream, clocks to the listener
 * (metrics), breaches and ends of clocks of reps with a team to the weekly review, failures to the
 * listener, state changes into the task's open-clock tally.
 *
 * @param <S> the state the step keeps
 */
final class TaskOutput<S> implements StepOutput<S> {

  private static final Logger LOG = LoggerFactory.getLogger(TaskOutput.class);

  private final Consumer<SlaAlert> forward;
  private final BiConsumer<String, TeamClock> toReview;
  private final EngineListener listener;
  private final ClockTally tally;
  private final Function<S, Collection<SlaClock>> clocksOf;

  TaskOutput(
      Consumer<SlaAlert> forward,
      BiConsumer<String, TeamClock> toReview,
      EngineListener listener,
      ClockTally tally,
      Function<S, Collection<SlaClock>> clocksOf) {
    this.forward = forward;
    this.toReview = toReview;
    this.listener = listener;
    this.tally = tally;
    this.clocksOf = clocksOf;
  }

  @Override
  public void alert(SlaAlert alert) {
    forward.accept(alert);
    listener.alertEmitted(alert);
    TeamClocks.fromAlert(alert, toReview);
  }

  @Override
  public void clockChanged(ClockEvent event) {
    listener.clockChanged(event);
    TeamClocks.fromClock(event, toReview);
  }

  @Override
  public void stateChanged(S before, S after) {
    tally.change(
        before == null ? List.of() : clocksOf.apply(before),
        after == null ? List.of() : clocksOf.apply(after));
  }

  @Override
  public void deadlineFailed(Deadline deadline, RuntimeException failure) {
    // The deadline is out of the index already: log, count and go on with the others.
    LOG.warn(
        "Rule {} failed on a due deadline ({}); its clock will not advance",
        deadline.rule(),
        failure.getClass().getName());
    LOG.debug("Deadline of {} failed", deadline.key(), failure);
    listener.deadlineFailed(deadline);
  }
}
