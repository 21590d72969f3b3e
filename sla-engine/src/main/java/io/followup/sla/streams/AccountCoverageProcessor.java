package io.followup.sla.streams;

import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.Policy;
import io.followup.sla.rules.AccountOutcome;
import io.followup.sla.rules.AccountState;
import io.followup.sla.rules.BuyingGroupCoverageRule;
import io.followup.sla.rules.BuyingGroupMember;
import io.followup.sla.rules.Deadline;
import io.followup.sla.rules.RepDirectory;
import io.followup.sla.rules.SlaClock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The live driver of the buying-group rule: on the account's partition, keeps each account's
 * members and coverage clock, and scans its own deadline index on the wall clock.
 */
public final class AccountCoverageProcessor
    implements Processor<String, BuyingGroupMember, String, SlaAlert> {

  private final BuyingGroupCoverageRule rule;
  private final Supplier<Policy> policy;
  private final EngineSettings settings;
  private final EngineListener listener;

  private ProcessorContext<String, SlaAlert> context;
  private KeyValueStore<String, AccountState> accounts;
  private DeadlineIndex deadlines;
  private RetentionIndex retention;
  private RepDirectory reps;
  private ClockTally tally;

  public AccountCoverageProcessor(
      BuyingGroupCoverageRule rule,
      Supplier<Policy> policy,
      EngineSettings settings,
      EngineListener listener) {
    this.rule = rule;
    this.policy = policy;
    this.settings = settings;
    this.listener = listener;
  }

  @Override
  public void init(ProcessorContext<String, SlaAlert> context) {
    this.context = context;
    this.accounts = context.getStateStore(StoreNames.ACCOUNT_STATE);
    this.deadlines = new DeadlineIndex(context.getStateStore(StoreNames.ACCOUNT_DEADLINES));
    this.retention = new RetentionIndex(context.getStateStore(StoreNames.ACCOUNT_RETENTION));
    this.reps = new StoreRepDirectory(context.getStateStore(StoreNames.REPS));
    this.tally =
        new ClockTally(
            SlaTopology.ACCOUNT_RULES + "/" + context.taskId(),
            context.getStateStore(StoreNames.ACCOUNT_OPEN_CLOCK_COUNTS),
            listener);
    tally.open(accounts, AccountCoverageProcessor::clocksOf);
    context.schedule(
        settings.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, this::fireDueDeadlines);
  }

  @Override
  public void process(Record<String, BuyingGroupMember> record) {
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    BuyingGroupMember member = record.value();
    AccountState before = accounts.get(record.key());
    apply(before, rule.onMember(before, member, policy.get(), reps, now), now);
  }

  void fireDueDeadlines(long wallClockMs) {
    Instant now = Instant.ofEpochMilli(wallClockMs);
    List<Deadline> due = deadlines.due(now, settings.maxDeadlinesPerTick());
    Policy current = policy.get();
    for (Deadline deadline : due) {
      AccountState before = accounts.get(deadline.key());
      apply(before, rule.onDeadline(before, deadline, current, reps, now), now);
    }
    listener.deadlinesFired(due, now);
    retention.forgetDue(now, settings.maxDeadlinesPerTick(), accounts, this::forgetAt);
  }

  /**
   * When an account's state may be forgotten: no coverage clock and every member closed, the
   * retention period after the last change of a member.
   */
  private RetentionIndex.Entry forgetAt(AccountState state) {
    if (state == null
        || state.getClock() != null
        || state.getMembers().values().stream().anyMatch(BuyingGroupMember::open)) {
      return null;
    }
    return state.getMembers().values().stream()
        .map(BuyingGroupMember::at)
        .max(Instant::compareTo)
        .map(
            last ->
                new RetentionIndex.Entry(
                    last.plus(settings.stateRetention()), state.getAccountId()))
        .orElse(null);
  }

  private void apply(AccountState before, AccountOutcome outcome, Instant now) {
    deadlines.update(outcome.cleared(), outcome.set());
    if (outcome.state() != null) {
      accounts.put(outcome.state().getAccountId(), outcome.state());
      retention.move(forgetAt(before), forgetAt(outcome.state()));
      tally.change(clocksOf(before), clocksOf(outcome.state()));
    }
    outcome.clockEvents().forEach(listener::clockChanged);
    for (SlaAlert alert : outcome.alerts()) {
      context.forward(new Record<>(alert.getAccountId(), alert, now.toEpochMilli()));
      listener.alertEmitted(alert);
    }
  }

  private static List<SlaClock> clocksOf(AccountState state) {
    return state == null || state.getClock() == null ? List.of() : List.of(state.getClock());
  }

  @Override
  public void close() {
    if (tally != null) {
      tally.close();
    }
  }
}
