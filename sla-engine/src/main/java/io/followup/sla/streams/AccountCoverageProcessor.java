package io.followup.sla.streams;

import io.followup.sla.policy.Policy;
import io.followup.sla.rules.AccountState;
import io.followup.sla.rules.BuyingGroupMember;
import io.followup.sla.rules.Deadline;
import io.followup.sla.rules.RepDirectory;
import io.followup.sla.rules.SlaClock;
import io.followup.sla.step.AccountPorts;
import io.followup.sla.step.AccountStep;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The live driver of the account step, on the account's partition: lends it the task's stores, the
 * context's time and a wall-clock punctuator, and carries its alerts out.
 */
public final class AccountCoverageProcessor
    implements Processor<String, BuyingGroupMember, String, Object> {

  private final AccountStep step;
  private final Supplier<Policy> policy;
  private final EngineSettings settings;
  private final EngineListener listener;
  private final String alertsNode;
  private final String teamClocksNode;

  private ProcessorContext<String, Object> context;
  private AccountPorts ports;
  private RepDirectory reps;
  private ClockTally tally;
  private long recordTime;

  public AccountCoverageProcessor(
      AccountStep step,
      Supplier<Policy> policy,
      EngineSettings settings,
      EngineListener listener,
      String alertsNode,
      String teamClocksNode) {
    this.step = step;
    this.alertsNode = alertsNode;
    this.teamClocksNode = teamClocksNode;
    this.policy = policy;
    this.settings = settings;
    this.listener = listener;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    KeyValueStore<String, AccountState> accounts = context.getStateStore(StoreNames.ACCOUNT_STATE);
    this.reps = new StoreRepDirectory(context.getStateStore(StoreNames.REPS));
    this.tally = new ClockTally(SlaTopology.ACCOUNT_RULES + "/" + context.taskId(), listener);
    tally.open(accounts, AccountCoverageProcessor::clocksOf);
    KeyValueStore<Bytes, byte[]> schedule = context.getStateStore(StoreNames.ACCOUNT_DEADLINES);
    RetentionIndex retention = new RetentionIndex(schedule);
    retention.takeOver(context.getStateStore(StoreNames.ACCOUNT_RETENTION));
    this.ports =
        new AccountPorts(
            new StoreStates<>(accounts),
            new DeadlineIndex(schedule),
            retention,
            new TaskOutput<AccountState>(
                alert ->
                    context.forward(
                        new Record<>(alert.getAccountId(), alert, recordTime), alertsNode),
                (team, clock) ->
                    context.forward(new Record<>(team, clock, recordTime), teamClocksNode),
                listener,
                tally,
                AccountCoverageProcessor::clocksOf));
    context.schedule(
        settings.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, this::fireDueDeadlines);
  }

  @Override
  public void process(Record<String, BuyingGroupMember> record) {
    recordTime = context.currentSystemTimeMs();
    step.onMember(record.value(), ports, policy.get(), reps, Instant.ofEpochMilli(recordTime));
  }

  void fireDueDeadlines(long wallClockMs) {
    recordTime = wallClockMs;
    Instant now = Instant.ofEpochMilli(wallClockMs);
    List<Deadline> fired = step.onTick(ports, policy.get(), reps, now);
    listener.deadlinesFired(fired, now);
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
