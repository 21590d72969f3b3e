package io.followup.sla.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One rule's settings. The SLA that applies to a lead is the shortest of the default, the one for
 * its source and the one for its priority: a HOT RFP request gets the strictest of the two.
 *
 * @param warnAt share of the SLA after which a WARNING goes out, in (0, 1); null for none
 * @param escalateAfter how long after the breach the manager is told; null for never
 * @param countOnlyPersonalized whether only personalised touches count toward this rule (a touch
 *     marked not personalised, or whose subject reads as a generic follow-up, does not)
 * @param minTouches for touch-cadence and buying-group-coverage: the touches owed within the SLA
 * @param minIntentScore for follow-up-after-engagement: engagements scored below this are ignored
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
    CalendarMode calendar) {

  /** How a rule's SLA is counted. */
  public enum CalendarMode {
    @JsonProperty("wall-clock")
    WALL_CLOCK,
    @JsonProperty("business")
    BUSINESS
  }

  @JsonCreator
  public RulePolicy(
      @JsonProperty("enabled") Boolean enabled,
      @JsonProperty(value = "sla", required = true) Duration sla,
      @JsonProperty("bySource") Map<String, Duration> bySource,
      @JsonProperty("byPriority") Map<String, Duration> byPriority,
      @JsonProperty("warnAt") Double warnAt,
      @JsonProperty("escalateAfter") Duration escalateAfter,
      @JsonProperty("countOnlyPersonalized") Boolean countOnlyPersonalized,
      @JsonProperty("minTouches") Integer minTouches,
      @JsonProperty("minIntentScore") Integer minIntentScore,
      @JsonProperty("calendar") CalendarMode calendar) {
    this(
        enabled == null || enabled,
        sla,
        bySource,
        byPriority,
        warnAt,
        escalateAfter,
        countOnlyPersonalized != null && countOnlyPersonalized,
        minTouches,
        minIntentScore,
        calendar == null ? CalendarMode.WALL_CLOCK : calendar);
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
        CalendarMode.WALL_CLOCK);
  }

  public RulePolicy {
    Objects.requireNonNull(sla, "sla is required");
    bySource = bySource == null ? Map.of() : Map.copyOf(bySource);
    byPriority = byPriority == null ? Map.of() : Map.copyOf(byPriority);
    requirePositive("sla", sla);
    bySource.forEach((source, d) -> requirePositive("bySource." + source, d));
    byPriority.forEach((priority, d) -> requirePositive("byPriority." + priority, d));
    if (warnAt != null && !(warnAt > 0 && warnAt < 1)) {
      throw new IllegalArgumentException(
          "warnAt must be a share of the SLA between 0 and 1 (e.g. 0.75), not " + warnAt);
    }
    if (escalateAfter != null) {
      requirePositive("escalateAfter", escalateAfter);
    }
    if (minTouches != null && minTouches < 1) {
      throw new IllegalArgumentException("minTouches must be at least 1, not " + minTouches);
    }
    if (minIntentScore != null && (minIntentScore < 0 || minIntentScore > 100)) {
      throw new IllegalArgumentException(
          "minIntentScore must be between 0 and 100, not " + minIntentScore);
    }
    calendar = calendar == null ? CalendarMode.WALL_CLOCK : calendar;
  }

  /** The touches owed, for the rules that count them (1 when the policy does not say). */
  public int touchesOwed() {
    return minTouches == null ? 1 : minTouches;
  }

  /** The SLA for a lead of this source and priority (either may be null). */
  public Duration slaFor(String source, String priority) {
    return Stream.of(
            sla,
            source == null ? null : bySource.get(source),
            priority == null ? null : byPriority.get(priority))
        .filter(Objects::nonNull)
        .min(Duration::compareTo)
        .orElse(sla);
  }

  private static void requirePositive(String field, Duration d) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(
          field + " must be a positive ISO-8601 duration such as PT48H, not " + d);
    }
  }
}
