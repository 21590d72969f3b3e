package io.followup.sla.policy;

import java.util.Arrays;
import java.util.Optional;

/** The follow-up rules, by the ids that alerts, policies and dashboards use. */
public enum RuleId {
  FIRST_TOUCH("first-touch"),
  UNASSIGNED("unassigned"),
  FOLLOW_UP_AFTER_ENGAGEMENT("follow-up-after-engagement"),
  TOUCH_CADENCE("touch-cadence"),
  BUYING_GROUP_COVERAGE("buying-group-coverage");

  private final String id;

  RuleId(String id) {
    this.id = id;
  }

  /** The id as written in policies and alerts, e.g. {@code first-touch}. */
  public String id() {
    return id;
  }

  public static Optional<RuleId> fromId(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }

  @Override
  public String toString() {
    return id;
  }
}
