package io.followup.sla.replay;

import io.followup.sla.events.ContentEngaged;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.events.SlaPolicy;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyException;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.policy.RuleId;
import io.followup.sla.rules.AccountOutcome;
import io.followup.sla.rules.AccountState;
import io.followup.sla.rules.BuyingGroupMember;
import io.followup.sla.rules.ClockEvent;
import io.followup.sla.rules.Deadline;
import io.followup.sla.rules.LeadEvents;
import io.followup.sla.rules.LeadState;
import io.followup.sla.rules.Outcome;
import io.followup.sla.rules.RepDirectory;
import io.followup.sla.rules.SlaRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;

/**
 * Runs the rule core over recorded events in event time: an in-memory state store and a
 * time-ordered deadline queue stand in for the Kafka Streams stores and the wall-clock punctuator.
 * Deadlines fire when event time passes them, so a year of history takes no waiting.
 *
 * <p>The replay clock follows when each record reached the engine: a lead event's {@link
 * LeadEvents#arrivedAt arrival} (its recordedAt, else its occurredAt), a policy's publishedAt, a
 * rep profile's updatedAt. The rules still see each event's own occurredAt, so a touch recorded
 * after its deadline replays as it ran live: breached first, then withdrawn.
 */
public final class ReplayDriver {

  private static final Comparator<Deadline> BY_TIME =
      Comparator.comparing(Deadline::at).thenComparing(Deadline::key).thenComparing(Deadline::rule);

  private final SlaRules rules;
  private Policy policy;
  private final RepDirectory reps;
  private final Map<String, RepProfile> profiles = new HashMap<>();
  private final Consumer<SlaAlert> alerts;
  private final Consumer<ClockEvent> clockEvents;

  private final Map<String, LeadState> states = new HashMap<>();
  private final Map<String, AccountState> accounts = new HashMap<>();
  private final TreeSet<Deadline> deadlines = new TreeSet<>(BY_TIME);
  private final RecentEventIds seenEventIds = new RecentEventIds(RecentEventIds.LIVE_DEFAULT);
  private Instant clock = Instant.EPOCH;

  public ReplayDriver(SlaRules rules, Policy policy, RepDirectory reps, Consumer<SlaAlert> alerts) {
    this(rules, policy, reps, alerts, clock -> {});
  }

  /**
   * @param clockEvents told of every clock that starts or closes, for compliance reporting
   */
  public ReplayDriver(
      SlaRules rules,
      Policy policy,
      RepDirectory reps,
      Consumer<SlaAlert> alerts,
      Consumer<ClockEvent> clockEvents) {
    this.rules = rules;
    this.policy = policy;
    // Profiles replayed through acceptRep take precedence over the directory given up front.
    this.reps =
        repId -> {
          RepProfile replayed = repId == null ? null : profiles.get(repId);
          return replayed != null ? Optional.of(replayed) : reps.find(repId);
        };
    this.alerts = alerts;
    this.clockEvents = clockEvents;
  }

  /**
   * Applies one event when it arrived ({@link LeadEvents#arrivedAt}), after every deadline that
   * falls before then; the rules see its occurredAt. Events should come in arrival order; one that
   * arrived earlier than the replay time is applied at the replay time, as a late arrival would be
   * live. An eventId seen in the last seven days (the live engine's default duplicate window) is
   * dropped. Policies and rep profiles go to {@link #acceptPolicy} and {@link #acceptRep}.
   */
  public void accept(SpecificRecord event) {
    if (event instanceof SlaPolicy published) {
      acceptPolicy(published);
      return;
    }
    if (event instanceof RepProfile rep) {
      acceptRep(rep);
      return;
    }
    Instant arrival = LeadEvents.arrivedAt(event);
    if (!seenEventIds.firstSeen(
        LeadEvents.eventId(event), arrival.isAfter(clock) ? arrival : clock)) {
      return;
    }
    moveClockTo(arrival);
    Instant at = LeadEvents.occurredAt(event);
    String leadId = LeadEvents.leadId(event);
    Outcome outcome = rules.leads().onEvent(states.get(leadId), event, policy, reps, clock);
    apply(outcome);
    if (!(event instanceof ContentEngaged)) {
      BuyingGroupMember member = BuyingGroupMember.of(outcome.state(), at);
      if (member != null) {
        apply(
            rules
                .accounts()
                .onMember(accounts.get(member.accountId()), member, policy, reps, clock));
      }
    }
  }

