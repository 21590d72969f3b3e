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
    if (event instanceof LeadCreated e) {
      return e.getEventId();
    } else if (event instanceof LeadStatusChanged e) {
      return e.getEventId();
    } else if (event instanceof ContentEngaged e) {
      return e.getEventId();
    } else if (event instanceof RepTouched e) {
      return e.getEventId();
    }
    throw notALeadEvent(event);
  }

  public static String leadId(SpecificRecord event) {
    if (event instanceof LeadCreated e) {
      return e.getLeadId();
    } else if (event instanceof LeadStatusChanged e) {
      return e.getLeadId();
    } else if (event instanceof ContentEngaged e) {
      return e.getLeadId();
    } else if (event instanceof RepTouched e) {
      return e.getLeadId();
    }
    throw notALeadEvent(event);
  }

  public static Instant occurredAt(SpecificRecord event) {
    if (event instanceof LeadCreated e) {
      return e.getOccurredAt();
    } else if (event instanceof LeadStatusChanged e) {
      return e.getOccurredAt();
    } else if (event instanceof ContentEngaged e) {
      return e.getOccurredAt();
    } else if (event instanceof RepTouched e) {
      return e.getOccurredAt();
    }
    throw notALeadEvent(event);
  }

  /**
   * When the event reached the engine, for replay: its recordedAt when the source system recorded
   * it later than it happened, else its occurredAt. Nothing arrives before it happened, so a
   * recordedAt earlier than occurredAt (two systems' clocks disagreeing) counts as occurredAt.
   */
  public static Instant arrivedAt(SpecificRecord event) {
    Instant occurred = occurredAt(event);
    Instant recorded = recordedAt(event);
    return recorded != null && recorded.isAfter(occurred) ? recorded : occurred;
  }

  // Each field by its type's own getter, not by name through the schema: every step reads these
  // several times per event.
  private static Instant recordedAt(SpecificRecord event) {
    if (event instanceof LeadCreated e) {
      return e.getRecordedAt();
    } else if (event instanceof LeadStatusChanged e) {
      return e.getRecordedAt();
    } else if (event instanceof ContentEngaged e) {
      return e.getRecordedAt();
    } else if (event instanceof RepTouched e) {
      return e.getRecordedAt();
    }
    throw notALeadEvent(event);
  }

  private static IllegalArgumentException notALeadEvent(SpecificRecord event) {
    return new IllegalArgumentException("not a lead event: " + event.getSchema().getFullName());
  }
}
