package io.followup.sla.review;

import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.RuleId;
import io.followup.sla.rules.AlertKind;
import io.followup.sla.rules.ClockEvent;
import java.time.Duration;
import java.time.Instant;

/**
 * What the review needs of one clock: its breach, or how it ended, with the few fields counted and
 * listed. Clocks stopped in time and starts (but first touch's: the hand-offs) are not sent at all,
 * so the engine moves one small record per clock that ends, per breach and per hand-off to the
 * team's task.
 *
 * @param key the leadId, or the accountId for an account-level rule
 * @param accountId for a breach, for the at-risk list; null otherwise
 * @param dueAt for a breach, for the at-risk list; null otherwise
 * @param firstTouch for a first-touch clock satisfied (in time or late): the time from hand-off to
 *     first touch in the clock's calendar; null otherwise
 */
public record TeamClock(
    RuleId rule,
    String key,
    String accountId,
    String source,
    String repId,
    Instant dueAt,
    ClockOutcome outcome,
    Duration firstTouch) {

  /** A clock event with no time to first touch. */
  public TeamClock(
      RuleId rule,
      String key,
      String accountId,
      String source,
      String repId,
      Instant dueAt,
      ClockOutcome outcome) {
    this(rule, key, accountId, source, repId, dueAt, outcome, null);
  }

  /**
   * The hand-off or close the review counts, or null for another start or a clock stopped before
   * its deadline.
   */
  public static TeamClock of(ClockEvent e) {
    ClockOutcome outcome = ClockOutcome.of(e);
    return outcome == null
        ? null
        : new TeamClock(
            e.rule(), e.key(), null, e.source(), e.repId(), null, outcome, e.firstTouch());
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
