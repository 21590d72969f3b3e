package io.followup.sla.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.followup.sla.registry.SchemaStore.ConfigEntry;
import io.followup.sla.registry.SchemaStore.PurgedVersion;
import io.followup.sla.registry.SchemaStore.SchemaEntry;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SchemasTopicFormatTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"T\",\"fields\":[]}";

  @Test
  void schemaRecordsUseConfluentsKeyAndValue() throws Exception {
    SchemaEntry entry = new SchemaEntry("leads.lead-created-value", 2, 7, SCHEMA, null, false);

    assertThat(text(SchemasTopicFormat.key(entry)))
        .isEqualTo(
            "{\"keytype\":\"SCHEMA\",\"subject\":\"leads.lead-created-value\",\"version\":2,\"magic\":1}");
    assertThat(JSON.readTree(SchemasTopicFormat.value(entry)))
        .isEqualTo(
            JSON.readTree(
                "{\"subject\":\"leads.lead-created-value\",\"version\":2,\"id\":7,\"schema\":"
                    + JSON.writeValueAsString(SCHEMA)
                    + ",\"deleted\":false}"));
    assertThat(
            SchemasTopicFormat.decode(
                SchemasTopicFormat.key(entry), SchemasTopicFormat.value(entry)))
        .contains(entry);
  }

  @Test
  void configRecordsUseConfluentsKeyAndValue() {
    ConfigEntry global = new ConfigEntry(null, CompatibilityLevel.FULL);
    ConfigEntry subject = new ConfigEntry("s-value", CompatibilityLevel.NONE);

    assertThat(text(SchemasTopicFormat.key(global)))
        .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
    assertThat(text(SchemasTopicFormat.value(global)))
        .isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
    assertThat(
            SchemasTopicFormat.decode(
                SchemasTopicFormat.key(subject), SchemasTopicFormat.value(subject)))
        .contains(subject);
  }

  @Test
  void tombstonesRemoveConfigsAndVersions() {
    ConfigEntry removed = new ConfigEntry("s-value", null);

    assertThat(SchemasTopicFormat.value(removed)).isNull();
    assertThat(SchemasTopicFormat.decode(SchemasTopicFormat.key(removed), null)).contains(removed);
    assertThat(
            SchemasTopicFormat.decode(
                bytes("{\"keytype\":\"SCHEMA\",\"subject\":\"s-value\",\"version\":3,\"magic\":1}"),
                null))
        .contains(new PurgedVersion("s-value", 3));
  }

  @Test
  void recordsOfOtherKindsOrUnreadableOnesAreSkipped() {
    assertThat(SchemasTopicFormat.decode(bytes("{\"keytype\":\"NOOP\",\"magic\":0}"), null))
        .isEmpty();
    assertThat(
            SchemasTopicFormat.decode(
                bytes("{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"s\",\"magic\":0}"),
                bytes("{\"subject\":\"s\",\"version\":1}")))
        .isEmpty();
    assertThat(SchemasTopicFormat.decode(bytes("not json"), bytes("{}"))).isEmpty();
  }

  @Test
  void schemasOfOtherTypesKeepTheirType() {
    byte[] value =
        bytes(
            "{\"subject\":\"p-value\",\"version\":1,\"id\":4,\"schemaType\":\"PROTOBUF\","
                + "\"schema\":\"syntax = \\\"proto3\\\";\",\"deleted\":false}");

    assertThat(
            SchemasTopicFormat.decode(
                bytes("{\"keytype\":\"SCHEMA\",\"subject\":\"p-value\",\"version\":1,\"magic\":1}"),
                value))
        .contains(new SchemaEntry("p-value", 1, 4, "syntax = \"proto3\";", "PROTOBUF", false));
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
