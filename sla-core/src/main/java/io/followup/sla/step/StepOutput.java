package io.followup.sla.step;

import io.followup.sla.events.SlaAlert;
import io.followup.sla.rules.ClockEvent;

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
}
