package io.followup.sla.streams;

import io.followup.sla.policy.Policy;
import io.followup.sla.rules.BuyingGroupMember;
import io.followup.sla.rules.Deadline;
import io.followup.sla.rules.LeadState;
import io.followup.sla.rules.RepDirectory;
import io.followup.sla.step.LeadPorts;
import io.followup.sla.step.LeadStep;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The live driver of the lead step: lends it the task's state stores as ports, the time of the
 * processor context, and a wall-clock punctuator for what falls due. Everything the rules decide,
 * dedup, the fan-out to accounts and retention included, is the step's; this class only carries
 * records in and out.
 */
public final class LeadSlaProcessor implements Processor<String, SpecificRecord, String, Object> {

  private final LeadStep step;
  private final Supplier<Policy> policy;
  private final EngineSettings settings;
  private final EngineListener listener;
  private final String alertsNode;
  private final String membersNode;
  private final String teamClocksNode;

  private ProcessorContext<String, Object> context;
  private LeadPorts ports;
  private RepDirectory reps;
  private ClockTally tally;
  private long recordTime;

  public LeadSlaProcessor(
      LeadStep step,
      Supplier<Policy> policy,
      EngineSettings settings,
      EngineListener listener,
      String alertsNode,
      String membersNode,
      String teamClocksNode) {
    this.step = step;
    this.policy = policy;
    this.settings = settings;
    this.listener = listener;
    this.alertsNode = alertsNode;
    this.membersNode = membersNode;
    this.teamClocksNode = teamClocksNode;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    KeyValueStore<String, LeadState> leads = context.getStateStore(StoreNames.LEAD_STATE);
    this.reps = new StoreRepDirectory(context.getStateStore(StoreNames.REPS));
    this.tally = new ClockTally(SlaTopology.LEAD_RULES + "/" + context.taskId(), listener);
    tally.open(leads, state -> state.getClocks().values());
    KeyValueStore<Bytes, byte[]> schedule = context.getStateStore(StoreNames.DEADLINE_INDEX);
    RetentionIndex retention = new RetentionIndex(schedule);
    retention.takeOver(context.getStateStore(StoreNames.LEAD_RETENTION));
    this.ports =
        new LeadPorts(
            new StoreStates<>(leads),
            new DeadlineIndex(schedule),
            retention,
            new TaskOutput<LeadState>(
                alert ->
                    context.forward(new Record<>(alert.getLeadId(), alert, recordTime), alertsNode),
                (team, clock) ->
                    context.forward(new Record<>(team, clock, recordTime), teamClocksNode),
                listener,
                tally,
                state -> state.getClocks().values()),
            this::forwardMember);
    context.schedule(
        settings.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, this::fireDueDeadlines);
  }

  @Override
  public void process(Record<String, SpecificRecord> record) {
    recordTime = context.currentSystemTimeMs();
    Instant now = Instant.ofEpochMilli(recordTime);
    if (step.onEvent(record.value(), ports, policy.get(), reps, now)) {
      listener.eventApplied(record.value());
    } else {
      listener.duplicateDropped(record.value());
    }
  }

  void fireDueDeadlines(long wallClockMs) {
    recordTime = wallClockMs;
    Instant now = Instant.ofEpochMilli(wallClockMs);
    List<Deadline> fired = step.onTick(ports, policy.get(), reps, now);
    listener.deadlinesFired(fired, now);
  }

  private void forwardMember(BuyingGroupMember member) {
    context.forward(new Record<>(member.accountId(), member, recordTime), membersNode);
  }

  @Override
  public void close() {
    if (tally != null) {
      tally.close();
    }
  }
}
