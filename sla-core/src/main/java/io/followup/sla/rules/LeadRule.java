package io.followup.sla.rules;

import io.followup.sla.policy.RuleId;
import io.followup.sla.policy.RulePolicy;
import java.time.Instant;
import java.util.Optional;

/**
 * One follow-up rule over one lead. A rule only says which clock the lead's facts call for and how
 * to word its alerts; {@link LeadRuleEngine} starts, advances and stops the clocks, so every rule
 * gets the same lifecycle (WARNING, BREACHED, ESCALATED, RESOLVED) and the same alert ids.
 */
public interface LeadRule {

  RuleId id();

  /**
   * The clock the lead's facts call for now, or empty when the lead owes nothing under this rule.
   */
  Optional<ClockDemand> demand(LeadState lead, RulePolicy policy);

  /** One sentence for a WARNING, BREACHED or ESCALATED alert of {@code clock}. */
  String pendingSummary(
      AlertKind kind,
      LeadState lead,
      SlaClock clock,
      RulePolicy policy,
      Instant now,
      RepDirectory reps);

  /**
   * Why and when a clock the lead's facts no longer call for closed: SATISFIED at the time the lead
   * got what it was owed, or STOPPED (at {@code now}) when the rule simply no longer applies.
   */
  ClockClosure closure(LeadState lead, SlaClock clock, RulePolicy policy, Instant now);

  /** One sentence for the RESOLVED alert of a clock the lead's facts no longer call for. */
  String resolvedSummary(
      LeadState lead, SlaClock clock, RulePolicy policy, Instant now, RepDirectory reps);
}
