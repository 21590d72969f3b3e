package io.followup.sla.rules;

import io.followup.sla.events.ContentEngaged;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.LeadStatusChanged;
import io.followup.sla.events.RepTouched;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/** The envelope fields every lead event has: eventId, leadId, occurredAt. */
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

  private static Object field(SpecificRecord event, String name) {
    if (!isLeadEvent(event)) {
      throw new IllegalArgumentException("not a lead event: " + event.getSchema().getFullName());
    }
    return event.get(event.getSchema().getField(name).pos());
  }
}
