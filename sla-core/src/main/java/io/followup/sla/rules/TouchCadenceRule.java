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
 * A lead that has been touched must get at least N touches (personalised ones, where the policy
 * says so) within D days of the first: one email and silence is not follow-up.
 */
public final class TouchCadenceRule implements LeadRule {

  @Override
  public RuleId id() {
    return RuleId.TOUCH_CADENCE;
  }

  @Override
  public Optional<ClockDemand> demand(LeadState lead, RulePolicy policy) {
    Instant first = lead.getFirstTouchAt();
    if (!lead.isOpen() || first == null) {
      return Optional.empty();
    }
    if (lead.countTouches(first, null, policy.countOnlyPersonalized()) >= policy.touchesOwed()) {
      return Optional.empty();
    }
    String rep = lead.getOwnerRepId() != null ? lead.getOwnerRepId() : lead.getLastTouchRepId();
    return Optional.of(
        new ClockDemand(first, policy.slaFor(lead.getSource(), lead.getPriority()), rep));
  }

  @Override
  public String pendingSummary(
      AlertKind kind,
      LeadState lead,
      SlaClock clock,
      RulePolicy policy,
      Instant now,
      RepDirectory reps) {
    ZoneId zone = reps.zoneOf(clock.repId());
    int counted = lead.countTouches(clock.startedAt(), null, policy.countOnlyPersonalized());
    int all = lead.countTouches(clock.startedAt(), null, false);
    String kindOfTouch = policy.countOnlyPersonalized() ? "personalised touches" : "touches";
    int genericCount = all - counted;
    String generic =
        genericCount == 0
            ? ""
            : " ("
                + genericCount
                + (genericCount == 1 ? " more was generic)" : " more were generic)");
    String progress =
        lead(lead)
            + " has had "
            + counted
            + " of "
            + policy.touchesOwed()
            + " "
            + kindOfTouch
            + generic
            + " from rep "
            + reps.nameOf(clock.repId())
            + " since its first touch at "
            + time(clock.startedAt(), zone);
    return switch (kind) {
      case WARNING -> progress + "; the cadence is due " + time(clock.dueAt(), zone) + ".";
      case BREACHED -> progress + "; the cadence was due " + time(clock.dueAt(), zone) + ".";
      case ESCALATED ->
          "Escalated to manager "
              + reps.managerNameOf(clock.repId())
              + ": "
              + progress
              + ", "
              + duration(Duration.between(clock.dueAt(), now))
              + " after the cadence was due.";
      case RESOLVED -> resolvedSummary(lead, clock, policy, now, reps);
    };
  }

  @Override
  public ClockClosure closure(LeadState lead, SlaClock clock, RulePolicy policy, Instant now) {
    int owed = policy.touchesOwed();
    int n = 0;
    for (Touch t : lead.getTouches()) {
      if (!t.at().isBefore(clock.startedAt())
          && t.counts(policy.countOnlyPersonalized())
          && ++n == owed) {
        return ClockClosure.satisfied(t.at());
      }
    }
    return ClockClosure.stopped(now);
  }

  @Override
  public String resolvedSummary(
      LeadState lead, SlaClock clock, RulePolicy policy, Instant now, RepDirectory reps) {
    ClockClosure closure = closure(lead, clock, policy, now);
    if (closure.kind() == ClockEvent.Closure.SATISFIED) {
      ZoneId zone = reps.zoneOf(clock.repId());
      String timing =
          closure.at().isAfter(clock.dueAt())
              ? duration(Duration.between(clock.dueAt(), closure.at()))
                  + " after the cadence was due."
              : "within its cadence.";
      return lead(lead)
          + " reached "
          + policy.touchesOwed()
          + " touches at "
          + time(closure.at(), zone)
          + ", "
          + timing;
    }
    if (lead.getClosedAt() != null) {
      return lead(lead) + " was closed as " + lead.getStatus() + ".";
    }
    return lead(lead) + " no longer falls under the cadence rule (the policy changed).";
  }
}
