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

/**
 * A lead that is created with an owner or (re)assigned must get a rep touch within its SLA; an
 * ACCEPTED status also stops the clock, and a new owner starts a new one.
 */
public final class FirstTouchRule implements LeadRule {

  @Override
  public RuleId id() {
    return RuleId.FIRST_TOUCH;
  }

  @Override
  public Optional<ClockDemand> demand(LeadState lead, RulePolicy policy) {
    Instant since = lead.getOwnerSince();
    if (!lead.isOpen() || lead.getOwnerRepId() == null || since == null) {
      return Optional.empty();
    }
    if (accepted(lead, since)
        || lead.firstTouchSince(since, policy.countOnlyPersonalized()).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(
        new ClockDemand(
            since, policy.slaFor(lead.getSource(), lead.getPriority()), lead.getOwnerRepId()));
  }

  private static boolean accepted(LeadState lead, Instant since) {
    return lead.getAcceptedAt() != null && !lead.getAcceptedAt().isBefore(since);
  }

  @Override
  public String pendingSummary(
      AlertKind kind,
      LeadState lead,
      SlaClock clock,
      RulePolicy policy,
      Instant now,
      RepDirectory reps) {
    String rep = reps.nameOf(clock.repId());
    ZoneId zone = reps.zoneOf(clock.repId());
    String what = policy.countOnlyPersonalized() ? "no personalised touch" : "no touch";
    String waited = duration(Duration.between(clock.startedAt(), now));
    return switch (kind) {
      case WARNING ->
          lead(lead)
              + " has had "
              + what
              + " from rep "
              + rep
              + " for "
              + waited
              + "; first touch is due "
              + time(clock.dueAt(), zone)
              + ".";
      case BREACHED ->
          lead(lead)
              + " has had "
              + what
              + " from rep "
              + rep
              + " for "
              + waited
              + "; first touch was due "
              + time(clock.dueAt(), zone)
              + ".";
      case ESCALATED ->
          "Escalated to manager "
              + reps.managerNameOf(clock.repId())
              + ": "
              + lead(lead)
              + " still has "
              + what
              + " from rep "
              + rep
              + ", "
              + duration(Duration.between(clock.dueAt(), now))
              + " after its first-touch deadline of "
              + time(clock.dueAt(), zone)
              + ".";
      case RESOLVED -> resolvedSummary(lead, clock, policy, now, reps);
    };
  }

  @Override
  public ClockClosure closure(LeadState lead, SlaClock clock, RulePolicy policy, Instant now) {
    Optional<Touch> touch = lead.firstTouchSince(clock.startedAt(), policy.countOnlyPersonalized());
    if (touch.isPresent()) {
      return ClockClosure.satisfied(touch.get().at());
    }
    if (accepted(lead, clock.startedAt()) && lead.getClosedAt() == null) {
      return ClockClosure.satisfied(lead.getAcceptedAt());
    }
    return ClockClosure.stopped(now);
  }

  @Override
  public String resolvedSummary(
      LeadState lead, SlaClock clock, RulePolicy policy, Instant now, RepDirectory reps) {
    String what = lead(lead);
    ZoneId zone = reps.zoneOf(clock.repId());
    Optional<Touch> touch = lead.firstTouchSince(clock.startedAt(), policy.countOnlyPersonalized());
    if (touch.isPresent()) {
      Instant at = touch.get().at();
      String by = reps.nameOf(touch.get().repId());
      if (!at.isAfter(clock.dueAt())) {
        String late =
            clock.stage().breached() ? " (recorded late); the breach is withdrawn." : ", in time.";
        return what
            + " was touched by "
            + by
            + " at "
            + time(at, zone)
            + ", before its first-touch deadline of "
            + time(clock.dueAt(), zone)
            + late;
      }
      return what
          + " was touched by "
          + by
          + " at "
          + time(at, zone)
          + ", "
          + duration(Duration.between(clock.dueAt(), at))
          + " after its first-touch deadline.";
    }
    if (lead.getClosedAt() != null) {
      return what + " was closed as " + lead.getStatus() + " without a touch.";
    }
    if (accepted(lead, clock.startedAt())) {
      return what
          + " was accepted by "
          + reps.nameOf(lead.getOwnerRepId())
          + " at "
          + time(lead.getAcceptedAt(), zone)
          + ".";
    }
    if (lead.getOwnerRepId() == null) {
      return what
          + " was taken from rep "
          + reps.nameOf(clock.repId())
          + " and is unassigned again.";
    }
    if (lead.getOwnerRepId().equals(clock.repId())) {
      return what + " no longer falls under the first-touch rule (the policy changed).";
    }
    return what
        + " was reassigned from rep "
        + reps.nameOf(clock.repId())
        + " to "
        + reps.nameOf(lead.getOwnerRepId())
        + ".";
  }
}
