package io.followup.sla.rules;

import io.followup.sla.events.ContentEngaged;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.LeadStatusChanged;
import io.followup.sla.events.RepTouched;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.RulePolicy;
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
  public Outcome onEvent(
      LeadState current, SpecificRecord event, Policy policy, RepDirectory reps, Instant now) {
    String leadId = LeadEvents.leadId(event);
    LeadState state = current == null ? LeadState.empty(leadId) : current.copy();
    Instant eventTime = LeadEvents.occurredAt(event);
    List<SlaAlert> alerts = new ArrayList<>();
    List<ClockEvent> clocks = new ArrayList<>();

    Instant justBeforeEvent = eventTime.minusNanos(1);
    Instant catchUpUntil = justBeforeEvent.isBefore(now) ? justBeforeEvent : now;
    for (LeadRule rule : rules) {
      advance(state, rule, policy, catchUpUntil, reps, now, alerts);
    }
    apply(state, event, phrasesOf(policy));
    reconcile(state, policy, reps, now, alerts, clocks);
    return Outcome.between(current, state, alerts, clocks, null);
  }

  /** Looks at one rule's clock of a lead whose deadline came due. */
  public Outcome onDeadline(
      LeadState current, Deadline due, Policy policy, RepDirectory reps, Instant now) {
    if (current == null) {
      return new Outcome(null, List.of(due), List.of(), List.of(), List.of());
    }
    LeadState state = current.copy();
    List<SlaAlert> alerts = new ArrayList<>();
    for (LeadRule rule : rules) {
      if (rule.id() == due.rule()) {
        advance(state, rule, policy, now, reps, now, alerts);
      }
    }
    return Outcome.between(current, state, alerts, List.of(), due);
  }

  private GenericPhrases phrasesOf(Policy policy) {
    Phrases known = phrases;
    if (known == null || known.policy() != policy) {
      known = new Phrases(policy, new GenericPhrases(policy.genericPhrases()));
      phrases = known;
    }
    return known.phrases();
  }

  private void apply(LeadState state, SpecificRecord event, GenericPhrases generic) {
    Instant t = LeadEvents.occurredAt(event);
    if (event instanceof LeadCreated created) {
      applyCreated(state, created, t);
    } else if (event instanceof LeadStatusChanged changed) {
      applyStatus(state, changed, t);
    } else if (event instanceof RepTouched touched) {
      applyTouch(state, touched, t);
      state.addTouch(
          new Touch(
              t,
              touched.getRepId(),
              touched.getChannel(),
              touched.getPersonalized(),
              generic.isGeneric(touched.getSubject())));
    } else if (event instanceof ContentEngaged engaged) {
      if (state.getAccountId() == null) {
        state.setAccountId(engaged.getAccountId());
      }
      state.addEngagement(
          new Engagement(
              t, engaged.getAssetType(), engaged.getAssetTitle(), engaged.getIntentScore()));
    }
    if (state.getLastEventAt() == null || t.isAfter(state.getLastEventAt())) {
      state.setLastEventAt(t);
    }
  }

  private static void applyCreated(LeadState state, LeadCreated created, Instant t) {
    if (!state.isCreated() || t.isBefore(state.getCreatedAt())) {
      state.setCreatedAt(t);
    }
    state.setCreated(true);
    state.setAccountId(firstNonNull(created.getAccountId(), state.getAccountId()));
    state.setAccountName(firstNonNull(created.getAccountName(), state.getAccountName()));
    state.setContactName(firstNonNull(created.getContactName(), state.getContactName()));
    state.setSource(created.getSource());
    state.setPriority(created.getPriority());
    state.setRegion(firstNonNull(created.getRegion(), state.getRegion()));
    state.setBuyingRole(firstNonNull(created.getBuyingRole(), state.getBuyingRole()));
    decideOwner(state, created.getOwnerRepId(), t);
  }

  private static void applyStatus(LeadState state, LeadStatusChanged changed, Instant t) {
    String status = changed.getStatus();
    boolean latest = state.getStatusAt() == null || !t.isBefore(state.getStatusAt());
    if (latest) {
      state.setStatus(status);
      state.setStatusAt(t);
      state.setClosedAt(LeadStatus.stopsEveryClock(status) ? t : null);
    }
    if (LeadStatus.ACCEPTED.equals(status)
        && (state.getAcceptedAt() == null || t.isAfter(state.getAcceptedAt()))) {
      state.setAcceptedAt(t);
    }
    // ASSIGNED says who owns the lead from now on, null meaning back to the queue; other statuses
    // only change the owner when they name one.
    if (LeadStatus.ASSIGNED.equals(status) || changed.getOwnerRepId() != null) {
      decideOwner(state, changed.getOwnerRepId(), t);
    }
  }

  private static void applyTouch(LeadState state, RepTouched touched, Instant t) {
    state.setTouchCount(state.getTouchCount() + 1);
    if (state.getFirstTouchAt() == null || t.isBefore(state.getFirstTouchAt())) {
      state.setFirstTouchAt(t);
    }
    if (state.getLastTouchAt() == null || !t.isBefore(state.getLastTouchAt())) {
      state.setLastTouchAt(t);
      state.setLastTouchRepId(touched.getRepId());
    }
  }

  /** Ownership follows the newest event that speaks of it, whatever order events arrive in. */
  private static void decideOwner(LeadState state, String owner, Instant t) {
    if (owner != null
        && (state.getFirstAssignedAt() == null || t.isBefore(state.getFirstAssignedAt()))) {
      state.setFirstAssignedAt(t);
    }
    if (state.getOwnerDecidedAt() != null && t.isBefore(state.getOwnerDecidedAt())) {
      return;
    }
    if (state.getOwnerSince() == null || !Objects.equals(owner, state.getOwnerRepId())) {
      state.setOwnerRepId(owner);
      state.setOwnerSince(t);
    }
    state.setOwnerDecidedAt(t);
  }

  /**
   * Starts the clocks the facts call for and stops (resolving, if alerted) those they no longer do.
   */
  private void reconcile(
      LeadState state,
      Policy policy,
      RepDirectory reps,
      Instant now,
      List<SlaAlert> alerts,
      List<ClockEvent> clocks) {
    for (LeadRule rule : rules) {
      Optional<RulePolicy> rulePolicy = policy.rule(rule.id());
      Optional<ClockDemand> demand = rulePolicy.flatMap(p -> rule.demand(state, p));
      SlaClock existing = state.getClocks().get(rule.id());
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
        clocks.add(
            closed(
                state,
                existing,
                rule.closure(state, existing, policy.settings(rule.id()), now),
                reps));
        state.getClocks().remove(rule.id());
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
        state.getClocks().put(rule.id(), started);
        clocks.add(clockEvent(state, started, started.startedAt(), null, false, reps));
      }
    }
  }

  private static ClockEvent closed(
      LeadState state, SlaClock clock, ClockClosure closure, RepDirectory reps) {
    boolean late =
        closure.kind() == ClockEvent.Closure.SATISFIED && closure.at().isAfter(clock.dueAt());
    return clockEvent(
        state, clock, closure.at(), closure.kind(), clock.stage().breached() || late, reps);
  }

  private static ClockEvent clockEvent(
      LeadState state,
      SlaClock clock,
      Instant at,
      ClockEvent.Closure closure,
      boolean breached,
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
        breached);
  }

  private static void advance(
      LeadState state,
      LeadRule rule,
      Policy policy,
      Instant until,
      RepDirectory reps,
      Instant now,
      List<SlaAlert> alerts) {
    SlaClock clock = state.getClocks().get(rule.id());
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
    state.getClocks().put(rule.id(), advanced);
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
