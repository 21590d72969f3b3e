package io.followup.sla.policy;

import io.followup.sla.rules.RuleId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The SLA policy in force: per rule, its SLA by source and priority, when to warn and when to
 * escalate. Versioned: every alert records the version that set its deadline.
 */
public record Policy(String policyId, String version, Map<RuleId, RulePolicy> rules) {

  public Policy {
    rules = rules.isEmpty() ? Map.of() : new EnumMap<>(rules);
  }

  /** The rule's settings, or empty when the policy turns the rule off. */
  public Optional<RulePolicy> rule(RuleId rule) {
    return Optional.ofNullable(rules.get(rule)).filter(RulePolicy::enabled);
  }

  /** This policy, with every rule it does not mention taken from {@code base}. */
  public Policy withDefaultsFrom(Policy base) {
    Map<RuleId, RulePolicy> merged = new EnumMap<>(RuleId.class);
    merged.putAll(base.rules);
    merged.putAll(rules);
    return new Policy(policyId, version, merged);
  }
}
