package io.followup.sla.connect.crm.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;

class PayloadTest {

  @Test
  void aStructFromAConnectorWithSchemasReadsLikeTheSameJson() {
    Schema header =
        SchemaBuilder.struct()
            .name("ChangeEventHeader")
            .field("entityName", Schema.STRING_SCHEMA)
            .field("recordIds", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
            .field("commitTimestamp", Timestamp.SCHEMA)
            .build();
    Schema event =
        SchemaBuilder.struct()
            .field("ChangeEventHeader", header)
            .field("Rating", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    Struct struct =
        new Struct(event)
            .put(
                "ChangeEventHeader",
                new Struct(header)
                    .put("entityName", "Lead")
                    .put("recordIds", List.of("00Q1"))
                    .put("commitTimestamp", new Date(1772787600000L)));

    Payload fromStruct = Payload.of(struct);
    Payload fromJson =
        Payload.of(
            "{\"ChangeEventHeader\": {\"entityName\": \"Lead\", \"recordIds\": [\"00Q1\"],"
                + " \"commitTimestamp\": 1772787600000}, \"Rating\": null}");

    assertThat(fromStruct.tree()).isEqualTo(fromJson.tree());
    Payload h = fromStruct.requiredObject("ChangeEventHeader");
    assertThat(h.requiredInstant("commitTimestamp"))
        .isEqualTo(Instant.ofEpochMilli(1772787600000L));
    assertThat(h.texts("recordIds")).containsExactly("00Q1");
    assertThat(fromStruct.text("Rating")).isEmpty();
  }

  @Test
  void timestampsReadAsEpochMillisOrIsoWithAnOffsetInEitherForm() {
    Payload p =
        Payload.of(
            Map.of(
                "ms", 1772787600000L,
                "text", "1772787600000",
                "z", "2026-03-06T09:00:00.000Z",
                "colon", "2026-03-06T10:00:00+01:00",
                "salesforce", "2026-03-06T09:00:00.000+0000"));
    Instant expected = Instant.parse("2026-03-06T09:00:00Z");
    for (String field : List.of("ms", "text", "z", "colon", "salesforce")) {
      assertThat(p.requiredInstant(field)).as(field).isEqualTo(expected);
    }
  }

  @Test
  void refusalsNameTheFieldOnOneLine() {
    Payload p =
        Payload.of(
            "{\"a\": {\"b\": [1, {}]}, \"local\": \"2026-03-06T09:00:00\", \"old\": 0}"
                .getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> p.requiredObject("a").texts("b"))
        .isInstanceOf(MappingException.class)
        .hasMessage("a.b holds an object, expected text");
    assertThatThrownBy(() -> p.requiredInstant("local"))
        .hasMessage("local is '2026-03-06T09:00:00', not a timestamp");
    assertThatThrownBy(() -> p.requiredInstant("old")).hasMessageContaining("outside 1990 to 2200");
    assertThatThrownBy(() -> p.requiredText("missing")).hasMessage("no missing in the payload");
    assertThatThrownBy(() -> Payload.of(42))
        .hasMessage("the record value is a Integer; expected JSON text, a map or a struct");
    assertThatThrownBy(() -> Payload.of("{\"a\":\n\"b"))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith("the payload is not JSON (line ");
  }
}
