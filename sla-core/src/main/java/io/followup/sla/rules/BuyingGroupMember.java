package io.followup.sla.rules;

import java.time.Instant;
import java.util.List;

/**
 * One lead as its account's buying group sees it: who the person is, whether the lead is open, when
 * it was first handed to sales, and its touches. The lead driver sends a fresh one after every
 * change, keyed by accountId, so the account's state can live on the account's partition.
 *
 * @param status the status that closed the lead, e.g. DISQUALIFIED for a member that left; null
 *     while it is open
 * @param at the occurredAt of the event that produced this view
 */
public record BuyingGroupMember(
    String accountId,
    String accountName,
    String leadId,
    String contactName,
    String buyingRole,
    String ownerRepId,
    boolean open,
    String status,
    Instant handedOffAt,
    List<Touch> touches,
    Instant at) {

  public BuyingGroupMember {
    touches = touches == null ? List.of() : List.copyOf(touches);
  }

  /** The member view of a lead that belongs to an account, or null when it belongs to none. */
  public static BuyingGroupMember of(LeadState lead, Instant at) {
    if (lead == null || lead.getAccountId() == null || !lead.isCreated()) {
      return null;
    }
    return new BuyingGroupMember(
        lead.getAccountId(),
        lead.getAccountName(),
        lead.getLeadId(),
        lead.getContactName(),
        lead.getBuyingRole(),
        lead.getOwnerRepId(),
        lead.isOpen(),
        // Why a member left is all the group needs of its status; ACCEPTED and the like change
        // nothing it sees, so they need not travel.
        lead.isOpen() ? null : lead.getStatus(),
        lead.getFirstAssignedAt(),
        lead.getTouches(),
        at);
  }

  /** Touches that count, at or after {@code since}. */
  public int touchesSince(Instant since, boolean onlyPersonalized) {
    int n = 0;
    for (Touch t : touches) {
      if (!t.at().isBefore(since) && t.counts(onlyPersonalized)) {
        n++;
      }
    }
    return n;
  }
}
