package io.followup.sla.step;

import io.followup.sla.events.SlaAlert;
import io.followup.sla.rules.ClockEvent;
import io.followup.sla.rules.Deadline;

/**
 * Port: what a step tells its driver, in the order it happened: alerts to publish, clocks that
 * started or closed (for compliance metrics and reports), and every change of state (for the
 * driver's own counts).
 *
 * @param <S> the state the step keeps (a lead's, an account's)
 */
public interface StepOutput<S> {

  void alert(SlaAlert alert);

  default void clockChanged(ClockEvent event) {}

  /** A state changed; {@code after} is null when it was forgotten. */
  default void stateChanged(S before, S after) {}

  /**
   * Rule code threw on a due deadline. The step has already taken the deadline out of the index, so
   * one defect cannot hold back every deadline after it; the clock it belonged to stays as it was.
   * By default the failure goes on up, as a replay should stop on it; a live driver reports it and
   * goes on.
   */
  default void deadlineFailed(Deadline deadline, RuntimeException failure) {
    throw failure;
  }
}
