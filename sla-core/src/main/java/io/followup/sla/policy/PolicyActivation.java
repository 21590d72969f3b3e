package io.followup.sla.policy;

import io.followup.sla.events.SlaPolicy;

/**
 * Whether a published policy goes in force: the one rule every driver applies to the {@code
 * sla.policies} topic or a replayed {@code SlaPolicy} line. A version that does not validate, or
 * that was published under one policyId but names another, is refused with the reason, and the
 * version in force stays.
 */
public final class PolicyActivation {

  /** What became of one published version. */
  public sealed interface Decision permits Accepted, Refused {}

  /** It validates: it goes in force now; running clocks keep their deadlines. */
  public record Accepted(Policy policy) implements Decision {}

  /** It stays out of force, for this reason (one line, in the policy author's words). */
  public record Refused(String reason) implements Decision {}

  private PolicyActivation() {}

  /**
   * @param origin where the document came from, as the reason names it (e.g. the topic and key)
   */
  public static Decision decide(SlaPolicy published, String origin) {
    Policy next;
    try {
      next = PolicyLoader.parse(published.getDocument(), origin);
    } catch (PolicyException e) {
      return new Refused(e.getMessage());
    }
    if (!next.policyId().equals(published.getPolicyId())) {
      return new Refused(
          "published under policyId "
              + published.getPolicyId()
              + " but the document says policyId "
              + next.policyId());
    }
    return new Accepted(next);
  }
}
