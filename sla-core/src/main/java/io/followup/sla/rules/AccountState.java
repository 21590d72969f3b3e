package io.followup.sla.rules;

import java.time.Instant;
import java.util.Map;

/**
 * What the engine knows of one account's buying group: its members, as counts, and its coverage
 * clock. Immutable: each change gives a new state.
 */
public final class AccountState {

  private final String accountId;
  private final String accountName;
  private final MemberMap members;
  private final SlaClock clock;

  private AccountState(String accountId, String accountName, MemberMap members, SlaClock clock) {
    this.accountId = accountId;
    this.accountName = accountName;
    this.members = members;
    this.clock = clock;
  }

  public static AccountState empty(String accountId) {
    return new AccountState(accountId, null, MemberMap.EMPTY, null);
  }

  /** A state as a store restores it; members in the order they joined. */
  public static AccountState of(
      String accountId, String accountName, Iterable<BuyingGroupMember> members, SlaClock clock) {
    return new AccountState(accountId, accountName, MemberMap.of(members), clock);
  }

  public AccountState withAccountName(String name) {
    return new AccountState(accountId, name, members, clock);
  }

  /** With {@code member}'s view in place of the one before it (or added). */
  public AccountState withMember(BuyingGroupMember member) {
    return new AccountState(accountId, accountName, members.with(member), clock);
  }

  /** With {@code next} as the coverage clock; null for none. */
  public AccountState withClock(SlaClock next) {
    return new AccountState(accountId, accountName, members, next);
  }

  /** When the account was first handed to sales: the earliest hand-off of any member. */
  public Instant handedOffAt() {
    Instant first = null;
    for (BuyingGroupMember m : members.values()) {
      if (m.handedOffAt() != null && (first == null || m.handedOffAt().isBefore(first))) {
        first = m.handedOffAt();
      }
    }
    return first;
  }

  public String getAccountId() {
    return accountId;
  }

  public String getAccountName() {
    return accountName;
  }

  /** Members by leadId, in the order they joined; unmodifiable. */
  public Map<String, BuyingGroupMember> getMembers() {
    return members;
  }

  public SlaClock getClock() {
    return clock;
  }
}
