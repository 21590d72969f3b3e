package io.followup.sla.review;

import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.RuleId;
import io.followup.sla.rules.AlertKind;
import io.followup.sla.rules.ClockEvent;
import java.time.Instant;

/**
 * What the review needs of one clock: its breach, or how it ended, with the few fields counted and
 * listed. Starts and clocks stopped in time are not sent at all, so the engine moves one small
 * record per clock that ends (and one per breach) to the team's task.
 *
 * @param key the leadId, or the accountId for an account-level rule
 * @param accountId for a breach, for the at-risk list; null otherwise
 * @param dueAt for a breach, for the at-risk list; null otherwise
 */
public record TeamClock(
    RuleId rule,
    String key,
    String accountId,
    String source,
    String repId,
    Instant dueAt,
    ClockOutcome outcome) {

  /** The close the review counts, or null for a start or a clock stopped before its deadline. */
  public static TeamClock of(ClockEvent e) {
    ClockOutcome outcome = ClockOutcome.of(e);
    return outcome == null
        ? null
        : new TeamClock(e.rule(), e.key(), null, e.source(), e.repId(), null, outcome);
  }

  /** The breach an alert tells of, or null for any other alert (or a rule not known here). */
  public static TeamClock breachOf(SlaAlert alert) {
    if (!AlertKind.BREACHED.name().equals(alert.getKind())) {
      return null;
    }
    return RuleId.fromId(alert.getRuleId())
        .map(
            rule ->
                new TeamClock(
                    rule,
                    alert.getLeadId() != null ? alert.getLeadId() : alert.getAccountId(),
                    alert.getAccountId(),
                    alert.getSource(),
                    alert.getRepId(),
                    alert.getDueAt(),
                    ClockOutcome.BREACHED))
        .filter(c -> c.key() != null)
        .orElse(null);
  }
}
