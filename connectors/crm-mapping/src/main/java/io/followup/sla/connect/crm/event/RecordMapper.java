package io.followup.sla.connect.crm.event;

import io.followup.sla.connect.crm.payload.MappingException;
import io.followup.sla.connect.crm.payload.Payload;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * What every vendor transform does with a record: map its payload, then hand on the event, drop the
 * record (no SLA event), or deal with a payload that cannot be mapped. Without a dead letter topic
 * the {@link MappingException} is thrown, for Connect's own error handling; with one, the record
 * goes to that topic instead, its payload as JSON text and the reason in the project's dead-letter
 * headers. The second is what a source connector needs: Connect's dead letter queue ({@code
 * errors.deadletterqueue.*}) exists for sink connectors only, and a source connector with {@code
 * errors.tolerance=all} only logs and skips.
 */
public final class RecordMapper {

  public static final String HEADER_TOPIC = "sla.dead-letter.topic";
  public static final String HEADER_PARTITION = "sla.dead-letter.partition";
  public static final String HEADER_OFFSET = "sla.dead-letter.offset";
  public static final String HEADER_REASON = "sla.dead-letter.reason";

  private final EventTopics topics;
  private final Optional<String> deadLetterTopic;

  public RecordMapper(EventTopics topics, Optional<String> deadLetterTopic) {
    this.topics = topics;
    this.deadLetterTopic = deadLetterTopic;
  }

  public <R extends ConnectRecord<R>> R apply(
      R record, Function<Payload, Optional<MappedEvent>> mapping) {
    try {
      return mapping
          .apply(Payload.of(record.value()))
          .map(event -> event.replace(record, topics))
          .orElse(null);
    } catch (MappingException e) {
      if (deadLetterTopic.isEmpty()) {
        throw e;
      }
      return deadLetter(record, deadLetterTopic.get(), e.getMessage());
    }
  }

  /**
   * No partition for a source record, so the producer places it by its key (the engine expects a
   * lead's events where the key puts them, not where the vendor's raw record was); a sink record
   * keeps the one it was read from, which it cannot be without.
   */
  static Integer partitionFor(ConnectRecord<?> record) {
    return record instanceof SinkRecord ? record.kafkaPartition() : null;
  }

  private static <R extends ConnectRecord<R>> R deadLetter(R record, String topic, String reason) {
    Headers headers = record.headers().duplicate();
    headers.addString(HEADER_TOPIC, record.topic());
    if (record instanceof SinkRecord sink) {
      headers.addString(HEADER_PARTITION, String.valueOf(sink.kafkaPartition()));
      headers.addString(HEADER_OFFSET, String.valueOf(sink.kafkaOffset()));
    }
    // Strings: the worker's default header converter writes them as plain UTF-8 (bytes it would
    // write in base64).
    headers.addString(HEADER_REASON, reason);
    return record.newRecord(
        topic,
        partitionFor(record),
        record.keySchema(),
        record.key(),
        Schema.OPTIONAL_STRING_SCHEMA,
        Payload.asText(record.value()),
        record.timestamp(),
        headers);
  }
}
