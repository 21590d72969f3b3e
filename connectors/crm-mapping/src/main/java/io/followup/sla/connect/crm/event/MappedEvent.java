package io.followup.sla.connect.crm.event;

import java.time.Instant;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/** A vendor payload as one of the engine's events, ready to replace the record it came from. */
public record MappedEvent(EventType type, String leadId, Instant occurredAt, Struct value) {

  /**
   * The record the transform hands on: the event's topic, the lead as a string key (so one lead's
   * events share a partition), the event struct as value and the vendor's time as the record's
   * timestamp. Headers stay as the source connector set them.
   */
  public <R extends ConnectRecord<R>> R replace(R record, EventTopics topics) {
    return record.newRecord(
        topics.topic(type),
        RecordMapper.partitionFor(record),
        Schema.STRING_SCHEMA,
        leadId,
        value.schema(),
        value,
        occurredAt.toEpochMilli(),
        record.headers());
  }
}
