package io.followup.sla.faults;

import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.RepTouched;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.Policy;
import io.followup.sla.replay.ReplayDriver;
import io.followup.sla.rules.RepDirectory;
import io.followup.sla.rules.SlaRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * A known workload of leads whose alerts do not depend on when the engine happened to be down: each
 * kind of lead keeps its events away from its own deadlines by more than an outage lasts, so the
 * live engine, however often it is killed, owes exactly the alerts that replay of the same events
 * produces. The events are planned here and sent at their time by a {@link PacedSender}.
 */
final class FaultWorkload {

  static final String REP = "R-FAULTS";
  static final String MANAGER = "M-FAULTS";

  /** What happens to a lead after it is created with an owner. */
  enum Kind {
    /** Never touched: every stage of its first-touch clock fires. */
    NEVER_TOUCHED,
    /** Touched soon after creation, long before any stage: no alert at all. */
    TOUCHED_IN_TIME,
    /** Touched after its deadline, long before its escalation: breached, then resolved. */
    TOUCHED_LATE,
    /**
     * Touched before its deadline, but the touch reaches Kafka after the deadline (a call logged
     * late, with recordedAt): breached, then the breach withdrawn.
     */
    RECORDED_LATE
  }

  /** When each kind's touch happens, and arrives, after the lead's creation. */
  record Timing(
      Duration inTimeTouch,
      Duration lateTouch,
      Duration recordedLateOccurs,
      Duration recordedLateArrives) {}

  /** One event and when to send it. */
  record Planned(Instant sendAt, SpecificRecord event) {}

  private final Timing timing;
  private final List<Planned> planned = new ArrayList<>();
  private final Map<Kind, Integer> leads = new EnumMap<>(Kind.class);
  private int next;
  private Instant lastBirth = Instant.EPOCH;

  FaultWorkload(Timing timing) {
    this.timing = timing;
  }

  static RepProfile rep() {
    return RepProfile.newBuilder()
        .setRepId(REP)
        .setName("Robin Fault")
        .setManagerId(MANAGER)
        .setTeam("reliability")
        .build();
  }

  /** Plans one lead of {@code kind} created at {@code birth}; returns its events in send order. */
  List<Planned> lead(Kind kind, Instant birth) {
    String leadId = "L-%s-%04d".formatted(kind.name().toLowerCase().replace('_', '-'), next++);
    List<Planned> events = new ArrayList<>();
    events.add(new Planned(birth, created(leadId, birth)));
    switch (kind) {
      case NEVER_TOUCHED -> {}
      case TOUCHED_IN_TIME -> {
        Instant at = birth.plus(timing.inTimeTouch());
        events.add(new Planned(at, touch(leadId, at, null)));
      }
      case TOUCHED_LATE -> {
        Instant at = birth.plus(timing.lateTouch());
        events.add(new Planned(at, touch(leadId, at, null)));
      }
      case RECORDED_LATE -> {
        Instant arrives = birth.plus(timing.recordedLateArrives());
        events.add(
            new Planned(arrives, touch(leadId, birth.plus(timing.recordedLateOccurs()), arrives)));
      }
    }
    planned.addAll(events);
    leads.merge(kind, 1, Integer::sum);
    lastBirth = birth.isAfter(lastBirth) ? birth : lastBirth;
    return events;
  }

  /** Every event planned so far, in send order. */
  List<Planned> planned() {
    return planned.stream().sorted(Comparator.comparing(Planned::sendAt)).toList();
  }

  Map<Kind, Integer> leadsByKind() {
    return Map.copyOf(leads);
  }

  /**
   * When every alert of the planned leads is due: the last event sent, or the last lead's clock
   * reaching {@code lastStage} (its escalation, or its deadline where there is none), whichever is
   * later.
   */
  Instant settledBy(Duration lastStage) {
    Instant lastSend =
        planned.stream().map(Planned::sendAt).max(Comparator.naturalOrder()).orElseThrow();
    Instant lastStageDue = lastBirth.plus(lastStage);
    return lastSend.isAfter(lastStageDue) ? lastSend : lastStageDue;
  }

  /** What replay of every planned event makes of it by {@code asOf}: the alerts owed. */
  List<SlaAlert> replay(Policy policy, Instant asOf) {
    List<SpecificRecord> events = planned().stream().map(Planned::event).toList();
    return ReplayDriver.replay(
        SlaRules.standard(), policy, RepDirectory.of(Map.of(REP, rep())), events, asOf);
  }

  private static LeadCreated created(String leadId, Instant at) {
    return LeadCreated.newBuilder()
        .setEventId(leadId + "-created")
        .setLeadId(leadId)
        .setOccurredAt(at)
        .setSource("INBOUND_FORM")
        .setOwnerRepId(REP)
        .setAccountName("Faultline Labs")
        .build();
  }

  private static RepTouched touch(String leadId, Instant at, Instant recordedAt) {
    return RepTouched.newBuilder()
        .setEventId(leadId + "-touched")
        .setLeadId(leadId)
        .setOccurredAt(at)
        .setRecordedAt(recordedAt)
        .setRepId(REP)
        .setChannel("CALL")
        .setDirection("OUTBOUND")
        .setPersonalized(true)
        .build();
  }
}
