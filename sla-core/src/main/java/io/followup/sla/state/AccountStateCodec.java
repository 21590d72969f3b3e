package io.followup.sla.state;

import io.followup.sla.rules.AccountState;
import io.followup.sla.rules.BuyingGroupMember;
import io.followup.sla.rules.SlaClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An account's state to and from its stored form, {@link AccountRecord} behind a version byte; and
 * a member's view to and from the records of the buying-group-members topic, {@link MemberRecord}
 * likewise.
 */
public final class AccountStateCodec {

  private static final VersionedAvro<AccountRecord> ACCOUNTS =
      new VersionedAvro<>(AccountRecord.getClassSchema(), 1, Map.of());
  private static final VersionedAvro<MemberRecord> MEMBERS =
      new VersionedAvro<>(MemberRecord.getClassSchema(), 1, Map.of());

  private AccountStateCodec() {}

  public static byte[] encode(AccountState state) {
    List<MemberRecord> members = new ArrayList<>(state.getMembers().size());
    for (BuyingGroupMember m : state.getMembers().values()) {
      members.add(toRecord(m));
    }
    SlaClock clock = state.getClock();
    return ACCOUNTS.encode(
        new AccountRecord(
            state.getAccountId(),
            state.getAccountName(),
            members,
            clock == null ? null : ClockCodec.toRecord(clock)));
  }

  public static AccountState decode(byte[] bytes) {
    AccountRecord r = ACCOUNTS.decode(bytes);
    List<BuyingGroupMember> members = new ArrayList<>(r.getMembers().size());
    for (MemberRecord m : r.getMembers()) {
      members.add(fromRecord(m));
    }
    SlaClock clock =
        r.getClock() == null ? null : ClockCodec.fromRecord(r.getClock(), r.getAccountId());
    return AccountState.of(r.getAccountId(), r.getAccountName(), members, clock);
  }

  public static byte[] encodeMember(BuyingGroupMember member) {
    return MEMBERS.encode(toRecord(member));
  }

  public static BuyingGroupMember decodeMember(byte[] bytes) {
    return fromRecord(MEMBERS.decode(bytes));
  }

  private static MemberRecord toRecord(BuyingGroupMember m) {
    return new MemberRecord(
        m.accountId(),
        m.accountName(),
        m.leadId(),
        m.contactName(),
        m.buyingRole(),
        m.ownerRepId(),
        m.open(),
        m.status(),
        m.handedOffAt(),
        m.touches(),
        m.coveredAt(),
        m.at());
  }

  private static BuyingGroupMember fromRecord(MemberRecord r) {
    return new BuyingGroupMember(
        r.getAccountId(),
        r.getAccountName(),
        r.getLeadId(),
        r.getContactName(),
        r.getBuyingRole(),
        r.getOwnerRepId(),
        r.getOpen(),
        r.getStatus(),
        r.getHandedOffAt(),
        r.getTouches(),
        r.getCoveredAt(),
        r.getAt());
  }
}
