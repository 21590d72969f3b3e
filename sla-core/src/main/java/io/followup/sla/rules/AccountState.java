package io.followup.sla.rules;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the engine knows of one account's buying group: its members and its coverage clock. */
public final class AccountState {

  private String accountId;
  private String accountName;
  private Map<String, BuyingGroupMember> members = new LinkedHashMap<>();
  private SlaClock clock;

  public AccountState() {}

  public static AccountState empty(String accountId) {
    AccountState state = new AccountState();
    state.accountId = accountId;
    return state;
  }

  public AccountState copy() {
    AccountState c = new AccountState();
    c.accountId = accountId;
    c.accountName = accountName;
    c.members = new LinkedHashMap<>(members);
    c.clock = clock;
    return c;
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

  public void setAccountId(String accountId) {
    this.accountId = accountId;
  }

  public String getAccountName() {
    return accountName;
  }

  public void setAccountName(String accountName) {
    this.accountName = accountName;
  }

  public Map<String, BuyingGroupMember> getMembers() {
    return members;
  }

  public void setMembers(Map<String, BuyingGroupMember> members) {
    this.members = new LinkedHashMap<>(members);
  }

  public SlaClock getClock() {
    return clock;
  }

  public void setClock(SlaClock clock) {
    this.clock = clock;
  }
}
