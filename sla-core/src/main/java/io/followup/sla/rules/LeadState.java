package io.followup.sla.rules;

import io.followup.sla.policy.RuleId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine knows of one lead: the facts its events told (in whatever order they arrived) and
 * its running clocks. Immutable: {@link LeadRuleEngine} derives the next state through a {@link
 * Builder}, so a state handed to a store, a rule or a test never changes under it.
 *
 * <p>Only facts are kept; whatever follows from them (open, created, the last touch) is computed,
 * so a stored state cannot contradict itself.
 */
public final class LeadState {

  /** Touches and engagements kept per lead; older ones fall off (they no longer decide a clock). */
  public static final int MAX_KEPT = 100;

  private final String leadId;
  private final Instant createdAt;
  private final String accountId;
  private final String accountName;
  private final String contactName;
  private final String source;
  private final String priority;
  private final String buyingRole;
  private final String ownerRepId;
  private final Instant firstAssignedAt;
  private final Instant ownerSince;
  private final Instant ownerDecidedAt;
  private final String status;
  private final Instant statusAt;
  private final Instant acceptedAt;
  private final Instant closedAt;
  private final Instant firstTouchAt;
  private final List<Touch> touches;
  private final List<Engagement> engagements;
  private final Instant lastEventAt;
  private final Map<RuleId, SlaClock> clocks;
  private final List<SeenEvent> seenEvents;

  private LeadState(Builder b) {
    leadId = b.leadId;
    createdAt = b.createdAt;
    accountId = b.accountId;
    accountName = b.accountName;
    contactName = b.contactName;
    source = b.source;
    priority = b.priority;
    buyingRole = b.buyingRole;
    ownerRepId = b.ownerRepId;
    firstAssignedAt = b.firstAssignedAt;
    ownerSince = b.ownerSince;
    ownerDecidedAt = b.ownerDecidedAt;
    status = b.status;
    statusAt = b.statusAt;
    acceptedAt = b.acceptedAt;
    closedAt = b.closedAt;
    firstTouchAt = b.firstTouchAt;
    touches = b.touches;
    engagements = b.engagements;
    lastEventAt = b.lastEventAt;
    clocks = b.clocks;
    seenEvents = b.seenEvents;
  }

  /** A builder for a lead not seen before. */
  public static Builder builder(String leadId) {
    return new Builder(leadId);
  }

  /** A builder that starts from this state; this state stays as it is. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Created: its LeadCreated has been seen (events of a lead may arrive before it). */
  public boolean isCreated() {
    return createdAt != null;
  }

  /** Open: created and not stopped by a status such as DISQUALIFIED or CLOSED. */
  public boolean isOpen() {
    return isCreated() && closedAt == null;
  }

