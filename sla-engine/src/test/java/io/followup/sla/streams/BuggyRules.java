package io.followup.sla.streams;

import io.followup.sla.policy.RuleId;
import io.followup.sla.policy.RulePolicy;
import io.followup.sla.rules.AlertKind;
import io.followup.sla.rules.BuyingGroupCoverageRule;
import io.followup.sla.rules.ClockClosure;
import io.followup.sla.rules.ClockDemand;
import io.followup.sla.rules.FirstTouchRule;
import io.followup.sla.rules.FollowUpAfterEngagementRule;
import io.followup.sla.rules.LeadRule;
import io.followup.sla.rules.LeadRuleEngine;
import io.followup.sla.rules.LeadState;
import io.followup.sla.rules.RepDirectory;
import io.followup.sla.rules.SlaClock;
import io.followup.sla.rules.SlaRules;
import io.followup.sla.rules.TouchCadenceRule;
import io.followup.sla.rules.UnassignedRule;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The standard rules with a bug planted where rule code can have one: applying an event to a lead
 * whose id starts with {@link #LEAD_PREFIX} throws. Every other lead is handled as usual.
 */
public final class BuggyRules {

  public static final String LEAD_PREFIX = "L-bug";

  private BuggyRules() {}

  public static SlaRules standard() {
    return new SlaRules(
        new LeadRuleEngine(
            List.of(
                new UnassignedRule(),
                new Buggy(new FirstTouchRule()),
                new FollowUpAfterEngagementRule(),
                new TouchCadenceRule())),
        BuyingGroupCoverageRule.standard());
  }

  private record Buggy(LeadRule rule) implements LeadRule {

    @Override
    public RuleId id() {
      return rule.id();
    }

    @Override
    public Optional<ClockDemand> demand(LeadState lead, RulePolicy policy) {
      if (lead.getLeadId().startsWith(LEAD_PREFIX)) {
        throw new IllegalStateException("planted bug hit by lead " + lead.getLeadId());
      }
      return rule.demand(lead, policy);
    }

    @Override
    public String pendingSummary(
        AlertKind kind,
        LeadState lead,
        SlaClock clock,
        RulePolicy policy,
        Instant now,
        RepDirectory reps) {
      return rule.pendingSummary(kind, lead, clock, policy, now, reps);
    }

    @Override
    public ClockClosure closure(LeadState lead, SlaClock clock, RulePolicy policy, Instant now) {
      return rule.closure(lead, clock, policy, now);
    }

    @Override
    public String resolvedSummary(
        LeadState lead, SlaClock clock, RulePolicy policy, Instant now, RepDirectory reps) {
      return rule.resolvedSummary(lead, clock, policy, now, reps);
    }
  }
}
