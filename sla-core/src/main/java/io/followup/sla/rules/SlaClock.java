package io.followup.sla.rules;

import io.followup.sla.policy.RuleId;
import java.time.Instant;

/**
 * One running SLA clock of a lead: when it started, when it warns, breaches and escalates, and how
 * far it has gone. A clock keeps the deadlines it was given when it started, also when the policy
 * changes later.
 *
 * @param warnAt null when the policy asks for no warning
 * @param escalateAt null when the policy asks for no escalation
 * @param repId the rep responsible when the clock started, or null (an unowned lead)
 */
public record SlaClock(
    RuleId rule,
    Instant startedAt,
    Instant warnAt,
    Instant dueAt,
    Instant escalateAt,
    String repId,
    String policyVersion,
    ClockStage stage,
    String alertId) {

  /** When this clock next needs looking at, or null once nothing more can happen to it. */
  public Instant nextCheckAt() {
    return switch (stage) {
      case RUNNING -> warnAt != null && warnAt.isBefore(dueAt) ? warnAt : dueAt;
      case WARNED -> dueAt;
      case BREACHED -> escalateAt;
      case ESCALATED -> null;
    };
  }

  public SlaClock withStage(ClockStage next) {
    return new SlaClock(
        rule, startedAt, warnAt, dueAt, escalateAt, repId, policyVersion, next, alertId);
  }
}
