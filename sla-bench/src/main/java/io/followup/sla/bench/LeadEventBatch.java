package io.followup.sla.bench;

import io.followup.sla.events.RepProfile;
import io.followup.sla.rules.LeadEvents;
import io.followup.sla.streams.TopicNames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Lead events encoded once, keys as UTF-8 and values in the Confluent wire format, and held in
 * memory: every copy of the topics they are sent to gets exactly the same bytes, and a batch sent
 * to an app that is already running goes out at the producer's speed, with no generating or
 * encoding on the way to slow it down.
 */
final class LeadEventBatch {

  /**
   * One record.
   *
   * @param topic which lead-event topic, as its index in {@link TopicNames#leadEventTopics()}
   */
  record Encoded(int topic, byte[] key, byte[] value) {}

  private final List<Encoded> records;

  private LeadEventBatch(List<Encoded> records) {
    this.records = List.copyOf(records);
  }

  /**
   * The first {@code events} lead events of {@code history} (its reps are left out), with {@code
   * idPrefix} before every eventId, leadId and accountId: the same story told again with other ids
   * is the same work for new leads, and no event of it is a duplicate of the first telling's.
   *
   * <p>Values are encoded under the contract's topic names. Schema ids are the registry's, not a
   * subject's, so the bytes are the same whichever copy of the topics they go to.
   */
  static LeadEventBatch encode(
      Iterable<SpecificRecord> history,
      int events,
      String idPrefix,
      Serializer<SpecificRecord> values) {
    List<String> topics = TopicNames.DEFAULTS.leadEventTopics();
    List<Encoded> records = new ArrayList<>(events);
    for (SpecificRecord record : history) {
      if (records.size() == events) {
        break;
      }
      if (record instanceof RepProfile) {
        continue;
      }
      SpecificRecord event = idPrefix.isEmpty() ? record : withIdPrefix(record, idPrefix);
      String topic = TopicNames.DEFAULTS.topicOf(event);
      records.add(
          new Encoded(
              topics.indexOf(topic),
              LeadEvents.leadId(event).getBytes(StandardCharsets.UTF_8),
              values.serialize(topic, event)));
    }
    return new LeadEventBatch(records);
  }

  private static SpecificRecord withIdPrefix(SpecificRecord event, String idPrefix) {
    // A copy: the history may still hold the record it handed out.
    GenericRecord copy = (GenericRecord) SpecificData.get().deepCopy(event.getSchema(), event);
    for (String field : List.of("eventId", "leadId", "accountId")) {
      if (copy.getSchema().getField(field) != null && copy.get(field) != null) {
        copy.put(field, idPrefix + copy.get(field));
      }
    }
    return (SpecificRecord) copy;
  }

  int size() {
    return records.size();
  }

  List<Encoded> records() {
    return records;
  }
}
