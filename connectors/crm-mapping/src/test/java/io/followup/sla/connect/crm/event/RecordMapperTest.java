package io.followup.sla.connect.crm.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.followup.sla.connect.crm.marketo.MarketoActivityTransform;
import io.followup.sla.connect.crm.payload.MappingException;
import io.followup.sla.connect.crm.testing.Samples;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class RecordMapperTest {

  private static MarketoActivityTransform<SourceRecord> transform(Map<String, String> config) {
    MarketoActivityTransform<SourceRecord> transform = new MarketoActivityTransform<>();
    transform.configure(config);
    return transform;
  }

  @Test
  void withoutADeadLetterTopicAnUnmappablePayloadIsThrownForConnect() {
    assertThatThrownBy(
            () ->
                transform(Map.of())
                    .apply(
                        Samples.record(
                            "marketo.activities", Samples.json("marketo/change-score.json"))))
        .isInstanceOf(MappingException.class);
  }

  @Test
  void withOneTheRecordGoesThereAsJsonTextWithTheReasonAndOrigin() {
    String payload = Samples.json("marketo/change-score.json");
    SourceRecord out =
        transform(Map.of("dead-letter.topic", "crm.dead-letters"))
            .apply(Samples.record("marketo.activities", payload));

    assertThat(out.topic()).isEqualTo("crm.dead-letters");
    assertThat(out.valueSchema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
    assertThat(out.value()).isEqualTo(payload);
    assertThat((String) out.headers().lastWithName(RecordMapper.HEADER_REASON).value())
        .startsWith("activityTypeId '22' is not in activity.map");
    assertThat(out.headers().lastWithName(RecordMapper.HEADER_TOPIC).value())
        .isEqualTo("marketo.activities");
    assertThat(out.headers().lastWithName(RecordMapper.HEADER_OFFSET)).isNull();
  }

  @Test
  void aSinkRecordKeepsItsPartitionAndOffsetAndAMapBecomesJson() {
    MarketoActivityTransform<SinkRecord> transform = new MarketoActivityTransform<>();
    transform.configure(Map.of("dead-letter.topic", "crm.dead-letters"));
    SinkRecord in =
        new SinkRecord("marketo.raw", 2, null, "k", null, Map.of("activityTypeId", 22), 41L);

    SinkRecord out = transform.apply(in);

    assertThat(out.value()).isEqualTo("{\"activityTypeId\":22}");
    assertThat(out.headers().lastWithName(RecordMapper.HEADER_PARTITION).value()).isEqualTo("2");
    assertThat(out.headers().lastWithName(RecordMapper.HEADER_OFFSET).value()).isEqualTo("41");
    assertThat(out.key()).isEqualTo("k");
  }

  @Test
  void aDeadLetterTopicThatIsNoTopicNameIsRefused() {
    assertThatThrownBy(() -> transform(Map.of("dead-letter.topic", "crm dead letters")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("dead-letter.topic");
  }
}
