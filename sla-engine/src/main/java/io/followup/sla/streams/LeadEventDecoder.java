package io.followup.sla.streams;

import io.followup.sla.rules.LeadEvents;
import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns raw lead-event records into events the rules can use, and everything else into dead letters
 * with the reason: undecodable bytes, an unknown schema id, a null key, a missing leadId, a key
 * that is not the event's leadId. Nothing is dropped and the engine keeps running.
 */
public final class LeadEventDecoder implements Processor<byte[], byte[], Object, Object> {

  private static final Logger LOG = LoggerFactory.getLogger(LeadEventDecoder.class);

  private final Deserializer<?> events;
  private final String rulesNode;
  private final String deadLetterNode;
  private final EngineListener listener;
  private ProcessorContext<Object, Object> context;

  public LeadEventDecoder(
      Deserializer<?> events, String rulesNode, String deadLetterNode, EngineListener listener) {
    this.events = events;
    this.rulesNode = rulesNode;
    this.deadLetterNode = deadLetterNode;
    this.listener = listener;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    String topic = context.recordMetadata().map(RecordMetadata::topic).orElse(null);
    if (record.key() == null) {
      deadLetter(record, "null-key", "the record has no key; lead events are keyed by leadId");
      return;
    }
    if (record.value() == null) {
      deadLetter(record, "null-value", "the record has no value (a tombstone on an event topic)");
      return;
    }
    Object decoded;
    try {
      decoded = events.deserialize(topic, record.headers(), record.value());
    } catch (RuntimeException e) {
      deadLetter(record, "undecodable", firstLine(e.getMessage(), e.getClass().getSimpleName()));
      return;
    }
    if (!(decoded instanceof SpecificRecord event) || !LeadEvents.isLeadEvent(decoded)) {
      String type =
          decoded instanceof SpecificRecord r
              ? r.getSchema().getFullName()
              : String.valueOf(decoded);
      deadLetter(record, "not-a-lead-event", "the value is a " + type + ", not a lead event");
      return;
    }
    String leadId = LeadEvents.leadId(event);
    String key = new String(record.key(), StandardCharsets.UTF_8);
    if (leadId == null || leadId.isBlank()) {
      deadLetter(record, "missing-lead-id", "the event has no leadId");
      return;
    }
    if (!key.equals(leadId)) {
      deadLetter(
          record,
          "key-mismatch",
          "the record key is not the event's leadId, so it may be on the wrong partition");
      return;
    }
    String eventId = LeadEvents.eventId(event);
    if (eventId == null || eventId.isBlank()) {
      deadLetter(record, "missing-event-id", "the event has no eventId");
      return;
    }
    context.forward(new Record<>(leadId, event, record.timestamp(), record.headers()), rulesNode);
  }

  private void deadLetter(Record<byte[], byte[]> record, String code, String reason) {
    var source = context.recordMetadata().orElse(null);
    if (LOG.isWarnEnabled()) {
      LOG.warn(
          "Dead-lettered a record from {} partition {} offset {}: {}",
          source == null ? "?" : source.topic(),
          source == null ? -1 : source.partition(),
          source == null ? -1 : source.offset(),
          code);
    }
    context.forward(
        new Record<Object, Object>(
            record.key(),
            record.value(),
            record.timestamp(),
            DeadLetters.headers(record.headers(), source, code + ": " + reason)),
        deadLetterNode);
    listener.deadLettered(source == null ? "unknown" : source.topic(), code);
  }

  private static String firstLine(String message, String fallback) {
    if (message == null || message.isBlank()) {
      return fallback;
    }
    return message.lines().findFirst().orElse(fallback);
  }
}
