package io.followup.sla.streams;

import io.followup.sla.events.RepProfile;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.Policy;
import io.followup.sla.rules.Deadline;
import io.followup.sla.rules.LeadEvents;
import io.followup.sla.rules.LeadRuleEngine;
import io.followup.sla.rules.LeadState;
import io.followup.sla.rules.Outcome;
import io.followup.sla.rules.RepDirectory;
import io.followup.sla.time.DeadlineKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live driver of the rule core: keeps each lead's state and the deadline index in state stores,
 * drops duplicate events, and scans the index on a wall-clock punctuator for what is due, so one
 * tick costs what is due, not what is open. Time comes from the processor context.
 */
public final class LeadSlaProcessor implements Processor<String, SpecificRecord, String, SlaAlert> {

  private static final Logger LOG = LoggerFactory.getLogger(LeadSlaProcessor.class);
  private static final byte[] PRESENT = new byte[0];

  private final LeadRuleEngine engine;
  private final Supplier<Policy> policy;
  private final EngineSettings settings;
  private final EngineListener listener;

  private ProcessorContext<String, SlaAlert> context;
  private KeyValueStore<String, LeadState> leads;
  private KeyValueStore<Bytes, byte[]> deadlines;
  private WindowStore<String, Long> seenEvents;
  private RepDirectory reps;
  private ClockTally tally;

  public LeadSlaProcessor(
      LeadRuleEngine engine,
      Supplier<Policy> policy,
      EngineSettings settings,
      EngineListener listener) {
    this.engine = engine;
    this.policy = policy;
    this.settings = settings;
    this.listener = listener;
  }

  @Override
  public void init(ProcessorContext<String, SlaAlert> context) {
    this.context = context;
    this.leads = context.getStateStore(StoreNames.LEAD_STATE);
    this.deadlines = context.getStateStore(StoreNames.DEADLINE_INDEX);
    this.seenEvents = context.getStateStore(StoreNames.SEEN_EVENTS);
    KeyValueStore<String, RepProfile> repStore = context.getStateStore(StoreNames.REPS);
    this.reps = repId -> lookUp(repStore, repId);
    this.tally =
        new ClockTally(
            SlaTopology.RULES + "/" + context.taskId(),
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
    apply(before, engine.onEvent(before, event, policy.get(), reps, now), now);
    listener.eventApplied(event);
  }

  /** Scans the index from its start up to now: every entry visited is due. */
  void fireDueDeadlines(long wallClockMs) {
    Instant now = Instant.ofEpochMilli(wallClockMs);
    List<Deadline> due = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> it =
        deadlines.range(Bytes.wrap(DeadlineKey.first()), Bytes.wrap(DeadlineKey.upTo(now)))) {
      while (it.hasNext() && due.size() < settings.maxDeadlinesPerTick()) {
        due.add(DeadlineKey.decode(it.next().key.get()));
      }
    }
    Policy current = policy.get();
    for (Deadline deadline : due) {
      LeadState before = leads.get(deadline.key());
      apply(before, engine.onDeadline(before, deadline, current, reps, now), now);
    }
    listener.deadlinesFired(due, now);
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
    for (Deadline cleared : outcome.cleared()) {
      deadlines.delete(Bytes.wrap(DeadlineKey.encode(cleared)));
    }
    List<KeyValue<Bytes, byte[]>> added = new ArrayList<>(outcome.set().size());
    for (Deadline set : outcome.set()) {
      added.add(KeyValue.pair(Bytes.wrap(DeadlineKey.encode(set)), PRESENT));
    }
    deadlines.putAll(added);
    if (outcome.state() != null) {
      leads.put(outcome.state().getLeadId(), outcome.state());
      tally.change(
          before == null ? List.of() : before.getClocks().values(),
          outcome.state().getClocks().values());
    }
    outcome.clockEvents().forEach(listener::clockChanged);
    for (SlaAlert alert : outcome.alerts()) {
      String key = alert.getLeadId() != null ? alert.getLeadId() : alert.getAccountId();
      context.forward(new Record<>(key, alert, now.toEpochMilli()));
      listener.alertEmitted(alert);
    }
  }

  @Override
  public void close() {
    if (tally != null) {
      tally.close();
    }
  }

  private static Optional<RepProfile> lookUp(
      KeyValueStore<String, RepProfile> store, String repId) {
    if (repId == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(store.get(repId));
    } catch (RuntimeException e) {
      // A rep profile that cannot be read leaves the alert with the rep's id instead of a name.
      LOG.debug("Rep profile {} is unreadable", repId, e);
      return Optional.empty();
    }
  }
}
