package io.followup.sla.rules;

import static io.followup.sla.alerts.AlertText.duration;
import static io.followup.sla.alerts.AlertText.time;
import static io.followup.sla.rules.LeadLabel.lead;

import io.followup.sla.policy.RuleId;
import io.followup.sla.policy.RulePolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** An open lead must not be without an owner for longer than its SLA. */
public final class UnassignedRule implements LeadRule {

  @Override
  public RuleId id() {
    return RuleId.UNASSIGNED;
  }

  @Override
  public Optional<ClockDemand> demand(LeadState lead, RulePolicy policy) {
    if (!lead.isOpen() || lead.getOwnerRepId() != null || lead.getOwnerSince() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ClockDemand(
            lead.getOwnerSince(), policy.slaFor(lead.getSource(), lead.getPriority()), null));
  }

  @Override
  public String pendingSummary(
      AlertKind kind,
      LeadState lead,
      SlaClock clock,
      RulePolicy policy,
      Instant now,
      RepDirectory reps) {
    // The zone of the clock's rep: none for an unowned lead, so these times read in UTC.
    ZoneId zone = reps.zoneOf(clock.repId());
    String waited = duration(Duration.between(clock.startedAt(), now));
    return switch (kind) {
      case WARNING ->
          lead(lead)
              + " has had no owner for "
              + waited
              + "; assignment is due "
              + time(clock.dueAt(), zone)
              + ".";
      case BREACHED ->
          lead(lead)
              + " has had no owner for "
              + waited
              + "; assignment was due "
              + time(clock.dueAt(), zone)
              + ".";
      case ESCALATED ->
          lead(lead)
              + " still has no owner, "
              + duration(Duration.between(clock.dueAt(), now))
              + " after its assignment deadline of "
              + time(clock.dueAt(), zone)
              + ".";
      case RESOLVED -> resolvedSummary(lead, clock, policy, now, reps);
    };
  }

  @Override
  public ClockClosure closure(LeadState lead, SlaClock clock, RulePolicy policy, Instant now) {
    if (lead.getClosedAt() == null && lead.getOwnerRepId() != null) {
      return ClockClosure.satisfied(lead.getOwnerSince());
    }
    return ClockClosure.stopped(now);
  }

  @Override
  public String resolvedSummary(
      LeadState lead, SlaClock clock, RulePolicy policy, Instant now, RepDirectory reps) {
    if (lead.getClosedAt() != null) {
      return lead(lead) + " was closed as " + lead.getStatus() + " before anyone owned it.";
    }
    Instant assigned = lead.getOwnerSince();
    ZoneId zone = reps.zoneOf(clock.repId());
    String late =
        assigned.isAfter(clock.dueAt())
            ? ", "
                + duration(Duration.between(clock.dueAt(), assigned))
                + " after its assignment deadline"
            : clock.stage().breached()
                ? ", before its assignment deadline (recorded late); the breach is withdrawn"
                : ", before its assignment deadline of " + time(clock.dueAt(), zone);
    return lead(lead)
        + " was assigned to rep "
        + reps.nameOf(lead.getOwnerRepId())
        + " at "
        + time(assigned, zone)
        + late
        + ".";
  }
}
