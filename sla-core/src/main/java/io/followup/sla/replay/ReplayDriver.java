package io.followup.sla.replay;

import io.followup.sla.events.RepProfile;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.events.SlaPolicy;
import io.followup.sla.events.TeamWeeklyReview;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyActivation;
import io.followup.sla.policy.RuleId;
import io.followup.sla.review.TeamClock;
import io.followup.sla.review.TeamClocks;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;

/**
 * The replay driver of the core's steps: lends them in-memory ports and event time instead of Kafka
 * Streams stores and the wall clock. Deadlines fire when event time passes them, in the order the
 * live index keeps, so a year of history takes no waiting; dedup, the fan-out to accounts and
 * retention are the steps' own, as live. Asked for them, it also makes the teams' weekly reviews
 * from the breaches and ends of clocks the steps tell of ({@link ReplayReviews}).
 *
 * <p>The replay clock follows when each record reached the engine: a lead event's {@link
 * LeadEvents#arrivedAt arrival} (its recordedAt, else its occurredAt), a policy's publishedAt, a
 * rep profile's updatedAt. The rules still see each event's own occurredAt, so a touch recorded
 * after its deadline replays as it ran live: breached first, then withdrawn.
 */
public final class ReplayDriver {

  private final LeadStep leadStep;
  private final AccountStep accountStep;
  private Policy policy;
  private final RepDirectory reps;
  private final Map<String, RepProfile> profiles = new HashMap<>();

  private final InMemoryStore<LeadState> leads = new InMemoryStore<>();
  private final InMemoryTimeIndex leadDeadlines = new InMemoryTimeIndex();
  private final InMemoryTimeIndex accountDeadlines = new InMemoryTimeIndex();
  private final LeadPorts leadPorts;
  private final AccountPorts accountPorts;
  private final ReplayReviews reviews;
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
    this(rules, policy, reps, alerts, clockEvents, null, settings);
  }

  /**
   * @param reviews told of each team's weekly review once replay time passes the Monday 00:00 that
   *     ends its week, as the live engine publishes it; null for a replay that wants none (it folds
   *     no clocks then)
   */
  public ReplayDriver(
      SlaRules rules,
      Policy policy,
      RepDirectory reps,
      Consumer<SlaAlert> alerts,
      Consumer<ClockEvent> clockEvents,
      Consumer<TeamWeeklyReview> reviews,
      StepSettings settings) {
    this.reviews = reviews == null ? null : new ReplayReviews(reviews);
    this.leadStep = new LeadStep(rules.leads(), settings);
    this.accountStep = new AccountStep(rules.accounts(), settings);
    this.policy = policy;
    // Profiles replayed through acceptRep take precedence over the directory given up front.
    this.reps =
        repId -> {
          RepProfile replayed = repId == null ? null : profiles.get(repId);
          return replayed != null ? Optional.of(replayed) : reps.find(repId);
        };
    BiConsumer<String, TeamClock> toReview =
        this.reviews == null
            ? null
            : (team, teamClock) -> this.reviews.onClock(team, teamClock, clock, this.reps);
    this.accountPorts =
        new AccountPorts(
            new InMemoryStore<>(),
            accountDeadlines,
            new InMemoryRetention(),
            new Output<AccountState>(alerts, clockEvents, toReview));
    this.leadPorts =
        new LeadPorts(
            leads,
            leadDeadlines,
            new InMemoryRetention(),
            new Output<LeadState>(alerts, clockEvents, toReview),
            // The fan-out lands on the account at once: replay has no partitions to cross.
            member -> accountStep.onMember(member, accountPorts, this.policy, this.reps, clock));
  }

  /**
   * Carries the steps' outputs to the caller's consumers, and what the weekly review counts (as the
   * live task picks it) to the review, if the replay makes one.
   */
  private record Output<S>(
      Consumer<SlaAlert> alerts, Consumer<ClockEvent> clocks, BiConsumer<String, TeamClock> review)
      implements StepOutput<S> {
    @Override
    public void alert(SlaAlert alert) {
      alerts.accept(alert);
      if (review != null) {
        TeamClocks.fromAlert(alert, review);
      }
    }

    @Override
    public void clockChanged(ClockEvent event) {
      clocks.accept(event);
      if (review != null) {
        TeamClocks.fromClock(event, review);
      }
    }
  }

  /**
   * Applies one event when it arrived ({@link LeadEvents#arrivedAt}), after every deadline that
   * falls before then; the rules see its occurredAt. Events should come in arrival order; one that
   * arrived earlier than the replay time is applied at the replay time, as a late arrival would be
   * live. An eventId seen within the duplicate window is dropped. Policies and rep profiles go to
   * {@link #acceptPolicy} and {@link #acceptRep}.
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
    moveClockTo(LeadEvents.arrivedAt(event));
    leadStep.onEvent(event, leadPorts, policy, reps, clock);
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
    PolicyActivation.Decision decision = PolicyActivation.decide(published, "document");
    if (decision instanceof PolicyActivation.Refused refused) {
      return PolicyDecision.refused(firstLine(refused.reason()));
    }
    policy = ((PolicyActivation.Accepted) decision).policy();
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
      closeWeeks();
      if (due.rule() == RuleId.BUYING_GROUP_COVERAGE) {
        accountStep.onDeadline(due, accountPorts, policy, reps, clock);
      } else {
        leadStep.onDeadline(due, leadPorts, policy, reps, clock);
      }
    }
    if (until.isAfter(clock)) {
      clock = until;
    }
    closeWeeks();
    leadStep.forgetDue(leadPorts, clock);
    accountStep.forgetDue(accountPorts, clock);
  }

  /** Publishes the review of every team's week that ended by the replay clock. */
  private void closeWeeks() {
    if (reviews != null) {
      reviews.closeEndedBy(clock, reps);
    }
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
