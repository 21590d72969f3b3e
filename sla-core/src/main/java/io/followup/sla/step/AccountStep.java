package io.followup.sla.step;

import io.followup.sla.policy.Policy;
import io.followup.sla.rules.AccountState;
import io.followup.sla.rules.BuyingGroupCoverageRule;
import io.followup.sla.rules.BuyingGroupMember;
import io.followup.sla.rules.Deadline;
import io.followup.sla.rules.Outcome;
import io.followup.sla.rules.RepDirectory;
import java.time.Instant;
import java.util.List;

/**
 * The one step of the account rule, whichever driver runs it: takes a member's changed buying-group
 * view, fires the account's due deadlines, keeps the deadline index and retention schedule in step,
 * and forgets accounts whose members are all closed once retention ran out.
 */
public final class AccountStep {

  private final BuyingGroupCoverageRule rule;
  private final StepSettings settings;
  private final Bookkeeping<AccountState> books;

  public AccountStep(BuyingGroupCoverageRule rule, StepSettings settings) {
    this.rule = rule;
    this.settings = settings;
    this.books = new Bookkeeping<>(settings, AccountState::getAccountId, this::forgetAt);
  }

  public void onMember(
      BuyingGroupMember member, AccountPorts ports, Policy policy, RepDirectory reps, Instant now) {
    AccountState before = ports.accounts().get(member.accountId());
    apply(before, rule.onMember(before, member, policy, reps, now), ports);
  }

  /**
   * Fires the deadlines due at {@code now} and forgets the accounts whose retention ran out.
   *
   * @return the deadlines fired
   */
  public List<Deadline> onTick(AccountPorts ports, Policy policy, RepDirectory reps, Instant now) {
    List<Deadline> due =
        books.fireDue(
            ports.deadlines(), ports.output(), now, d -> onDeadline(d, ports, policy, reps, now));
    forgetDue(ports, now);
    return due;
  }

  /** Fires one due deadline: for drivers that keep their own order of deadlines and events. */
  public void onDeadline(
      Deadline deadline, AccountPorts ports, Policy policy, RepDirectory reps, Instant now) {
    AccountState before = ports.accounts().get(deadline.key());
    apply(before, rule.onDeadline(before, deadline, policy, reps, now), ports);
  }

  public void forgetDue(AccountPorts ports, Instant now) {
    books.forgetDue(ports.accounts(), ports.retention(), ports.output(), now);
  }

  private void apply(AccountState before, Outcome<AccountState> outcome, AccountPorts ports) {
    books.apply(
        before, outcome, ports.accounts(), ports.deadlines(), ports.retention(), ports.output());
  }

  /**
   * When an account's state may be forgotten: no coverage clock and every member closed, the
   * retention period after the last change of a member.
   */
  private RetentionSchedule.Entry forgetAt(AccountState state) {
    if (state.getClock() != null
        || state.getMembers().values().stream().anyMatch(BuyingGroupMember::open)) {
      return null;
    }
    return state.getMembers().values().stream()
        .map(BuyingGroupMember::at)
        .max(Instant::compareTo)
        .map(
            last ->
                new RetentionSchedule.Entry(
                    last.plus(settings.stateRetention()), state.getAccountId()))
        .orElse(null);
  }
}
