package io.followup.sla.review;

import io.followup.sla.policy.RuleId;
import io.followup.sla.rules.ClockEvent;
import java.time.Instant;

/**
 * A clock event as the review needs it: the few fields it counts and lists, so the engine moves
 * little per event to the team's task.
 *
 * @param key the leadId, or the accountId for an account-level rule
 * @param at when the clock started or closed
 */
public record TeamClock(
    RuleId rule,
    String key,
    String accountId,
    String source,
    String repId,
    Instant dueAt,
    Instant at,
    ClockOutcome outcome) {

  public static TeamClock of(ClockEvent e) {
    return new TeamClock(
        e.rule(),
        e.key(),
        e.accountId(),
        e.source(),
        e.repId(),
        e.dueAt(),
        e.at(),
        ClockOutcome.of(e));
  }
}
