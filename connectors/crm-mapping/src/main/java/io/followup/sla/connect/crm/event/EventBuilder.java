package io.followup.sla.connect.crm.event;

import io.followup.sla.connect.crm.payload.MappingException;
import java.time.Instant;
import java.util.Date;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * One event under construction: the fields every input event has ({@code eventId}, {@code leadId},
 * {@code occurredAt}, {@code recordedAt}) and then those of its type by name. {@link #build} checks
 * the struct against the event's schema, so a mapping that leaves a required field empty is refused
 * with the field's name rather than written.
 */
public final class EventBuilder {

  private final EventType type;
  private final Struct struct;
  private final String leadId;
  private final Instant occurredAt;

  public EventBuilder(EventType type, String eventId, String leadId, Instant occurredAt) {
    this.type = type;
    this.struct = new Struct(type.schema());
    this.leadId = leadId;
    this.occurredAt = occurredAt;
    struct.put("eventId", eventId);
    struct.put("leadId", leadId);
    struct.put("occurredAt", Date.from(occurredAt));
  }

  /** Sets a field of the event; a null leaves an optional field empty. */
  public EventBuilder put(String field, Object value) {
    try {
      struct.put(field, value instanceof Instant instant ? Date.from(instant) : value);
    } catch (DataException e) {
      throw new MappingException(type.schema().name() + "." + field + ": " + e.getMessage());
    }
    return this;
  }

  /**
   * When the source system recorded the event, if that is later than when it happened (a call
   * logged afterwards); left empty otherwise, which means it arrived when it occurred.
   */
  public EventBuilder recordedAt(Instant recordedAt) {
    if (recordedAt != null && recordedAt.isAfter(occurredAt)) {
      struct.put("recordedAt", Date.from(recordedAt));
    }
    return this;
  }

  public MappedEvent build() {
    try {
      struct.validate();
    } catch (DataException e) {
      throw new MappingException(type.schema().name() + ": " + e.getMessage());
    }
    return new MappedEvent(type, leadId, occurredAt, struct);
  }
}
