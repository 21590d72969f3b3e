package io.followup.sla.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.followup.sla.events.RepProfile;
import io.followup.sla.policy.RulePolicy;
import io.followup.sla.rules.AccountState;
import io.followup.sla.rules.BuyingGroupMember;
import io.followup.sla.rules.ClockStage;
import io.followup.sla.rules.Engagement;
import io.followup.sla.rules.LeadState;
import io.followup.sla.rules.SlaClock;
import io.followup.sla.rules.Touch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The JSON shapes of the API (described in {@code openapi.json}): timestamps as ISO-8601 UTC. */
public final class Views {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Views() {}

  /** A lead: its facts, open clocks, kept touches and engagements, and its timeline. */
  public static ObjectNode lead(LeadState lead, Function<String, Optional<RepProfile>> reps) {
    ObjectNode out = JSON.objectNode().put("leadId", lead.getLeadId());
    ObjectNode facts = out.putObject("facts");
    facts.put("accountId", lead.getAccountId());
    facts.put("accountName", lead.getAccountName());
    facts.put("contactName", lead.getContactName());
    facts.put("source", lead.getSource());
    facts.put("priority", lead.getPriority());
    facts.put("buyingRole", lead.getBuyingRole());
    facts.put("ownerRepId", lead.getOwnerRepId());
    Optional<RepProfile> owner = reps.apply(lead.getOwnerRepId());
    facts.put("ownerName", owner.map(r -> r.getName()).orElse(null));
    facts.put("team", owner.map(RepProfile::getTeam).orElse(null));
    facts.put("status", lead.getStatus());
    facts.put("open", lead.isOpen());
    time(facts, "createdAt", lead.getCreatedAt());
    time(facts, "firstAssignedAt", lead.getFirstAssignedAt());
    time(facts, "ownerSince", lead.getOwnerSince());
    time(facts, "statusAt", lead.getStatusAt());
    time(facts, "acceptedAt", lead.getAcceptedAt());
    time(facts, "closedAt", lead.getClosedAt());
    time(facts, "firstTouchAt", lead.getFirstTouchAt());
    time(facts, "lastTouchAt", lead.getLastTouchAt());
    ArrayNode clocks = out.putArray("clocks");
    lead.getClocks().values().stream()
        .sorted(Comparator.comparing(SlaClock::dueAt))
        .forEach(c -> clocks.add(clock(c)));
    ArrayNode touches = out.putArray("touches");
    for (Touch t : lead.getTouches()) {
      ObjectNode touch = touches.addObject();
      time(touch, "at", t.at());
      touch.put("repId", t.repId()).put("channel", t.channel());
      if (t.personalized() == null) {
        touch.putNull("personalized");
      } else {
        touch.put("personalized", t.personalized());
      }
      touch.put("generic", t.generic()).put("countsWhereOnlyPersonalized", t.counts(true));
    }
    ArrayNode engagements = out.putArray("engagements");
    for (Engagement e : lead.getEngagements()) {
      ObjectNode engagement = engagements.addObject();
      time(engagement, "at", e.at());
      engagement.put("assetType", e.assetType()).put("assetTitle", e.assetTitle());
      engagement.put("intentScore", e.intentScore());
    }
    out.set("timeline", timeline(lead));
    return out;
  }

  /**
   * What happened to the lead, oldest first: created, handed off, accepted, touched, engaged, the
   * alerts of its open clocks, closed. A closed clock's alerts are not in the lead's state (it
   * keeps facts, not history), so they are not here: {@code sla.alerts} has them all.
   */
  static ArrayNode timeline(LeadState lead) {
    List<ObjectNode> entries = new ArrayList<>();
    entry(entries, lead.getCreatedAt(), "created", "Lead created");
    entry(entries, lead.getFirstAssignedAt(), "assigned", "First handed to sales");
    entry(entries, lead.getAcceptedAt(), "accepted", "Accepted by the rep");
    for (Touch t : lead.getTouches()) {
      entry(entries, t.at(), "touch", t.channel() + " touch by " + t.repId())
          .put("repId", t.repId());
    }
    for (Engagement e : lead.getEngagements()) {
      entry(entries, e.at(), "engagement", "Engaged with " + e.assetType());
    }
    for (SlaClock c : lead.getClocks().values()) {
      if (c.stage().ordinal() >= ClockStage.WARNED.ordinal() && c.warnAt() != null) {
        alert(entries, c, c.warnAt(), "WARNING");
      }
      if (c.stage().breached()) {
        alert(entries, c, c.dueAt(), "BREACHED");
      }
      if (c.stage() == ClockStage.ESCALATED && c.escalateAt() != null) {
        alert(entries, c, c.escalateAt(), "ESCALATED");
      }
    }
    entry(entries, lead.getClosedAt(), "closed", "Closed as " + lead.getStatus());
    entries.sort(Comparator.comparing(e -> e.get("at").asText()));
    ArrayNode out = JSON.arrayNode();
    entries.forEach(out::add);
    return out;
  }

