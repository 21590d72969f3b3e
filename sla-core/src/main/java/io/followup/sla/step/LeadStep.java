package io.followup.sla.step;

import io.followup.sla.policy.Policy;
import io.followup.sla.policy.RuleId;
import io.followup.sla.policy.RulePolicy;
import io.followup.sla.rules.BuyingGroupMember;
import io.followup.sla.rules.Deadline;
import io.followup.sla.rules.LeadEvents;
import io.followup.sla.rules.LeadRuleEngine;
import io.followup.sla.rules.LeadState;
import io.followup.sla.rules.Outcome;
import io.followup.sla.rules.RepDirectory;
import io.followup.sla.rules.SeenEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * The one step of the lead rules, whichever driver runs it: drops an event seen before (the ids of
 * the duplicate window live in the lead's own state), folds a new one into the lead's state through
 * the rules, fires due deadlines, keeps the deadline index and the retention schedule in step with
 * the state, forgets closed leads after the retention period, and fans each changed buying-group
 * view out to the lead's account.
 *
 * <p>The live Kafka Streams processor and {@code ./sla replay} only lend it ports and time, so they
 * cannot drift apart: what one does, the other does.
 */
public final class LeadStep {

  /**
   * The most event ids a lead remembers, newest kept: bounds a lead's state when a source floods
   * one lead within the window. A re-delivery older than that many newer events of the same lead is
   * applied again.
   */
  public static final int MAX_SEEN = LeadState.MAX_KEPT;

  private final LeadRuleEngine rules;
  private final StepSettings settings;
  private final Bookkeeping<LeadState> books;

  public LeadStep(LeadRuleEngine rules, StepSettings settings) {
    this.rules = rules;
    this.settings = settings;
    this.books = new Bookkeeping<>(settings, LeadState::getLeadId, this::forgetAt);
  }

  /**
   * Applies one lead event at {@code now}.
   *
   * @return false when the event was a duplicate and was dropped
   */
  public boolean onEvent(
      SpecificRecord event, LeadPorts ports, Policy policy, RepDirectory reps, Instant now) {
    String eventId = LeadEvents.eventId(event);
    LeadState before = ports.leads().get(LeadEvents.leadId(event));
    Instant windowStart = now.minus(settings.duplicateWindow());
    if (before != null && before.hasSeen(eventId, windowStart)) {
      return false;
    }
    // Remembered only with what the rules made of it: an event that failed in the rules leaves no
    // trace, so it may be sent again, fixed.
    Outcome<LeadState> outcome =
        remember(rules.onEvent(before, event, policy, reps, now), eventId, now, windowStart);
    apply(before, outcome, ports);
    fanOut(before, outcome.state(), LeadEvents.occurredAt(event), policy, ports);
    return true;
  }

  /**
   * Fires the deadlines due at {@code now} and forgets the leads whose retention ran out, each up
   * to the per-tick bound.
   *
   * @return the deadlines fired
   */
  public List<Deadline> onTick(LeadPorts ports, Policy policy, RepDirectory reps, Instant now) {
    List<Deadline> due =
        books.fireDue(
            ports.deadlines(), ports.output(), now, d -> onDeadline(d, ports, policy, reps, now));
    forgetDue(ports, now);
    return due;
  }

  /** Fires one due deadline: for drivers that keep their own order of deadlines and events. */
  public void onDeadline(
      Deadline deadline, LeadPorts ports, Policy policy, RepDirectory reps, Instant now) {
    LeadState before = ports.leads().get(deadline.key());
    apply(before, rules.onDeadline(before, deadline, policy, reps, now), ports);
  }

  /** Forgets the leads whose retention ran out by {@code now}. */
  public void forgetDue(LeadPorts ports, Instant now) {
    books.forgetDue(ports.leads(), ports.retention(), ports.output(), now);
  }

  private void apply(LeadState before, Outcome<LeadState> outcome, LeadPorts ports) {
    books.apply(
        before, outcome, ports.leads(), ports.deadlines(), ports.retention(), ports.output());
  }

  /**
   * The outcome with {@code eventId} added to the lead's seen ids and the ids older than the window
   * let go. The rules keep a state for every event they apply, so there is always one to add to.
   */
  private static Outcome<LeadState> remember(
      Outcome<LeadState> outcome, String eventId, Instant now, Instant windowStart) {
    LeadState state = outcome.state();
    if (state == null) {
      return outcome;
    }
    List<SeenEvent> kept = new ArrayList<>(state.getSeenEvents().size() + 1);
    for (SeenEvent seen : state.getSeenEvents()) {
      if (!seen.at().isBefore(windowStart) && !seen.eventId().equals(eventId)) {
        kept.add(seen);
      }
    }
    kept.add(new SeenEvent(eventId, now));
    if (kept.size() > MAX_SEEN) {
      kept = kept.subList(kept.size() - MAX_SEEN, kept.size());
    }
    return new Outcome<>(
        state.toBuilder().seenEvents(kept).build(),
        outcome.cleared(),
        outcome.set(),
        outcome.alerts(),
        outcome.clockEvents());
  }

  /** The account hears of a lead only when what it sees of the lead changed. */
  private static void fanOut(
      LeadState before, LeadState after, Instant at, Policy policy, LeadPorts ports) {
    RulePolicy coverage = policy.settings(RuleId.BUYING_GROUP_COVERAGE);
    BuyingGroupMember next = BuyingGroupMember.of(after, at, coverage);
    if (next == null) {
      return;
    }
    BuyingGroupMember was = BuyingGroupMember.of(before, at, coverage);
    if (!Objects.equals(was, next)) {
      ports.members().accept(next);
    }
  }

  /**
   * When a lead's state may be forgotten: a closed lead with no clock, the retention period after
   * its last event. An open lead is kept however quiet it is: it may re-engage months later.
   */
  private RetentionSchedule.Entry forgetAt(LeadState state) {
    if (state.getClosedAt() == null
        || !state.getClocks().isEmpty()
        || state.getLastEventAt() == null) {
      return null;
    }
    return new RetentionSchedule.Entry(
        state.getLastEventAt().plus(settings.stateRetention()), state.getLeadId());
  }
}
