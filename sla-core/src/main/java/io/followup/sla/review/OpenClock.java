package io.followup.sla.review;

import io.followup.sla.policy.RuleId;
import java.time.Instant;

/**
 * A clock of the team that breached and has not closed yet, for the at-risk list.
 *
 * @param missCounted it was counted missed at the end of a week it was overdue in; its late close
 *     is then not counted again
 */
public record OpenClock(
    RuleId rule,
    String key,
    String accountId,
    String source,
    String repId,
    Instant dueAt,
    boolean missCounted) {

  static OpenClock of(TeamClock c) {
    return new OpenClock(c.rule(), c.key(), c.accountId(), c.source(), c.repId(), c.dueAt(), false);
  }

  OpenClock countedMissed() {
    return new OpenClock(rule, key, accountId, source, repId, dueAt, true);
  }
}
