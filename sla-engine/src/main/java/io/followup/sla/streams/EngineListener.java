package io.followup.sla.streams;

import io.followup.sla.events.SlaAlert;
import io.followup.sla.rules.ClockEvent;
import io.followup.sla.rules.Deadline;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** What the live driver reports as it works: the hooks metrics hang on. */
public interface EngineListener {

  default void eventApplied(SpecificRecord event) {}

  default void duplicateDropped() {}

  /** The event dropped as a duplicate; by default the same as {@link #duplicateDropped()}. */
  default void duplicateDropped(SpecificRecord event) {
    duplicateDropped();
  }

  default void alertEmitted(SlaAlert alert) {}

  /** A clock started or closed (met, missed or stopped). */
  default void clockChanged(ClockEvent event) {}

  default void deadlinesFired(List<Deadline> fired, Instant now) {}

  /** Rule code threw on a due deadline; the deadline was dropped so the others go on. */
  default void deadlineFailed(Deadline deadline) {}

  /** A policy version is in force (at start and after each change). */
  default void policyInForce(io.followup.sla.policy.Policy policy) {}

  /** A published policy was refused: it did not validate. */
  default void policyRefused(String policyId) {}

  /**
   * A record went to the dead-letter topic; {@code reasonCode} is a short fixed word such as
   * undecodable.
   */
  default void deadLettered(String sourceTopic, String reasonCode) {}

  /** A lead event on another partition than its key's was re-routed to its key's partition. */
  default void rerouted(String sourceTopic) {}

  /**
   * The open clocks of one task, by rule and stage, after a change; called from the stream thread
   * that runs the task.
   *
   * @param owner the processor and task, unique within this instance
   */
  default void openClocks(String owner, ClockCounts counts) {}

  /** The task closed or moved to another instance: its open clocks are no longer reported here. */
  default void openClocksDropped(String owner) {}

  EngineListener NONE = new EngineListener() {};
}
