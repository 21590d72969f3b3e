package io.followup.sla.rules;

import io.followup.sla.policy.RuleId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine knows of one lead: the facts its events told (in whatever order they arrived) and
 * its running clocks. Rules read it; only {@link LeadRuleEngine} changes it, on a copy.
 */
public final class LeadState {

  private String leadId;
  private boolean created;
  private Instant createdAt;
  private String accountId;
  private String accountName;
  private String contactName;
  private String source;
  private String priority;
  private String region;
  private String buyingRole;

  private String ownerRepId;

  /** When the lead first had an owner: its hand-off from marketing to sales. */
  private Instant firstAssignedAt;

  /** Since when the lead has had its current owner (or has been without one). */
  private Instant ownerSince;

  /** The occurredAt of the event that decided the current owner: older events don't override it. */
  private Instant ownerDecidedAt;

  private String status;
  private Instant statusAt;
  private Instant acceptedAt;

  /** Set while a status that stops every clock is the latest one. */
  private Instant closedAt;

  private Instant firstTouchAt;
  private Instant lastTouchAt;
  private String lastTouchRepId;
  private int touchCount;

  /** The most recent touches, oldest first; bounded so a lead's state stays small. */
  private List<Touch> touches = new ArrayList<>();

  /** The most recent engagements, oldest first; bounded likewise. */
  private List<Engagement> engagements = new ArrayList<>();

  private Instant lastEventAt;
  private Map<RuleId, SlaClock> clocks = new LinkedHashMap<>();

  /** Touches and engagements kept per lead; older ones fall off (they no longer decide a clock). */
  public static final int MAX_KEPT = 100;

  public LeadState() {}

  public static LeadState empty(String leadId) {
    LeadState state = new LeadState();
    state.leadId = leadId;
    return state;
  }

  public LeadState copy() {
    LeadState c = new LeadState();
    c.leadId = leadId;
    c.created = created;
    c.createdAt = createdAt;
    c.accountId = accountId;
    c.accountName = accountName;
    c.contactName = contactName;
    c.source = source;
    c.priority = priority;
    c.region = region;
    c.buyingRole = buyingRole;
    c.ownerRepId = ownerRepId;
    c.firstAssignedAt = firstAssignedAt;
    c.ownerSince = ownerSince;
    c.ownerDecidedAt = ownerDecidedAt;
    c.status = status;
    c.statusAt = statusAt;
    c.acceptedAt = acceptedAt;
    c.closedAt = closedAt;
    c.firstTouchAt = firstTouchAt;
    c.lastTouchAt = lastTouchAt;
    c.lastTouchRepId = lastTouchRepId;
    c.touchCount = touchCount;
    c.touches = new ArrayList<>(touches);
    c.engagements = new ArrayList<>(engagements);
    c.lastEventAt = lastEventAt;
    c.clocks = new LinkedHashMap<>(clocks);
    return c;
  }

  /** Open: created and not stopped by a status such as DISQUALIFIED or CLOSED. */
  public boolean isOpen() {
    return created && closedAt == null;
  }

  /** The first touch at or after {@code since} that counts, if any. */
  public Optional<Touch> firstTouchSince(Instant since, boolean onlyPersonalized) {
    return touches.stream()
        .filter(t -> !t.at().isBefore(since) && t.counts(onlyPersonalized))
        .findFirst();
  }

  /** The latest touch that counts, if any. */
  public Optional<Touch> lastCountedTouch(boolean onlyPersonalized) {
    for (int i = touches.size() - 1; i >= 0; i--) {
      if (touches.get(i).counts(onlyPersonalized)) {
        return Optional.of(touches.get(i));
      }
    }
    return Optional.empty();
  }

  /** Touches that count, at or after {@code from} and at or before {@code to} (null: no end). */
  public int countTouches(Instant from, Instant to, boolean onlyPersonalized) {
    int n = 0;
    for (Touch t : touches) {
      if (!t.at().isBefore(from)
          && (to == null || !t.at().isAfter(to))
          && t.counts(onlyPersonalized)) {
        n++;
      }
    }
    return n;
  }

