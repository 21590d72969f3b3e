package io.followup.sla.replay;

import io.followup.sla.events.SlaAlert;
import io.followup.sla.events.SlaPolicy;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyActivation;
import io.followup.sla.policy.RuleId;
import io.followup.sla.rules.AccountState;
import io.followup.sla.rules.ClockEvent;
import io.followup.sla.rules.Deadline;
import io.followup.sla.rules.LeadEvents;
import io.followup.sla.rules.LeadState;
import io.followup.sla.rules.RepDirectory;
import io.followup.sla.rules.SlaRules;
import io.followup.sla.step.AccountPorts;
import io.followup.sla.step.AccountStep;
import io.followup.sla.step.LeadPorts;
import io.followup.sla.step.LeadStep;
import io.followup.sla.step.StepOutput;
import io.followup.sla.step.StepSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;

/**
 * The replay driver of the core's steps: lends them in-memory ports and event time instead of Kafka
 * Streams stores and the wall clock. Deadlines fire when event time passes them, in the order the
 * live index keeps, so a year of history takes no waiting; dedup, the fan-out to accounts and
 * retention are the steps' own, as live.
 */
public final class ReplayDriver {

  private final LeadStep leadStep;
  private final AccountStep accountStep;
  private Policy policy;
  private final RepDirectory reps;

  private final InMemoryStore<LeadState> leads = new InMemoryStore<>();
  private final InMemoryTimeIndex leadDeadlines = new InMemoryTimeIndex();
  private final InMemoryTimeIndex accountDeadlines = new InMemoryTimeIndex();
  private final LeadPorts leadPorts;
  private final AccountPorts accountPorts;
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
    this(rules, policy, reps, alerts, clockEvents, StepSettings.defaults());
  }

  public ReplayDriver(
      SlaRules rules,
      Policy policy,
      RepDirectory reps,
      Consumer<SlaAlert> alerts,
      Consumer<ClockEvent> clockEvents,
      StepSettings settings) {
    this.leadStep = new LeadStep(rules.leads(), settings);
    this.accountStep = new AccountStep(rules.accounts(), settings);
    this.policy = policy;
    this.reps = reps;
    this.accountPorts =
        new AccountPorts(
            new InMemoryStore<>(),
            accountDeadlines,
            new InMemoryRetention(),
            new Output<AccountState>(alerts, clockEvents));
    this.leadPorts =
        new LeadPorts(
            leads,
            leadDeadlines,
            new InMemoryRetention(),
            new InMemorySeenEvents(settings.duplicateWindow()),
            new Output<LeadState>(alerts, clockEvents),
            // The fan-out lands on the account at once: replay has no partitions to cross.
            member -> accountStep.onMember(member, accountPorts, this.policy, this.reps, clock));
  }

  /** Carries the steps' outputs to the caller's consumers. */
  private record Output<S>(Consumer<SlaAlert> alerts, Consumer<ClockEvent> clocks)
      implements StepOutput<S> {
    @Override
    public void alert(SlaAlert alert) {
      alerts.accept(alert);
    }

    @Override
    public void clockChanged(ClockEvent event) {
      clocks.accept(event);
    }
  }

  /**
   * Applies one event at its own time, after every deadline that falls before it. Events should
   * come in occurredAt order; an older one is applied at the current replay time, as a late arrival
   * would be live. A repeated eventId (within the duplicate window) is dropped.
   */
  public void accept(SpecificRecord event) {
    if (event instanceof SlaPolicy published) {
      acceptPolicy(published);
      return;
    }
    moveClockTo(LeadEvents.occurredAt(event));
    leadStep.onEvent(event, leadPorts, policy, reps, clock);
  }

  /**
   * Puts a published policy in force at its publishedAt, as the live engine would within seconds of
   * its publication; one for another policyId, or that does not validate, is refused.
   */
  public boolean acceptPolicy(SlaPolicy published) {
    moveClockTo(published.getPublishedAt());
    if (!published.getPolicyId().equals(policy.policyId())) {
      return false;
    }
    if (PolicyActivation.decide(published, "policy") instanceof PolicyActivation.Accepted a) {
      policy = a.policy();
      return true;
    }
    return false;
  }

  public Policy policy() {
    return policy;
  }

  /**
   * Fires every deadline at or before {@code until}, lead and account ones in time order, and moves
   * the replay clock there; forgets what retention lets go of on the way.
   */
  public void advanceTo(Instant until) {
    while (true) {
      Deadline lead = leadDeadlines.first();
      Deadline account = accountDeadlines.first();
      Deadline due =
          lead == null
              ? account
              : account == null || InMemoryTimeIndex.BY_TIME.compare(lead, account) <= 0
                  ? lead
                  : account;
      if (due == null || due.at().isAfter(until)) {
        break;
      }
      clock = due.at().isAfter(clock) ? due.at() : clock;
      if (due.rule() == RuleId.BUYING_GROUP_COVERAGE) {
        accountStep.onDeadline(due, accountPorts, policy, reps, clock);
      } else {
        leadStep.onDeadline(due, leadPorts, policy, reps, clock);
      }
    }
    if (until.isAfter(clock)) {
      clock = until;
    }
    leadStep.forgetDue(leadPorts, clock);
    accountStep.forgetDue(accountPorts, clock);
  }

  /** Fires the deadlines before {@code at} and moves the replay clock there, never back. */
  private void moveClockTo(Instant at) {
    if (at.isAfter(clock)) {
      advanceTo(at.minusNanos(1));
      clock = at;
    }
  }

  /** The state of one lead, or null if it was never seen (or has been forgotten). */
  public LeadState state(String leadId) {
    return leads.get(leadId);
  }

  /** How many leads the replay holds now: it grows with open leads, not with history. */
  public int leadsHeld() {
    return leads.size();
  }

  public Instant clock() {
    return clock;
  }

  /** When a replayed record takes effect: a lead event's occurredAt, a policy's publishedAt. */
  public static Instant timeOf(SpecificRecord record) {
    return record instanceof SlaPolicy published
        ? published.getPublishedAt()
        : LeadEvents.occurredAt(record);
  }

  /**
   * A convenience for tests and small files: replays the events (sorted by their time) up to {@code
   * asOf}.
   */
  public static List<SlaAlert> replay(
      SlaRules rules,
      Policy policy,
      RepDirectory reps,
      List<? extends SpecificRecord> events,
      Instant asOf) {
    List<SlaAlert> out = new ArrayList<>();
    ReplayDriver driver = new ReplayDriver(rules, policy, reps, out::add);
    events.stream().sorted(Comparator.comparing(ReplayDriver::timeOf)).forEach(driver::accept);
    driver.advanceTo(asOf);
    return out;
  }
}