  /** The first touch at or after {@code since} that counts, if any. */
  public Optional<Touch> firstTouchSince(Instant since, boolean onlyPersonalized) {
    for (int i = 0; i < touches.size(); i++) {
      Touch t = touches.get(i);
      if (!t.at().isBefore(since) && t.counts(onlyPersonalized)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
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

  // The lists are random-access and read on every event: indexed loops, no iterator each time.

  /** Touches that count, at or after {@code from} and at or before {@code to} (null: no end). */
  public int countTouches(Instant from, Instant to, boolean onlyPersonalized) {
    int n = 0;
    for (int i = 0; i < touches.size(); i++) {
      Touch t = touches.get(i);
      if (!t.at().isBefore(from)
          && (to == null || !t.at().isAfter(to))
          && t.counts(onlyPersonalized)) {
        n++;
      }
    }
    return n;
  }

  public String getLeadId() {
    return leadId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getAccountId() {
    return accountId;
  }

  public String getAccountName() {
    return accountName;
  }

  public String getContactName() {
    return contactName;
  }

  public String getSource() {
    return source;
  }

  public String getPriority() {
    return priority;
  }

  public String getBuyingRole() {
    return buyingRole;
  }

  /** When the lead first had an owner: its hand-off from marketing to sales. */
  public Instant getFirstAssignedAt() {
    return firstAssignedAt;
  }

  public String getOwnerRepId() {
    return ownerRepId;
  }

  /** Since when the lead has had its current owner (or has been without one). */
  public Instant getOwnerSince() {
    return ownerSince;
  }

  /** The occurredAt of the event that decided the current owner: older events don't override it. */
  public Instant getOwnerDecidedAt() {
    return ownerDecidedAt;
  }

  public String getStatus() {
    return status;
  }

  public Instant getStatusAt() {
    return statusAt;
  }

  public Instant getAcceptedAt() {
    return acceptedAt;
  }

  /** Set while a status that stops every clock is the latest one. */
  public Instant getClosedAt() {
    return closedAt;
  }

  /** The earliest touch ever seen, also once it has fallen off the kept touches. */
  public Instant getFirstTouchAt() {
    return firstTouchAt;
  }

  public Instant getLastTouchAt() {
    return touches.isEmpty() ? null : touches.get(touches.size() - 1).at();
  }

  public String getLastTouchRepId() {
    return touches.isEmpty() ? null : touches.get(touches.size() - 1).repId();
  }

  /** The touches kept (the latest {@link #MAX_KEPT}), oldest first. */
  public int getTouchCount() {
    return touches.size();
  }

  /** The most recent touches, oldest first; unmodifiable. */
  public List<Touch> getTouches() {
    return touches;
  }

  /** The most recent engagements, oldest first; unmodifiable. */
  public List<Engagement> getEngagements() {
    return engagements;
  }

  public Instant getLastEventAt() {
    return lastEventAt;
  }

  /** The running clocks by rule; unmodifiable. */
  public Map<RuleId, SlaClock> getClocks() {
    return clocks;
  }

  /**
   * The events applied to this lead within the duplicate window, oldest first; unmodifiable. Kept
   * by the step, not the rules.
   */
  public List<SeenEvent> getSeenEvents() {
    return seenEvents;
  }

  /** Whether {@code eventId} was applied to this lead at or after {@code since}. */
  public boolean hasSeen(String eventId, Instant since) {
    for (int i = 0; i < seenEvents.size(); i++) {
      SeenEvent seen = seenEvents.get(i);
      if (seen.eventId().equals(eventId) && !seen.at().isBefore(since)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Collects the changes of one step. Lists and the clock map are copied once, on the first change,
   * so a step that changes nothing of them copies nothing.
   */
  public static final class Builder {
    private final String leadId;
    private Instant createdAt;
    private String accountId;
    private String accountName;
    private String contactName;
    private String source;
    private String priority;
    private String buyingRole;
    private String ownerRepId;
    private Instant firstAssignedAt;
    private Instant ownerSince;
    private Instant ownerDecidedAt;
    private String status;
    private Instant statusAt;
    private Instant acceptedAt;
    private Instant closedAt;
    private Instant firstTouchAt;
    private List<Touch> touches = List.of();
    private List<Engagement> engagements = List.of();
    private Instant lastEventAt;
    private Map<RuleId, SlaClock> clocks = Map.of();
    private List<SeenEvent> seenEvents = List.of();

    private Builder(String leadId) {
      this.leadId = leadId;
    }

    private Builder(LeadState s) {
      leadId = s.leadId;
      createdAt = s.createdAt;
      accountId = s.accountId;
      accountName = s.accountName;
      contactName = s.contactName;
      source = s.source;
      priority = s.priority;
      buyingRole = s.buyingRole;
      ownerRepId = s.ownerRepId;
      firstAssignedAt = s.firstAssignedAt;
      ownerSince = s.ownerSince;
      ownerDecidedAt = s.ownerDecidedAt;
      status = s.status;
      statusAt = s.statusAt;
      acceptedAt = s.acceptedAt;
      closedAt = s.closedAt;
      firstTouchAt = s.firstTouchAt;
      touches = s.touches;
      engagements = s.engagements;
      lastEventAt = s.lastEventAt;
      clocks = s.clocks;
      seenEvents = s.seenEvents;
    }

    public LeadState build() {
      return new LeadState(this);
    }

    public Builder createdAt(Instant v) {
      createdAt = v;
      return this;
    }

    public Builder accountId(String v) {
      accountId = v;
      return this;
    }

    public Builder accountName(String v) {
      accountName = v;
      return this;
    }

    public Builder contactName(String v) {
      contactName = v;
      return this;
    }

    public Builder source(String v) {
      source = v;
      return this;
    }

    public Builder priority(String v) {
      priority = v;
      return this;
    }

    public Builder buyingRole(String v) {
      buyingRole = v;
      return this;
    }

    public Builder ownerRepId(String v) {
      ownerRepId = v;
      return this;
    }

    public Builder firstAssignedAt(Instant v) {
      firstAssignedAt = v;
      return this;
    }

    public Builder ownerSince(Instant v) {
      ownerSince = v;
      return this;
    }

    public Builder ownerDecidedAt(Instant v) {
      ownerDecidedAt = v;
      return this;
    }

    public Builder status(String v) {
      status = v;
      return this;
    }

    public Builder statusAt(Instant v) {
      statusAt = v;
      return this;
    }

    public Builder acceptedAt(Instant v) {
      acceptedAt = v;
      return this;
    }

    public Builder closedAt(Instant v) {
      closedAt = v;
      return this;
    }

    public Builder firstTouchAt(Instant v) {
      firstTouchAt = v;
      return this;
    }

    public Builder lastEventAt(Instant v) {
      lastEventAt = v;
      return this;
    }

    /** Replaces the kept touches (oldest first), as a restore from the store does. */
    public Builder touches(List<Touch> v) {
      touches = List.copyOf(v);
      return this;
    }

    /** Replaces the kept engagements (oldest first), as a restore from the store does. */
    public Builder engagements(List<Engagement> v) {
      engagements = List.copyOf(v);
      return this;
    }

    /** Replaces the events remembered for the duplicate window (oldest first). */
    public Builder seenEvents(List<SeenEvent> v) {
      seenEvents = List.copyOf(v);
      return this;
    }

    /** Adds a touch in time order, dropping the oldest beyond {@link #MAX_KEPT}. */
    public Builder addTouch(Touch touch) {
      touches = insertInTimeOrder(touches, touch, Touch::at);
      return this;
    }

    /** Adds an engagement in time order, dropping the oldest beyond {@link #MAX_KEPT}. */
    public Builder addEngagement(Engagement engagement) {
      engagements = insertInTimeOrder(engagements, engagement, Engagement::at);
      return this;
    }

    public SlaClock clock(RuleId rule) {
      return clocks.get(rule);
    }

    public Builder putClock(SlaClock clock) {
      Map<RuleId, SlaClock> next =
          clocks.isEmpty() ? new EnumMap<>(RuleId.class) : new EnumMap<>(clocks);
      next.put(clock.rule(), clock);
      clocks = Collections.unmodifiableMap(next);
      return this;
    }

    public Builder removeClock(RuleId rule) {
      if (clocks.containsKey(rule)) {
        Map<RuleId, SlaClock> next = new EnumMap<>(clocks);
        next.remove(rule);
        clocks = next.isEmpty() ? Map.of() : Collections.unmodifiableMap(next);
      }
      return this;
    }

    private static <T> List<T> insertInTimeOrder(
        List<T> list, T item, java.util.function.Function<T, Instant> at) {
      List<T> next = new ArrayList<>(Math.min(list.size() + 1, MAX_KEPT + 1));
      next.addAll(list);
      int i = next.size();
      while (i > 0 && at.apply(next.get(i - 1)).isAfter(at.apply(item))) {
        i--;
      }
      next.add(i, item);
      if (next.size() > MAX_KEPT) {
        next.remove(0);
      }
      return Collections.unmodifiableList(next);
    }
  }
}