  private static void alert(List<ObjectNode> entries, SlaClock c, Instant at, String kind) {
    entry(entries, at, "alert", kind + " on " + c.rule().id())
        .put("alertKind", kind)
        .put("ruleId", c.rule().id())
        .put("alertId", c.alertId());
  }

  private static ObjectNode entry(List<ObjectNode> entries, Instant at, String kind, String text) {
    ObjectNode e = JSON.objectNode();
    if (at != null) {
      e.put("at", at.toString()).put("kind", kind).put("text", text);
      entries.add(e);
    }
    return e;
  }

  public static ObjectNode clock(SlaClock c) {
    ObjectNode out = JSON.objectNode().put("ruleId", c.rule().id()).put("stage", c.stage().name());
    time(out, "startedAt", c.startedAt());
    time(out, "warnAt", c.warnAt());
    time(out, "dueAt", c.dueAt());
    time(out, "escalateAt", c.escalateAt());
    out.put("repId", c.repId()).put("alertId", c.alertId());
    return out;
  }

  /** One row of an at-risk list: the clock and what a manager needs to recognise the lead. */
  public static ObjectNode atRisk(OpenClock open, Function<String, Optional<RepProfile>> reps) {
    LeadState lead = open.lead();
    ObjectNode row = clock(open.clock());
    row.put("leadId", lead.getLeadId());
    row.put("contactName", lead.getContactName());
    row.put("accountName", lead.getAccountName());
    row.put("priority", lead.getPriority());
    row.put("source", lead.getSource());
    row.put("ownerRepId", lead.getOwnerRepId());
    Optional<RepProfile> owner = reps.apply(lead.getOwnerRepId());
    row.put("ownerName", owner.map(r -> r.getName()).orElse(null));
    row.put("team", owner.map(RepProfile::getTeam).orElse(null));
    return row;
  }

  /** An account's buying group: each member's touches against what the rule asks for. */
  public static ObjectNode coverage(AccountState account, RulePolicy rule) {
    ObjectNode out = JSON.objectNode().put("accountId", account.getAccountId());
    out.put("accountName", account.getAccountName());
    out.put("touchesOwed", rule.touchesOwed());
    out.put("countOnlyPersonalized", rule.countOnlyPersonalized());
    time(out, "handedOffAt", account.handedOffAt());
    int covered = 0;
    int open = 0;
    ArrayNode members = out.putArray("members");
    for (BuyingGroupMember m : account.getMembers().values()) {
      ObjectNode member = members.addObject().put("leadId", m.leadId());
      member.put("contactName", m.contactName()).put("buyingRole", m.buyingRole());
      member.put("ownerRepId", m.ownerRepId()).put("open", m.open()).put("status", m.status());
      time(member, "handedOffAt", m.handedOffAt());
      member.put("touches", m.touches()).put("touchesOwed", rule.touchesOwed());
      member.put("covered", m.covered(rule));
      time(member, "coveredAt", m.coveredAt());
      if (m.open()) {
        open++;
        if (m.covered(rule)) {
          covered++;
        }
      }
    }
    out.put("openMembers", open).put("coveredMembers", covered);
    if (account.getClock() == null) {
      out.putNull("clock");
    } else {
      out.set("clock", clock(account.getClock()));
    }
    return out;
  }

  static void time(ObjectNode node, String field, Instant at) {
    if (at == null) {
      node.putNull(field);
    } else {
      node.put(field, at.toString());
    }
  }
}
