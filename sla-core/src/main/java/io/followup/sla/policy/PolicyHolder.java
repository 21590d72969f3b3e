package io.followup.sla.policy;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The policy in force on this instance, swapped whole when a new version arrives. Clocks keep the
 * deadlines they were started with; only new clocks see the new version.
 */
public final class PolicyHolder implements Supplier<Policy> {

  private final AtomicReference<Policy> current;

  public PolicyHolder(Policy initial) {
    this.current = new AtomicReference<>(initial);
  }

  @Override
  public Policy get() {
    return current.get();
  }

  /** Puts {@code next} in force; returns the one it replaced. */
  public Policy replace(Policy next) {
    return current.getAndSet(next);
  }

  /** The policy id this instance follows on the policies topic. */
  public String policyId() {
    return current.get().policyId();
  }
}
