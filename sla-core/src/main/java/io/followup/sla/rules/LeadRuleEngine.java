package io.followup.sla.rules;

import io.followup.sla.events.ContentEngaged;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.LeadStatusChanged;
import io.followup.sla.events.RepTouched;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.RuleId;
import io.followup.sla.policy.RulePolicy;
import io.followup.sla.time.SlaCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * The rule core: folds a lead's events into its state and runs every lead rule's clock through
 * WARNING, BREACHED, ESCALATED and RESOLVED, each at most once per breach. Plain Java: the Kafka
 * Streams processor and {@code ./sla replay} are two drivers of this one class, so live and replay
 * cannot drift apart.
 *
 * <p>Time is always passed in. A clock stage is due when its instant is at or before {@code now}.
 * Before an event is applied, stages due before the event's own time fire first, so the outcome
 * does not depend on whether the driver's deadline scan or the event came first.
 */
public final class LeadRuleEngine {

  private final List<LeadRule> rules;
  private final ClockCalendars calendars = new ClockCalendars();

  /** The policy's generic phrases, normalised once per policy version rather than per event. */
  private record Phrases(Policy policy, GenericPhrases phrases) {}

  private volatile Phrases phrases;

  public LeadRuleEngine(List<LeadRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** Every lead-level rule of the contract. */
  public static LeadRuleEngine standard() {
    return new LeadRuleEngine(
        List.of(
            new UnassignedRule(),
            new FirstTouchRule(),
            new FollowUpAfterEngagementRule(),
            new TouchCadenceRule()));
  }

  /**
   * Applies one lead event.
   *
   * @param current the lead's state, or null for a lead not seen before
   */
  public Outcome<LeadState> onEvent(
      LeadState current, SpecificRecord event, Policy policy, RepDirectory reps, Instant now) {
    String leadId = LeadEvents.leadId(event);
    LeadState.Builder next = current == null ? LeadState.builder(leadId) : current.toBuilder();
    LeadState facts = current == null ? next.build() : current;
    Instant eventTime = LeadEvents.occurredAt(event);
    List<SlaAlert> alerts = new ArrayList<>();
    List<ClockEvent> clocks = new ArrayList<>();

    Instant justBeforeEvent = eventTime.minusNanos(1);
    Instant catchUpUntil = justBeforeEvent.isBefore(now) ? justBeforeEvent : now;
    for (LeadRule rule : rules) {
      advance(next, facts, rule, policy, catchUpUntil, reps, now, alerts);
    }
    apply(next, facts, event, phrasesOf(policy));
    reconcile(next, next.build(), policy, reps, now, alerts, clocks);
    return Outcome.between(current, next.build(), Outcome::deadlinesOf, alerts, clocks, null);
  }

  /** Looks at one rule's clock of a lead whose deadline came due. */
  public Outcome<LeadState> onDeadline(
      LeadState current, Deadline due, Policy policy, RepDirectory reps, Instant now) {
    if (current == null) {
      return Outcome.stale(due);
    }
    LeadState.Builder next = current.toBuilder();
    List<SlaAlert> alerts = new ArrayList<>();
    for (LeadRule rule : rules) {
      if (rule.id() == due.rule()) {
        advance(next, current, rule, policy, now, reps, now, alerts);
      }
    }
    return Outcome.between(current, next.build(), Outcome::deadlinesOf, alerts, List.of(), due);
  }

  private GenericPhrases phrasesOf(Policy policy) {
    Phrases known = phrases;
    if (known == null || known.policy() != policy) {
      known = new Phrases(policy, new GenericPhrases(policy.genericPhrases()));
      phrases = known;
    }
    return known.phrases();
  }

  private void apply(
      LeadState.Builder next, LeadState was, SpecificRecord event, GenericPhrases generic) {
    Instant t = LeadEvents.occurredAt(event);
    if (event instanceof LeadCreated created) {
      applyCreated(next, was, created, t);
    } else if (event instanceof LeadStatusChanged changed) {
      applyStatus(next, was, changed, t);
    } else if (event instanceof RepTouched touched) {
      if (was.getFirstTouchAt() == null || t.isBefore(was.getFirstTouchAt())) {
        next.firstTouchAt(t);
      }
      next.addTouch(
          new Touch(
              t,
              touched.getRepId(),
              touched.getChannel(),
              touched.getPersonalized(),
              generic.isGeneric(touched.getSubject())));
    } else if (event instanceof ContentEngaged engaged) {
      if (was.getAccountId() == null) {
        next.accountId(engaged.getAccountId());
      }
      next.addEngagement(
          new Engagement(
              t, engaged.getAssetType(), engaged.getAssetTitle(), engaged.getIntentScore()));
    }
    if (was.getLastEventAt() == null || t.isAfter(was.getLastEventAt())) {
      next.lastEventAt(t);
    }
  }

  private static void applyCreated(
      LeadState.Builder next, LeadState was, LeadCreated created, Instant t) {
    if (!was.isCreated() || t.isBefore(was.getCreatedAt())) {
      next.createdAt(t);
    }
    next.accountId(firstNonNull(created.getAccountId(), was.getAccountId()))
        .accountName(firstNonNull(created.getAccountName(), was.getAccountName()))
        .contactName(firstNonNull(created.getContactName(), was.getContactName()))
        .source(created.getSource())
        .priority(created.getPriority())
        .buyingRole(firstNonNull(created.getBuyingRole(), was.getBuyingRole()));
    decideOwner(next, was, created.getOwnerRepId(), t);
  }

  private static void applyStatus(
      LeadState.Builder next, LeadState was, LeadStatusChanged changed, Instant t) {
    String status = changed.getStatus();
    boolean latest = was.getStatusAt() == null || !t.isBefore(was.getStatusAt());
    if (latest) {
      next.status(status).statusAt(t).closedAt(LeadStatus.stopsEveryClock(status) ? t : null);
    }
    if (LeadStatus.ACCEPTED.equals(status)
        && (was.getAcceptedAt() == null || t.isAfter(was.getAcceptedAt()))) {
      next.acceptedAt(t);
    }
    // ASSIGNED says who owns the lead from now on, null meaning back to the queue; other statuses
    // only change the owner when they name one.
    if (LeadStatus.ASSIGNED.equals(status) || changed.getOwnerRepId() != null) {
      decideOwner(next, was, changed.getOwnerRepId(), t);
    }
  }

  /** Ownership follows the newest event that speaks of it, whatever order events arrive in. */
  private static void decideOwner(LeadState.Builder next, LeadState was, String owner, Instant t) {
    if (owner != null
        && (was.getFirstAssignedAt() == null || t.isBefore(was.getFirstAssignedAt()))) {
      next.firstAssignedAt(t);
    }
    if (was.getOwnerDecidedAt() != null && t.isBefore(was.getOwnerDecidedAt())) {
      return;
    }
    if (was.getOwnerSince() == null || !Objects.equals(owner, was.getOwnerRepId())) {
      next.ownerRepId(owner).ownerSince(t);
    }
    next.ownerDecidedAt(t);
  }

  /**
   * Starts the clocks the facts call for and stops (resolving, if alerted) those they no longer do.
   */
  private void reconcile(
      LeadState.Builder next,
      LeadState state,
      Policy policy,
      RepDirectory reps,
      Instant now,
      List<SlaAlert> alerts,
      List<ClockEvent> clocks) {
    for (LeadRule rule : rules) {
      Optional<RulePolicy> rulePolicy = policy.rule(rule.id());
      Optional<ClockDemand> demand = rulePolicy.flatMap(p -> rule.demand(state, p));
      SlaClock existing = next.clock(rule.id());
      if (existing != null
          && (demand.isEmpty() || !demand.get().startedAt().equals(existing.startedAt()))) {
        if (existing.stage().alerted()) {
          alerts.add(
              alert(
                  AlertKind.RESOLVED,
                  state,
                  existing,
                  rule.resolvedSummary(state, existing, policy.settings(rule.id()), now, reps),
                  now,
                  reps,
                  policy));
        }
        ClockClosure closure = rule.closure(state, existing, policy.settings(rule.id()), now);
        clocks.add(
            closed(
                state,
                existing,
                closure,
                firstTouch(existing, closure, rulePolicy, policy, reps),
                reps));
        next.removeClock(rule.id());
        existing = null;
      }
      if (existing == null && demand.isPresent()) {
        SlaClock started =
            ClockStages.start(
                rule.id(),
                state.getLeadId(),
                demand.get(),
                rulePolicy.get(),
                policy.version(),
                calendars.forClock(rulePolicy.get(), policy, demand.get().repId(), reps));
        next.putClock(started);
        clocks.add(clockEvent(state, started, started.startedAt(), null, false, null, reps));
      }
    }
  }

  /**
   * The time to first touch of a first-touch clock closed satisfied, in the calendar the clock's
   * rule counts in (the rep's business hours where the policy says so), else null. Only this rule
   * pays for the calendar: the weekly review sums it per rep.
   */
  private Duration firstTouch(
      SlaClock clock,
      ClockClosure closure,
      Optional<RulePolicy> rulePolicy,
      Policy policy,
      RepDirectory reps) {
    if (clock.rule() != RuleId.FIRST_TOUCH
        || closure.kind() != ClockEvent.Closure.SATISFIED
        || closure.at().isBefore(clock.startedAt())) {
      return null;
    }
    SlaCalendar calendar =
        rulePolicy
            .map(p -> calendars.forClock(p, policy, clock.repId(), reps))
            .orElse(SlaCalendar.WALL_CLOCK);
    return calendar.elapsed(clock.startedAt(), closure.at());
  }

  private static ClockEvent closed(
      LeadState state,
      SlaClock clock,
      ClockClosure closure,
      Duration firstTouch,
      RepDirectory reps) {
    boolean late =
        closure.kind() == ClockEvent.Closure.SATISFIED && closure.at().isAfter(clock.dueAt());
    return clockEvent(
        state,
        clock,
        closure.at(),
        closure.kind(),
        clock.stage().breached() || late,
        firstTouch,
        reps);
  }

  private static ClockEvent clockEvent(
      LeadState state,
      SlaClock clock,
      Instant at,
      ClockEvent.Closure closure,
      boolean breached,
      Duration firstTouch,
      RepDirectory reps) {
    return new ClockEvent(
        clock.rule(),
        state.getLeadId(),
        state.getAccountId(),
        state.getSource(),
        state.getPriority(),
        clock.repId(),
        reps.teamOf(clock.repId()),
        clock.startedAt(),
        clock.dueAt(),
        at,
        closure,
        breached,
        firstTouch);
  }

  private static void advance(
      LeadState.Builder next,
      LeadState state,
      LeadRule rule,
      Policy policy,
      Instant until,
      RepDirectory reps,
      Instant now,
      List<SlaAlert> alerts) {
    SlaClock clock = next.clock(rule.id());
    if (clock == null) {
      return;
    }
    RulePolicy settings = policy.settings(rule.id());
    SlaClock advanced =
        ClockStages.advance(
            clock,
            until,
            (staged, kind) ->
                alerts.add(
                    alert(
                        kind,
                        state,
                        staged,
                        rule.pendingSummary(kind, state, staged, settings, now, reps),
                        now,
                        reps,
                        policy)));
    if (advanced != clock) {
      next.putClock(advanced);
    }
  }

  private static SlaAlert alert(
      AlertKind kind,
      LeadState state,
      SlaClock clock,
      String summary,
      Instant now,
      RepDirectory reps,
      Policy policy) {
    return AlertFactory.alert(kind, clock, summary, now, reps, policy)
        .setLeadId(state.getLeadId())
        .setAccountId(state.getAccountId())
        .setSource(state.getSource())
        .setPriority(state.getPriority())
        .build();
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}
