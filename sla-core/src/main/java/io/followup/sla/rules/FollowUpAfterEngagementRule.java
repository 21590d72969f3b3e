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
 * A lead that engages with content after the last rep touch must get a touch within its SLA of that
 * engagement: re-engagement is a buying signal, and it goes cold fast.
 */
public final class FollowUpAfterEngagementRule implements LeadRule {

  @Override
  public RuleId id() {
    return RuleId.FOLLOW_UP_AFTER_ENGAGEMENT;
  }

  @Override
  public Optional<ClockDemand> demand(LeadState lead, RulePolicy policy) {
    if (!lead.isOpen() || lead.getOwnerRepId() == null) {
      return Optional.empty();
    }
    return engagementAwaitingFollowUp(lead, policy)
        .map(
            e ->
                new ClockDemand(
                    e.at(),
                    policy.slaFor(lead.getSource(), lead.getPriority()),
                    lead.getOwnerRepId()));
  }

  /** The first engagement after the last touch that counts; none before the lead's first touch. */
  private static Optional<Engagement> engagementAwaitingFollowUp(
      LeadState lead, RulePolicy policy) {
    Optional<Touch> last = lead.lastCountedTouch(policy.countOnlyPersonalized());
    if (last.isEmpty()) {
      return Optional.empty();
    }
    Instant after = last.get().at();
    return lead.getEngagements().stream()
        .filter(e -> e.at().isAfter(after))
        .filter(e -> scoresHighEnough(e, policy))
        .findFirst();
  }

  private static boolean scoresHighEnough(Engagement e, RulePolicy policy) {
    // Not every system scores intent: an unscored engagement counts.
    return policy.minIntentScore() == null
        || e.intentScore() == null
        || e.intentScore() >= policy.minIntentScore();
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
    String engaged =
        lead(lead) + " re-engaged " + what(lead, clock) + " at " + time(clock.startedAt(), zone);
    String waited = duration(Duration.between(clock.startedAt(), now));
    return switch (kind) {
      case WARNING ->
          engaged
              + " and has had no follow-up from rep "
              + rep
              + " for "
              + waited
              + "; follow-up is due "
              + time(clock.dueAt(), zone)
              + ".";
      case BREACHED ->
          engaged
              + " and has had no follow-up from rep "
              + rep
              + " for "
              + waited
              + "; follow-up was due "
              + time(clock.dueAt(), zone)
              + ".";
      case ESCALATED ->
          "Escalated to manager "
              + reps.managerNameOf(clock.repId())
              + ": "
              + engaged
              + " and still has no follow-up from rep "
              + rep
              + ", "
              + duration(Duration.between(clock.dueAt(), now))
              + " after it was due.";
      case RESOLVED -> resolvedSummary(lead, clock, policy, now, reps);
    };
  }

  private static String what(LeadState lead, SlaClock clock) {
    return lead.getEngagements().stream()
        .filter(e -> e.at().equals(clock.startedAt()))
        .findFirst()
        .map(
            e -> {
              String asset =
                  e.assetTitle() != null
                      ? "'" + e.assetTitle() + "'"
                      : e.assetType() != null
                          ? "a "
                              + e.assetType().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                          : "content";
              return "("
                  + asset
                  + (e.intentScore() != null ? ", intent " + e.intentScore() : "")
                  + ")";
            })
        .orElse("with content");
  }

  @Override
  public ClockClosure closure(LeadState lead, SlaClock clock, RulePolicy policy, Instant now) {
    return lead.firstTouchSince(clock.startedAt(), policy.countOnlyPersonalized())
        .map(t -> ClockClosure.satisfied(t.at()))
        .orElse(ClockClosure.stopped(now));
  }

  @Override
  public String resolvedSummary(
      LeadState lead, SlaClock clock, RulePolicy policy, Instant now, RepDirectory reps) {
    Optional<Touch> touch = lead.firstTouchSince(clock.startedAt(), policy.countOnlyPersonalized());
    if (touch.isPresent()) {
      Instant at = touch.get().at();
      ZoneId zone = reps.zoneOf(clock.repId());
      String timing =
          at.isAfter(clock.dueAt())
              ? duration(Duration.between(clock.dueAt(), at)) + " after it was due."
              : clock.stage().breached()
                  ? "in time (recorded late); the breach is withdrawn."
                  : "in time.";
      return lead(lead)
          + " got its follow-up from "
          + reps.nameOf(touch.get().repId())
          + " at "
          + time(at, zone)
          + ", "
          + timing;
    }
    if (lead.getClosedAt() != null) {
      return lead(lead) + " was closed as " + lead.getStatus() + " before a follow-up.";
    }
    return lead(lead) + " no longer awaits this follow-up (reassigned, or the policy changed).";
  }
}
