package io.followup.sla.streams;

import io.followup.sla.events.ContentEngaged;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.Policy;
import io.followup.sla.rules.BuyingGroupMember;
import io.followup.sla.rules.Deadline;
import io.followup.sla.rules.LeadEvents;
import io.followup.sla.rules.LeadRuleEngine;
import io.followup.sla.rules.LeadState;
import io.followup.sla.rules.Outcome;
import io.followup.sla.rules.RepDirectory;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The live driver of the lead rules: keeps each lead's state and the deadline index in state
 * stores, drops duplicate events, and scans the index on a wall-clock punctuator for what is due,
 * so one tick costs what is due, not what is open. Time comes from the processor context. After
 * each change it sends the lead's buying-group view on, keyed by account.
 */
public final class LeadSlaProcessor implements Processor<String, SpecificRecord, String, Object> {

  private final LeadRuleEngine engine;
  private final Supplier<Policy> policy;
  private final EngineSettings settings;
  private final EngineListener listener;
  private final String alertsNode;
  private final String membersNode;

  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, LeadState> leads;
  private DeadlineIndex deadlines;
  private RetentionIndex retention;
  private WindowStore<String, Long> seenEvents;
  private RepDirectory reps;
  private ClockTally tally;

  public LeadSlaProcessor(
      LeadRuleEngine engine,
      Supplier<Policy> policy,
      EngineSettings settings,
      EngineListener listener,
      String alertsNode,
      String membersNode) {
    this.engine = engine;
    this.policy = policy;
    this.settings = settings;
    this.listener = listener;
    this.alertsNode = alertsNode;
    this.membersNode = membersNode;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.leads = context.getStateStore(StoreNames.LEAD_STATE);
    this.deadlines = new DeadlineIndex(context.getStateStore(StoreNames.DEADLINE_INDEX));
    this.retention = new RetentionIndex(context.getStateStore(StoreNames.LEAD_RETENTION));
    this.seenEvents = context.getStateStore(StoreNames.SEEN_EVENTS);
    this.reps = new StoreRepDirectory(context.getStateStore(StoreNames.REPS));
    this.tally =
        new ClockTally(
            SlaTopology.LEAD_RULES + "/" + context.taskId(),
            context.getStateStore(StoreNames.OPEN_CLOCK_COUNTS),
            listener);
    tally.open(leads, state -> state.getClocks().values());
    context.schedule(
        settings.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, this::fireDueDeadlines);
  }

  @Override
  public void process(Record<String, SpecificRecord> record) {
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    SpecificRecord event = record.value();
    if (isDuplicate(LeadEvents.eventId(event), now)) {
      listener.duplicateDropped();
      return;
    }
    LeadState before = leads.get(record.key());
    Outcome outcome = engine.onEvent(before, event, policy.get(), reps, now);
    apply(before, outcome, now);
    if (!(event instanceof ContentEngaged)) {
      BuyingGroupMember member =
          BuyingGroupMember.of(outcome.state(), LeadEvents.occurredAt(event));
      if (member != null) {
        context.forward(new Record<>(member.accountId(), member, now.toEpochMilli()), membersNode);
      }
    }
    listener.eventApplied(event);
  }

  /** Scans the index from its start up to now: every entry visited is due. */
  void fireDueDeadlines(long wallClockMs) {
    Instant now = Instant.ofEpochMilli(wallClockMs);
    List<Deadline> due = deadlines.due(now, settings.maxDeadlinesPerTick());
    Policy current = policy.get();
    for (Deadline deadline : due) {
      LeadState before = leads.get(deadline.key());
      apply(before, engine.onDeadline(before, deadline, current, reps, now), now);
    }
    listener.deadlinesFired(due, now);
    retention.forgetDue(now, settings.maxDeadlinesPerTick(), leads, this::forgetAt);
  }

  /**
   * When a lead's state may be forgotten: a closed lead with no clock, the retention period after
   * its last event. An open lead is kept however quiet it is: it may re-engage months later.
   */
  private RetentionIndex.Entry forgetAt(LeadState state) {
    if (state == null
        || state.getClosedAt() == null
        || !state.getClocks().isEmpty()
        || state.getLastEventAt() == null) {
      return null;
    }
    return new RetentionIndex.Entry(
        state.getLastEventAt().plus(settings.stateRetention()), state.getLeadId());
  }

  private boolean isDuplicate(String eventId, Instant now) {
    long t = now.toEpochMilli();
    long from = t - settings.duplicateWindow().toMillis();
    try (WindowStoreIterator<Long> seen = seenEvents.fetch(eventId, Math.max(0, from), t)) {
      if (seen.hasNext()) {
        return true;
      }
    }
    seenEvents.put(eventId, t, t);
    return false;
  }

  private void apply(LeadState before, Outcome outcome, Instant now) {
    deadlines.update(outcome.cleared(), outcome.set());
    if (outcome.state() != null) {
      leads.put(outcome.state().getLeadId(), outcome.state());
      retention.move(forgetAt(before), forgetAt(outcome.state()));
      tally.change(
          before == null ? List.of() : before.getClocks().values(),
          outcome.state().getClocks().values());
    }
    outcome.clockEvents().forEach(listener::clockChanged);
    for (SlaAlert alert : outcome.alerts()) {
      context.forward(new Record<>(alert.getLeadId(), alert, now.toEpochMilli()), alertsNode);
      listener.alertEmitted(alert);
    }
  }

  @Override
  public void close() {
    if (tally != null) {
      tally.close();
    }
  }
}
