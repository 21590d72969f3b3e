package io.followup.sla.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.followup.sla.registry.SchemaStore.ConfigEntry;
import io.followup.sla.registry.SchemaStore.Entry;
import io.followup.sla.registry.SchemaStore.PurgedVersion;
import io.followup.sla.registry.SchemaStore.SchemaEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confluent's record format for the {@code _schemas} topic, so the topic reads the same to a
 * Confluent registry and to tools that inspect it. Keys: {@code
 * {"keytype":"SCHEMA","subject":..,"version":..,"magic":1}} and {@code
 * {"keytype":"CONFIG","subject":..|null,"magic":0}}. Values: {@code {"subject","version","id",
 * "schema","deleted"}} and {@code {"compatibilityLevel"}}; a null value is a tombstone.
 */
final class SchemasTopicFormat {

  private static final Logger log = LoggerFactory.getLogger(SchemasTopicFormat.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private SchemasTopicFormat() {}

  static byte[] key(Entry entry) {
    ObjectNode key = JSON.createObjectNode();
    if (entry instanceof SchemaEntry schema) {
      key.put("keytype", "SCHEMA")
          .put("subject", schema.subject())
          .put("version", schema.version())
          .put("magic", 1);
    } else if (entry instanceof ConfigEntry config) {
      key.put("keytype", "CONFIG").put("subject", config.subject()).put("magic", 0);
    } else if (entry instanceof PurgedVersion purged) {
      key.put("keytype", "SCHEMA")
          .put("subject", purged.subject())
          .put("version", purged.version())
          .put("magic", 1);
    }
    return bytes(key);
  }

  /** The record value; null (a tombstone) for a removed config or a purged version. */
  static byte[] value(Entry entry) {
    if (entry instanceof SchemaEntry schema) {
      ObjectNode value =
          JSON.createObjectNode()
              .put("subject", schema.subject())
              .put("version", schema.version())
              .put("id", schema.id());
      if (schema.schemaType() != null) {
        value.put("schemaType", schema.schemaType());
      }
      return bytes(value.put("schema", schema.schema()).put("deleted", schema.deleted()));
    }
    if (entry instanceof ConfigEntry config && config.level() != null) {
      return bytes(JSON.createObjectNode().put("compatibilityLevel", config.level().name()));
    }
    return null;
  }

  /**
   * The entry a record of the topic holds; empty for record kinds the registry has no use for
   * (Confluent's NOOP, DELETE_SUBJECT, MODE and the like) and for records it cannot read, which are
   * logged and skipped.
   */
  static Optional<Entry> decode(byte[] key, byte[] value) {
    try {
      JsonNode k = JSON.readTree(key);
      String keytype = k.path("keytype").asText("");
      String subject = k.hasNonNull("subject") ? k.get("subject").asText() : null;
      switch (keytype) {
        case "SCHEMA":
          {
            int version = k.path("version").asInt();
            if (value == null) {
              return Optional.of(new PurgedVersion(subject, version));
            }
            JsonNode v = JSON.readTree(value);
            return Optional.of(
                new SchemaEntry(
                    v.path("subject").asText(subject),
                    v.path("version").asInt(version),
                    v.path("id").asInt(),
                    v.path("schema").asText(),
                    v.hasNonNull("schemaType") ? v.get("schemaType").asText() : null,
                    v.path("deleted").asBoolean(false)));
          }
        case "CONFIG":
          {
            JsonNode level = value == null ? null : JSON.readTree(value).get("compatibilityLevel");
            if (level == null || level.isNull()) {
              return Optional.of(new ConfigEntry(subject, null));
            }
            try {
              return Optional.of(
                  new ConfigEntry(subject, CompatibilityLevel.parse(level.asText())));
            } catch (RegistryException unknownLevel) {
              log.warn(
                  "Skipping a config record with unknown compatibility level {}", level.asText());
              return Optional.empty();
            }
          }
        default:
          return Optional.empty();
      }
    } catch (IOException | RuntimeException e) {
      log.warn("Skipping an unreadable record of the schemas topic: {}", e.toString());
      return Optional.empty();
    }
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
