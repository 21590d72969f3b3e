package io.followup.sla.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.followup.sla.events.ContentEngaged;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.LeadStatusChanged;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.RepTouched;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.events.SlaPolicy;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The replay file format: one JSON object a line, {@code {"type": "LeadCreated", ...}}, with the
 * schemas' field names and timestamps as ISO-8601 UTC strings. Converts by the Avro schema, so a
 * field added to a schema needs no change here.
 */
public final class JsonLines {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Schema> TYPES =
      List.of(
              LeadCreated.getClassSchema(),
              LeadStatusChanged.getClassSchema(),
              ContentEngaged.getClassSchema(),
              RepTouched.getClassSchema(),
              RepProfile.getClassSchema(),
              SlaPolicy.getClassSchema(),
              SlaAlert.getClassSchema())
          .stream()
          .collect(Collectors.toMap(Schema::getName, Function.identity()));

  private JsonLines() {}

  /** Reads one line; the message of the exception says what is wrong, without the line's data. */
  public static SpecificRecord read(String line) throws InvalidLineException {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new InvalidLineException("not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (node == null || !node.isObject()) {
      throw new InvalidLineException("expected a JSON object");
    }
    JsonNode type = node.get("type");
    if (type == null || !type.isTextual()) {
      throw new InvalidLineException(
          "missing \"type\" (one of "
              + String.join(", ", TYPES.keySet().stream().sorted().toList())
              + ")");
    }
    Schema schema = TYPES.get(type.asText());
    if (schema == null) {
      throw new InvalidLineException(
          "unknown type \""
              + type.asText()
              + "\" (one of "
              + String.join(", ", TYPES.keySet().stream().sorted().toList())
              + ")");
    }
    SpecificRecord record = (SpecificRecord) SpecificData.get().newRecord(null, schema);
    for (Schema.Field field : schema.getFields()) {
      JsonNode value = node.get(field.name());
      record.put(
          field.pos(),
          value == null || value.isNull()
              ? defaultOf(schema, field)
              : convert(schema, field, field.schema(), value));
    }
    return record;
  }

  public static String write(SpecificRecord record) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("type", record.getSchema().getName());
    for (Schema.Field field : record.getSchema().getFields()) {
      Object value = record.get(field.pos());
      if (value == null) {
        node.putNull(field.name());
      } else if (value instanceof Instant instant) {
        node.put(field.name(), instant.toString());
      } else if (value instanceof Boolean b) {
        node.put(field.name(), b);
      } else if (value instanceof Integer i) {
        node.put(field.name(), i);
      } else if (value instanceof Long l) {
        node.put(field.name(), l);
      } else if (value instanceof List<?> list) {
        var array = node.putArray(field.name());
        list.forEach(item -> array.add(String.valueOf(item)));
      } else {
        node.put(field.name(), value.toString());
      }
    }
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object defaultOf(Schema record, Schema.Field field) throws InvalidLineException {
    if (field.hasDefaultValue()) {
      return SpecificData.get().getDefaultValue(field);
    }
    if (nullable(field.schema())) {
      return null;
    }
    throw new InvalidLineException(record.getName() + " needs the field \"" + field.name() + "\"");
  }

  private static Object convert(Schema record, Schema.Field field, Schema schema, JsonNode value)
      throws InvalidLineException {
    if (schema.getType() == Schema.Type.UNION) {
      for (Schema branch : schema.getTypes()) {
        if (branch.getType() != Schema.Type.NULL) {
          return convert(record, field, branch, value);
        }
      }
    }
    String where = record.getName() + "." + field.name();
    switch (schema.getType()) {
      case STRING:
        if (!value.isValueNode()) {
          throw new InvalidLineException(where + " must be a string");
        }
        return value.asText();
      case BOOLEAN:
        if (!value.isBoolean()) {
          throw new InvalidLineException(where + " must be true or false");
        }
        return value.booleanValue();
      case INT:
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
          throw new InvalidLineException(where + " must be a whole number");
        }
        return value.intValue();
      case LONG:
        if (schema.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
          return timestamp(where, value);
        }
        if (!value.isIntegralNumber()) {
          throw new InvalidLineException(where + " must be a whole number");
        }
        return value.longValue();
      case ARRAY:
        if (!value.isArray()) {
          throw new InvalidLineException(where + " must be a list");
        }
        List<String> items = new java.util.ArrayList<>();
        value.forEach(item -> items.add(item.asText()));
        return items;
      default:
        throw new InvalidLineException(
            where + " has a type replay files do not support: " + schema.getType());
    }
  }

  private static Instant timestamp(String where, JsonNode value) throws InvalidLineException {
    if (value.isIntegralNumber()) {
      return Instant.ofEpochMilli(value.longValue());
    }
    try {
      return Instant.parse(value.asText());
    } catch (DateTimeParseException e) {
      throw new InvalidLineException(
          where + " must be an ISO-8601 UTC time such as 2026-03-06T17:00:00Z");
    }
  }

  private static boolean nullable(Schema schema) {
    return schema.getType() == Schema.Type.UNION
        && schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL);
  }

  /** A line that cannot be read. */
  public static final class InvalidLineException extends Exception {
    public InvalidLineException(String message) {
      super(message);
    }
  }
}
