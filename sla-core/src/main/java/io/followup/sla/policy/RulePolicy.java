package io.followup.sla.policy;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One rule's settings. The SLA that applies to a lead is the shortest of the default, the one for
 * its source and the one for its priority: a HOT RFP request gets the strictest of the two.
 *
 * <p>The constructor refuses settings out of range with an {@link InvalidSettingException} naming
 * the setting, which the policy loader reports at the setting's line.
 *
 * @param warnAt share of the SLA after which a WARNING goes out, in (0, 1); null for none
 * @param escalateAfter how long after the breach the manager is told; null for never
 * @param countOnlyPersonalized whether only personalised touches count toward this rule (a touch
 *     marked not personalised, or whose subject reads as a generic follow-up, does not)
 * @param minTouches for touch-cadence and buying-group-coverage: the touches owed within the SLA
 * @param minIntentScore for follow-up-after-engagement: engagements scored below this are ignored
 * @param minMembers for buying-group-coverage: the open leads an account needs to have a buying
 *     group; null for {@link #DEFAULT_MIN_MEMBERS}
 * @param calendar whether the SLA counts wall-clock time or the rep's business hours
 */
public record RulePolicy(
    boolean enabled,
    Duration sla,
    Map<String, Duration> bySource,
    Map<String, Duration> byPriority,
    Double warnAt,
    Duration escalateAfter,
    boolean countOnlyPersonalized,
    Integer minTouches,
    Integer minIntentScore,
    Integer minMembers,
    CalendarMode calendar) {

  /** One open lead is a contact, not a buying group. */
  public static final int DEFAULT_MIN_MEMBERS = 2;

  /** How a rule's SLA is counted. */
  public enum CalendarMode {
    WALL_CLOCK("wall-clock"),
    BUSINESS("business");

    private final String id;

    CalendarMode(String id) {
      this.id = id;
    }

    /** The mode as written in policies, e.g. {@code business}. */
    public String id() {
      return id;
    }
  }

  /** A wall-clock rule with just an SLA, a warning share and an escalation period. */
  public static RulePolicy of(Duration sla, Double warnAt, Duration escalateAfter) {
    return new RulePolicy(
        true,
        sla,
        Map.of(),
        Map.of(),
        warnAt,
        escalateAfter,
        false,
        null,
        null,
        null,
        CalendarMode.WALL_CLOCK);
  }

  /**
   * Whether the rule counts only personalised touches when its policy does not say: cadence and
   * buying-group coverage are about real follow-up, while for a first touch or an answer to an
   * engagement any touch beats silence.
   */
  public static boolean countsOnlyPersonalizedByDefault(RuleId rule) {
    return rule == RuleId.TOUCH_CADENCE || rule == RuleId.BUYING_GROUP_COVERAGE;
  }

  public RulePolicy {
    Objects.requireNonNull(sla, "sla is required");
    bySource = bySource == null ? Map.of() : Map.copyOf(bySource);
    byPriority = byPriority == null ? Map.of() : Map.copyOf(byPriority);
    requirePositive(sla, "sla");
    bySource.forEach((source, d) -> requirePositive(d, "bySource", source));
    byPriority.forEach((priority, d) -> requirePositive(d, "byPriority", priority));
    if (warnAt != null && !(warnAt > 0 && warnAt < 1)) {
      throw new InvalidSettingException(
          "'warnAt' must be a share of the SLA between 0 and 1 such as 0.75, not " + warnAt,
          "warnAt");
    }
    if (escalateAfter != null) {
      requirePositive(escalateAfter, "escalateAfter");
    }
    if (minTouches != null && minTouches < 1) {
      throw new InvalidSettingException(
          "'minTouches' must be 1 or more, not " + minTouches, "minTouches");
    }
    if (minIntentScore != null && (minIntentScore < 0 || minIntentScore > 100)) {
      throw new InvalidSettingException(
          "'minIntentScore' must be between 0 and 100, not " + minIntentScore, "minIntentScore");
    }
    if (minMembers != null && minMembers < DEFAULT_MIN_MEMBERS) {
      throw new InvalidSettingException(
          "'minMembers' must be "
              + DEFAULT_MIN_MEMBERS
              + " or more (one open lead is not a buying group), not "
              + minMembers,
          "minMembers");
    }
    calendar = calendar == null ? CalendarMode.WALL_CLOCK : calendar;
  }

  /** The touches owed, for the rules that count them (1 when the policy does not say). */
  public int touchesOwed() {
    return minTouches == null ? 1 : minTouches;
  }

  /** The open leads an account needs before its buying group is watched. */
  public int membersNeeded() {
    return minMembers == null ? DEFAULT_MIN_MEMBERS : minMembers;
  }

  /** The SLA for a lead of this source and priority (either may be null). */
  public Duration slaFor(String source, String priority) {
    // Asked for every clock that starts: plain comparisons, not a stream.
    Duration shortest = sla;
    Duration forSource = source == null ? null : bySource.get(source);
    if (forSource != null && forSource.compareTo(shortest) < 0) {
      shortest = forSource;
    }
    Duration forPriority = priority == null ? null : byPriority.get(priority);
    if (forPriority != null && forPriority.compareTo(shortest) < 0) {
      shortest = forPriority;
    }
    return shortest;
  }

  private static void requirePositive(Duration d, String... path) {
    if (d == null || d.isZero() || d.isNegative()) {
      String name = path.length == 1 ? "'" + path[0] + "'" : "'" + path[0] + "' for " + path[1];
      throw new InvalidSettingException(
          name + " must be a positive duration such as PT48H, not " + d, path);
    }
  }
}
