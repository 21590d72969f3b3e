package io.followup.sla.alerts;

import io.followup.sla.policy.RuleId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Alert ids derived from what the breach is (rule, lead or account, when its clock started), so the
 * live engine, a restarted engine and a replay all give one breach the same id.
 */
public final class AlertIds {

  private AlertIds() {}

  public static String of(RuleId rule, String key, Instant clockStartedAt) {
    String name = rule.id() + "|" + key + "|" + clockStartedAt.toEpochMilli();
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
