package io.followup.sla.replay;

import java.util.Objects;

/**
 * What replay made of one published policy version: put in force, refused (with the reason, in
 * words a policy author acts on), or passed over because it belongs to another policyId, as a live
 * engine following one policy passes over the others.
 *
 * @param reason why it was refused or passed over; null when applied
 */
public record PolicyDecision(Verdict verdict, String reason) {

  public enum Verdict {
    APPLIED,
    REFUSED,
    OTHER_POLICY
  }

  public PolicyDecision {
    Objects.requireNonNull(verdict, "verdict");
    if ((verdict == Verdict.APPLIED) != (reason == null)) {
      throw new IllegalArgumentException("a reason is given exactly when not applied");
    }
  }

  static PolicyDecision applied() {
    return new PolicyDecision(Verdict.APPLIED, null);
  }

  static PolicyDecision refused(String reason) {
    return new PolicyDecision(Verdict.REFUSED, reason);
  }

  static PolicyDecision otherPolicy(String reason) {
    return new PolicyDecision(Verdict.OTHER_POLICY, reason);
  }

  public boolean isApplied() {
    return verdict == Verdict.APPLIED;
  }
}