  /** Adds a touch in time order, dropping the oldest beyond {@link #MAX_KEPT}. */
  public void addTouch(Touch touch) {
    int i = touches.size();
    while (i > 0 && touches.get(i - 1).at().isAfter(touch.at())) {
      i--;
    }
    touches.add(i, touch);
    if (touches.size() > MAX_KEPT) {
      touches.remove(0);
    }
  }

  /** Adds an engagement in time order, dropping the oldest beyond {@link #MAX_KEPT}. */
  public void addEngagement(Engagement engagement) {
    int i = engagements.size();
    while (i > 0 && engagements.get(i - 1).at().isAfter(engagement.at())) {
      i--;
    }
    engagements.add(i, engagement);
    if (engagements.size() > MAX_KEPT) {
      engagements.remove(0);
    }
  }

  public String getLeadId() {
    return leadId;
  }

  public void setLeadId(String leadId) {
    this.leadId = leadId;
  }

  public boolean isCreated() {
    return created;
  }

  public void setCreated(boolean created) {
    this.created = created;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(Instant createdAt) {
    this.createdAt = createdAt;
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

  public String getContactName() {
    return contactName;
  }

  public void setContactName(String contactName) {
    this.contactName = contactName;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  public String getPriority() {
    return priority;
  }

  public void setPriority(String priority) {
    this.priority = priority;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public String getBuyingRole() {
    return buyingRole;
  }

  public void setBuyingRole(String buyingRole) {
    this.buyingRole = buyingRole;
  }

  public Instant getFirstAssignedAt() {
    return firstAssignedAt;
  }

  public void setFirstAssignedAt(Instant firstAssignedAt) {
    this.firstAssignedAt = firstAssignedAt;
  }

  public String getOwnerRepId() {
    return ownerRepId;
  }

  public void setOwnerRepId(String ownerRepId) {
    this.ownerRepId = ownerRepId;
  }

  public Instant getOwnerSince() {
    return ownerSince;
  }

  public void setOwnerSince(Instant ownerSince) {
    this.ownerSince = ownerSince;
  }

  public Instant getOwnerDecidedAt() {
    return ownerDecidedAt;
  }

  public void setOwnerDecidedAt(Instant ownerDecidedAt) {
    this.ownerDecidedAt = ownerDecidedAt;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public Instant getStatusAt() {
    return statusAt;
  }

  public void setStatusAt(Instant statusAt) {
    this.statusAt = statusAt;
  }

  public Instant getAcceptedAt() {
    return acceptedAt;
  }

  public void setAcceptedAt(Instant acceptedAt) {
    this.acceptedAt = acceptedAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public void setClosedAt(Instant closedAt) {
    this.closedAt = closedAt;
  }

  public Instant getFirstTouchAt() {
    return firstTouchAt;
  }

  public void setFirstTouchAt(Instant firstTouchAt) {
    this.firstTouchAt = firstTouchAt;
  }

  public Instant getLastTouchAt() {
    return lastTouchAt;
  }

  public void setLastTouchAt(Instant lastTouchAt) {
    this.lastTouchAt = lastTouchAt;
  }

  public String getLastTouchRepId() {
    return lastTouchRepId;
  }

  public void setLastTouchRepId(String lastTouchRepId) {
    this.lastTouchRepId = lastTouchRepId;
  }

  public int getTouchCount() {
    return touchCount;
  }

  public void setTouchCount(int touchCount) {
    this.touchCount = touchCount;
  }

  public Instant getLastEventAt() {
    return lastEventAt;
  }

  public void setLastEventAt(Instant lastEventAt) {
    this.lastEventAt = lastEventAt;
  }

  public List<Touch> getTouches() {
    return touches;
  }

  public void setTouches(List<Touch> touches) {
    this.touches = new ArrayList<>(touches);
  }

  public List<Engagement> getEngagements() {
    return engagements;
  }

  public void setEngagements(List<Engagement> engagements) {
    this.engagements = new ArrayList<>(engagements);
  }

  public Map<RuleId, SlaClock> getClocks() {
    return clocks;
  }

  public void setClocks(Map<RuleId, SlaClock> clocks) {
    this.clocks = new LinkedHashMap<>(clocks);
  }
}
