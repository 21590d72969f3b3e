package io.followup.sla.rules;

import io.followup.sla.alerts.AlertIds;
import io.followup.sla.policy.RuleId;
import io.followup.sla.policy.RulePolicy;
import io.followup.sla.time.SlaCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;

/**
 * The life of every SLA clock, lead or account: started with its deadlines fixed, then WARNING,
 * BREACHED and ESCALATED, each once, as time passes them.
 */
public final class ClockStages {

  private ClockStages() {}

  /**
   * A new clock for a demand, its warning, deadline and escalation all counted in {@code calendar}.
   * Its deadlines are fixed now: a later policy change does not move them.
   */
  public static SlaClock start(
      RuleId rule,
      String key,
      ClockDemand demand,
      RulePolicy policy,
      String policyVersion,
      SlaCalendar calendar) {
    Instant due = calendar.deadline(demand.startedAt(), demand.sla());
    Instant warnAt =
        policy.warnAt() == null
            ? null
            : calendar.deadline(
                demand.startedAt(),
                Duration.ofMillis(Math.round(demand.sla().toMillis() * policy.warnAt())));
    // The escalation delay is counted in the SLA's own calendar: on a business calendar, eight
    // hours after a 16:00 breach is the next working afternoon, not 00:00 at night.
    Instant escalateAt =
        policy.escalateAfter() == null ? null : calendar.deadline(due, policy.escalateAfter());
    return new SlaClock(
        rule,
        demand.startedAt(),
        warnAt,
        due,
        escalateAt,
        demand.repId(),
        policyVersion,
        ClockStage.RUNNING,
        AlertIds.of(rule, key, demand.startedAt()));
  }

  /**
   * Moves a clock through every stage due by {@code until} (inclusive), telling {@code onStage} of
   * each. A clock found already past its deadline gets its BREACHED without a WARNING first: a
   * warning about the past helps nobody.
   */
  public static SlaClock advance(
      SlaClock clock, Instant until, BiConsumer<SlaClock, AlertKind> onStage) {
    while (clock.nextCheckAt() != null && !clock.nextCheckAt().isAfter(until)) {
      ClockStage next =
          switch (clock.stage()) {
            case RUNNING -> clock.dueAt().isAfter(until) ? ClockStage.WARNED : ClockStage.BREACHED;
            case WARNED -> ClockStage.BREACHED;
            case BREACHED, ESCALATED -> ClockStage.ESCALATED;
          };
      clock = clock.withStage(next);
      onStage.accept(
          clock,
          switch (next) {
            case WARNED -> AlertKind.WARNING;
            case BREACHED -> AlertKind.BREACHED;
            default -> AlertKind.ESCALATED;
          });
    }
    return clock;
  }
}
