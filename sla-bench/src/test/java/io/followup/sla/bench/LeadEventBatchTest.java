package io.followup.sla.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.history.HistoryGenerator;
import io.followup.sla.registry.InProcessSchemaRegistryClient;
import io.followup.sla.rules.LeadEvents;
import io.followup.sla.serde.SpecificAvroDeserializer;
import io.followup.sla.serde.SpecificAvroSerializer;
import io.followup.sla.streams.TopicNames;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** The live run's batches: the cold one as generated, the warm one the same story for new leads. */
class LeadEventBatchTest {

  private static final int EVENTS = 600;
  private static final List<String> IDS = List.of("eventId", "leadId", "accountId");

  private final InProcessSchemaRegistryClient registry = InProcessSchemaRegistryClient.inMemory();
  private final SpecificAvroSerializer<SpecificRecord> serializer =
      new SpecificAvroSerializer<>(registry, true);
  private final SpecificAvroDeserializer<SpecificRecord> deserializer =
      new SpecificAvroDeserializer<>(registry);

  private static HistoryGenerator history() {
    return new HistoryGenerator(
        new HistoryGenerator.Settings(
            EVENTS / 3, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 14), BenchEvents.SEED));
  }

  private List<SpecificRecord> decoded(LeadEventBatch batch) {
    List<String> topics = TopicNames.DEFAULTS.leadEventTopics();
    return batch.records().stream()
        .map(r -> deserializer.deserialize(topics.get(r.topic()), r.value()))
        .toList();
  }

  @Test
  void theColdBatchIsTheHistorysLeadEventsOnTheirTopicsKeyedByLead() {
    LeadEventBatch cold = LeadEventBatch.encode(history(), EVENTS, "", serializer);

    List<SpecificRecord> expected =
        history().stream().filter(LeadEvents::isLeadEvent).limit(EVENTS).toList();
    assertThat(cold.size()).isEqualTo(EVENTS);
    assertThat(decoded(cold)).isEqualTo(expected);
    for (int i = 0; i < EVENTS; i++) {
      LeadEventBatch.Encoded record = cold.records().get(i);
      assertThat(TopicNames.DEFAULTS.leadEventTopics().get(record.topic()))
          .isEqualTo(TopicNames.DEFAULTS.topicOf(expected.get(i)));
      assertThat(new String(record.key(), StandardCharsets.UTF_8))
          .isEqualTo(LeadEvents.leadId(expected.get(i)));
    }
  }

  @Test
  void theWarmBatchIsTheSameStoryForNewLeadsWithNoIdInCommon() {
    LeadEventBatch cold = LeadEventBatch.encode(history(), EVENTS, "", serializer);
    LeadEventBatch warm =
        LeadEventBatch.encode(history(), EVENTS, LiveRun.WARM_ID_PREFIX, serializer);

    List<SpecificRecord> coldEvents = decoded(cold);
    List<SpecificRecord> warmEvents = decoded(warm);
    assertThat(warm.size()).isEqualTo(cold.size());
    Set<String> coldIds = ids(coldEvents);
    Set<String> warmIds = ids(warmEvents);
    assertThat(warmIds).isNotEmpty().doesNotContainAnyElementsOf(coldIds);
    assertThat(warmIds).allMatch(id -> id.startsWith(LiveRun.WARM_ID_PREFIX));
    for (int i = 0; i < coldEvents.size(); i++) {
      GenericRecord was = (GenericRecord) coldEvents.get(i);
      GenericRecord is = (GenericRecord) warmEvents.get(i);
      assertThat(is.getSchema()).isEqualTo(was.getSchema());
      for (Schema.Field field : was.getSchema().getFields()) {
        Object expected = was.get(field.pos());
        if (IDS.contains(field.name()) && expected != null) {
          expected = LiveRun.WARM_ID_PREFIX + expected;
        }
        assertThat(is.get(field.pos())).as("%s of event %d", field.name(), i).isEqualTo(expected);
      }
      assertThat(warm.records().get(i).topic()).isEqualTo(cold.records().get(i).topic());
      assertThat(new String(warm.records().get(i).key(), StandardCharsets.UTF_8))
          .isEqualTo(LiveRun.WARM_ID_PREFIX + LeadEvents.leadId(coldEvents.get(i)));
    }
  }

  /** Every eventId, leadId and accountId of the events. */
  private static Set<String> ids(List<SpecificRecord> events) {
    Set<String> ids = new HashSet<>();
    for (SpecificRecord event : events) {
      GenericRecord record = (GenericRecord) event;
      for (String field : IDS) {
        if (record.getSchema().getField(field) != null && record.get(field) != null) {
          ids.add(record.get(field).toString());
        }
      }
    }
    return ids;
  }
}
