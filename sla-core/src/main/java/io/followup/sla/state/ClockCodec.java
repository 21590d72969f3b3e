package io.followup.sla.state;

import io.followup.sla.alerts.AlertIds;
import io.followup.sla.policy.RuleId;
import io.followup.sla.rules.ClockStage;
import io.followup.sla.rules.SlaClock;

/** Clocks as lead and account state store them: the alert id is not stored, it follows. */
final class ClockCodec {

  private ClockCodec() {}

  static ClockRecord toRecord(SlaClock c) {
    return new ClockRecord(
        RuleRecord.valueOf(c.rule().name()),
        c.startedAt(),
        c.warnAt(),
        c.dueAt(),
        c.escalateAt(),
        c.repId(),
        c.policyVersion(),
        StageRecord.valueOf(c.stage().name()));
  }

  /** The clock, or null for a rule this engine does not know (written by a newer one). */
  static SlaClock fromRecord(ClockRecord c, String key) {
    if (c.getRule() == RuleRecord.UNKNOWN) {
      return null;
    }
    RuleId rule = RuleId.valueOf(c.getRule().name());
    return new SlaClock(
        rule,
        c.getStartedAt(),
        c.getWarnAt(),
        c.getDueAt(),
        c.getEscalateAt(),
        c.getRepId(),
        c.getPolicyVersion(),
        ClockStage.valueOf(c.getStage().name()),
        AlertIds.of(rule, key, c.getStartedAt()));
  }
}
