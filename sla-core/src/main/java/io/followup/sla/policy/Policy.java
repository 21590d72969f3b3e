package io.followup.sla.policy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SLA policy in force: per rule, its SLA by source and priority, when to warn and when to
 * escalate, whether generic touches count; the phrases that make a touch generic; the business
 * calendars. Versioned: every alert records the version that set its deadline.
 */
public record Policy(
    String policyId,
    String version,
    Map<RuleId, RulePolicy> rules,
    List<String> genericPhrases,
    boolean warnManagerWhenOutOfOffice,
    Calendars calendars) {

  public Policy {
    rules = rules.isEmpty() ? Map.of() : new EnumMap<>(rules);
    genericPhrases = genericPhrases == null ? List.of() : List.copyOf(genericPhrases);
    calendars = calendars == null ? Calendars.NONE : calendars;
  }

  public Policy(String policyId, String version, Map<RuleId, RulePolicy> rules) {
    this(policyId, version, rules, List.of(), false, Calendars.NONE);
  }

  /** The rule's settings, also when turned off (for wording the end of a clock it had started). */
  public RulePolicy settings(RuleId rule) {
    RulePolicy settings = rules.get(rule);
    // A parsed policy names every rule (missing ones come from the built-in policy); only a policy
    // built in code may lack one.
    return settings != null ? settings : PolicyLoader.builtInDefault().rules().get(rule);
  }

  /** The rule's settings, or empty when the policy turns the rule off. */
  public Optional<RulePolicy> rule(RuleId rule) {
    return Optional.ofNullable(rules.get(rule)).filter(RulePolicy::enabled);
  }

  /**
   * This policy, with every rule it does not mention taken from {@code base}, and the base's
   * generic phrases and calendars where it has none of its own.
   */
  public Policy withDefaultsFrom(Policy base, boolean hasPhrases, boolean hasCalendars) {
    Map<RuleId, RulePolicy> merged = new EnumMap<>(RuleId.class);
    merged.putAll(base.rules);
    merged.putAll(rules);
    return new Policy(
        policyId,
        version,
        merged,
        hasPhrases ? genericPhrases : base.genericPhrases,
        warnManagerWhenOutOfOffice,
        hasCalendars ? calendars : base.calendars);
  }
}