  /**
   * Puts a published policy in force at its publishedAt, as the live engine would within seconds of
   * its publication. One that does not validate, or whose document names another policyId, is
   * refused and the version in force stays; one published for another policyId is passed over.
   */
  public PolicyDecision acceptPolicy(SlaPolicy published) {
    moveClockTo(published.getPublishedAt());
    if (!published.getPolicyId().equals(policy.policyId())) {
      return PolicyDecision.otherPolicy("the replay follows policy " + policy.policyId());
    }
    Policy next;
    try {
      next = PolicyLoader.parse(published.getDocument(), "document");
    } catch (PolicyException e) {
      return PolicyDecision.refused(firstLine(e.getMessage()));
    }
    if (!next.policyId().equals(policy.policyId())) {
      return PolicyDecision.refused(
          "it was published as policy "
              + published.getPolicyId()
              + " but its document says policyId "
              + next.policyId());
    }
    policy = next;
    return PolicyDecision.applied();
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }

  /**
   * Puts a rep profile in force at its updatedAt, after every deadline that falls before then, or
   * at the replay time when it has none (or names a time already past); alerts from then on see it.
   * Live, the engine reads {@code sales.reps} as it changes: a rep who goes out of office on
   * Tuesday has Monday's breaches go to the rep and Tuesday's to the manager.
   */
  public void acceptRep(RepProfile rep) {
    if (rep.getUpdatedAt() != null) {
      moveClockTo(rep.getUpdatedAt());
    }
    profiles.put(rep.getRepId(), rep);
  }

  /** Fires the deadlines before {@code at} and moves the replay clock there, never back. */
  private void moveClockTo(Instant at) {
    if (at.isAfter(clock)) {
      fireDeadlinesBefore(at);
      clock = at;
    }
  }

  public Policy policy() {
    return policy;
  }

  /** Fires every deadline at or before {@code until} and moves the replay clock there. */
  public void advanceTo(Instant until) {
    while (!deadlines.isEmpty() && !deadlines.first().at().isAfter(until)) {
      Deadline due = deadlines.pollFirst();
      clock = due.at().isAfter(clock) ? due.at() : clock;
      if (due.rule() == RuleId.BUYING_GROUP_COVERAGE) {
        apply(rules.accounts().onDeadline(accounts.get(due.key()), due, policy, reps, clock));
      } else {
        apply(rules.leads().onDeadline(states.get(due.key()), due, policy, reps, clock));
      }
    }
    if (until.isAfter(clock)) {
      clock = until;
    }
  }

  private void fireDeadlinesBefore(Instant at) {
    advanceTo(at.minusNanos(1));
  }

  private void apply(AccountOutcome outcome) {
    outcome.cleared().forEach(deadlines::remove);
    deadlines.addAll(outcome.set());
    if (outcome.state() != null) {
      accounts.put(outcome.state().getAccountId(), outcome.state());
    }
    outcome.clockEvents().forEach(clockEvents);
    outcome.alerts().forEach(alerts);
  }

  private void apply(Outcome outcome) {
    outcome.cleared().forEach(deadlines::remove);
    deadlines.addAll(outcome.set());
    if (outcome.state() != null) {
      states.put(outcome.state().getLeadId(), outcome.state());
    }
    outcome.clockEvents().forEach(clockEvents);
    outcome.alerts().forEach(alerts);
  }

  /** The state of one lead, or null if it was never seen. */
  public LeadState state(String leadId) {
    return states.get(leadId);
  }

  public Instant clock() {
    return clock;
  }

  /**
   * When a replayed record takes effect: a lead event's arrival ({@link LeadEvents#arrivedAt}), a
   * policy's publishedAt, a rep profile's updatedAt; null for a profile without one, which takes
   * effect where it stands.
   */
  public static Instant timeOf(SpecificRecord record) {
    if (record instanceof SlaPolicy published) {
      return published.getPublishedAt();
    }
    if (record instanceof RepProfile rep) {
      return rep.getUpdatedAt();
    }
    return LeadEvents.arrivedAt(record);
  }

  /**
   * A convenience for tests and small files: replays the records (sorted by {@link #timeOf}; rep
   * profiles without an updatedAt first) up to {@code asOf}.
   */
  public static List<SlaAlert> replay(
      SlaRules rules,
      Policy policy,
      RepDirectory reps,
      List<? extends SpecificRecord> events,
      Instant asOf) {
    List<SlaAlert> out = new ArrayList<>();
    ReplayDriver driver = new ReplayDriver(rules, policy, reps, out::add);
    events.stream()
        .sorted(
            Comparator.comparing(
                ReplayDriver::timeOf, Comparator.nullsFirst(Comparator.naturalOrder())))
        .forEach(driver::accept);
    driver.advanceTo(asOf);
    return out;
  }
}
