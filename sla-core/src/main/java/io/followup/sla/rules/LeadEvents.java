package io.followup.sla.rules;

import io.followup.sla.events.ContentEngaged;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.LeadStatusChanged;
import io.followup.sla.events.RepTouched;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/** The envelope fields every lead event has: eventId, leadId, occurredAt, recordedAt. */
public final class LeadEvents {

  private LeadEvents() {}

  public static boolean isLeadEvent(Object event) {
    return event instanceof LeadCreated
        || event instanceof LeadStatusChanged
        || event instanceof ContentEngaged
        || event instanceof RepTouched;
  }

  public static String eventId(SpecificRecord event) {
    return (String) field(event, "eventId");
  }

  public static String leadId(SpecificRecord event) {
    return (String) field(event, "leadId");
  }

  public static Instant occurredAt(SpecificRecord event) {
    return (Instant) field(event, "occurredAt");
  }

  /**
   * When the event reached the engine, for replay: its recordedAt when the source system recorded
   * it later than it happened, else its occurredAt. Nothing arrives before it happened, so a
   * recordedAt earlier than occurredAt (two systems' clocks disagreeing) counts as occurredAt.
   */
  public static Instant arrivedAt(SpecificRecord event) {
    Instant occurred = occurredAt(event);
    Instant recorded = (Instant) field(event, "recordedAt");
    return recorded != null && recorded.isAfter(occurred) ? recorded : occurred;
  }

  private static Object field(SpecificRecord event, String name) {
    if (!isLeadEvent(event)) {
      throw new IllegalArgumentException("not a lead event: " + event.getSchema().getFullName());
    }
    return event.get(event.getSchema().getField(name).pos());
  }
}
