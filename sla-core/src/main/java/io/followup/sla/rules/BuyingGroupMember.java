package io.followup.sla.rules;

import io.followup.sla.policy.RulePolicy;
import java.time.Instant;

/**
 * One lead as its account's buying group sees it: who the person is, whether the lead is open, when
 * it was first handed to sales, and how far its touches go toward what the group owes it. The lead
 * step sends one whenever this view changes, keyed by accountId, so the account's state can live on
 * the account's partition.
 *
 * <p>It carries counts, not touches: what travels and what the account keeps is a few dozen bytes
 * per member however long the lead's history. The counts are made on the lead's side with the
 * buying-group rule's settings in force there.
 *
 * @param status the status that closed the lead, e.g. DISQUALIFIED for a member that left; null
 *     while it is open
 * @param touches the touches that count (personalised ones, where the rule says so) since the lead
 *     was handed to sales (since it was created, if it never was)
 * @param coveredAt when the touch came that made the count the rule asks for; null while short
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
    int touches,
    Instant coveredAt,
    Instant at) {

  /**
   * The member view of a lead that belongs to an account, or null when it belongs to none.
   *
   * @param coverage the buying-group rule's settings: which touches count and how many are owed
   */
  public static BuyingGroupMember of(LeadState lead, Instant at, RulePolicy coverage) {
    if (lead == null || lead.getAccountId() == null || !lead.isCreated()) {
      return null;
    }
    Instant since =
        lead.getFirstAssignedAt() != null ? lead.getFirstAssignedAt() : lead.getCreatedAt();
    int counted = 0;
    Instant coveredAt = null;
    for (Touch t : lead.getTouches()) {
      if (!t.at().isBefore(since) && t.counts(coverage.countOnlyPersonalized())) {
        counted++;
        if (counted == coverage.touchesOwed()) {
          coveredAt = t.at();
        }
      }
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
        counted,
        coveredAt,
        at);
  }

  /** Whether it has the touches the rule asks for. */
  public boolean covered(RulePolicy policy) {
    return touches >= policy.touchesOwed();
  }
}
