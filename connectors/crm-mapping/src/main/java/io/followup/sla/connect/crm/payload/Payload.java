package io.followup.sla.connect.crm.payload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * A vendor payload as a JSON tree, whatever shape the source connector handed it over in: JSON text
 * (a String or UTF-8 bytes, as a StringConverter or ByteArrayConverter leaves it), a schemaless map
 * (JsonConverter with schemas off) or a Struct (a connector with schemas). Readers name a field and
 * get its value or a {@link MappingException} that says which field and why, so every vendor
 * mapping refuses a payload the same way.
 */
public final class Payload {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Timestamps outside these bounds are garbage, not history or future plans. */
  private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

  private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

  private final JsonNode node;
  private final String path;

  private Payload(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /** The record value as a payload; refused when it is none of the shapes above or not JSON. */
  public static Payload of(Object value) {
    if (value == null) {
      throw new MappingException("the record has no value (a tombstone?): nothing to map");
    }
    JsonNode tree;
    if (value instanceof String text) {
      tree = parse(text);
    } else if (value instanceof byte[] bytes) {
      tree = parse(new String(bytes, StandardCharsets.UTF_8));
    } else if (value instanceof Map<?, ?> || value instanceof Struct) {
      tree = JSON.valueToTree(plain(value));
    } else {
      throw new MappingException(
          "the record value is a "
              + value.getClass().getSimpleName()
              + "; expected JSON text, a map or a struct");
    }
    return root(tree);
  }

  /** A JSON tree as a payload, e.g. one element of a list the vendor sent. */
  public static Payload root(JsonNode tree) {
    if (tree == null || !tree.isObject()) {
      throw new MappingException(
          "the payload is "
              + (tree == null ? "empty" : "a JSON " + tree.getNodeType().name().toLowerCase())
              + ", expected a JSON object");
    }
    return new Payload(tree, "");
  }

  private static JsonNode parse(String text) {
    try {
      JsonNode tree = JSON.readTree(text);
      return tree == null ? JsonNodeFactory.instance.missingNode() : tree;
    } catch (JsonProcessingException e) {
      throw new MappingException(
          "the payload is not JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    }
  }

  /**
   * A record value as text to keep in a dead letter: JSON text as it came, a map or struct as JSON,
   * anything else as its string form.
   */
  public static String asText(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    try {
      return JSON.writeValueAsString(plain(value));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return String.valueOf(value);
    }
  }

  /** Structs, lists and maps as plain Java values Jackson can turn into a tree. */
  private static Object plain(Object value) {
    if (value instanceof Struct struct) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Field field : struct.schema().fields()) {
        out.put(field.name(), plain(struct.get(field)));
      }
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
      return out;
    }
    if (value instanceof Collection<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(plain(v)));
      return out;
    }
    if (value instanceof Date date) {
      return date.getTime();
    }
    return value;
  }

  /** The whole payload as JSON; for tests and the fuzzer, never for logs. */
  public JsonNode tree() {
    return node;
  }

  public boolean has(String field) {
    JsonNode child = node.get(field);
    return child != null && !child.isNull();
  }

  /** A nested object, if the field is present and not null. */
  public Optional<Payload> object(String field) {
    JsonNode child = node.get(field);
    if (child == null || child.isNull()) {
      return Optional.empty();
    }
    if (!child.isObject()) {
      throw new MappingException(where(field) + " is " + kind(child) + ", expected an object");
    }
    return Optional.of(new Payload(child, where(field)));
  }

  public Payload requiredObject(String field) {
    return object(field).orElseThrow(() -> missing(field));
  }

  /** The objects of an array field; empty when the field is absent. */
  public List<Payload> objects(String field) {
    List<Payload> out = new ArrayList<>();
    for (JsonNode element : array(field)) {
      if (!element.isObject()) {
        throw new MappingException(where(field) + " holds " + kind(element) + ", expected objects");
      }
      out.add(new Payload(element, where(field) + "[]"));
    }
    return out;
  }

  /** The scalar elements of an array field as text; empty when the field is absent. */
  public List<String> texts(String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode element : array(field)) {
      if (!element.isValueNode() || element.isNull()) {
        throw new MappingException(where(field) + " holds " + kind(element) + ", expected text");
      }
      out.add(element.asText());
    }
    return out;
  }

  private List<JsonNode> array(String field) {
    JsonNode child = node.get(field);
    if (child == null || child.isNull()) {
      return List.of();
    }
    if (!child.isArray()) {
      throw new MappingException(where(field) + " is " + kind(child) + ", expected an array");
    }
    List<JsonNode> out = new ArrayList<>();
    child.forEach(out::add);
    return out;
  }

  /** A scalar as text; absent for a missing, null or blank field. */
  public Optional<String> text(String field) {
    JsonNode child = node.get(field);
    if (child == null || child.isNull()) {
      return Optional.empty();
    }
    if (!child.isValueNode()) {
      throw new MappingException(where(field) + " is " + kind(child) + ", expected text");
    }
    String text = child.asText().strip();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  public String requiredText(String field) {
    return text(field).orElseThrow(() -> missing(field));
  }

  /** A boolean written as JSON true/false or the text "true"/"false". */
  public Optional<Boolean> bool(String field) {
    Optional<String> text = text(field);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String value = text.get();
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Optional.of(Boolean.parseBoolean(value));
    }
    throw new MappingException(
        where(field) + " is " + MappingException.quote(value) + ", not a boolean");
  }

  /**
   * A point in time written as epoch milliseconds (a number or digits) or ISO-8601 text with an
   * offset, as vendors write them; refused when it is neither or lies outside 1990 to 2200.
   */
  public Optional<Instant> instant(String field) {
    Optional<String> text = text(field);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String value = text.get();
    Instant instant;
    try {
      if (value.matches("-?\\d{1,18}")) {
        instant = Instant.ofEpochMilli(Long.parseLong(value));
      } else {
        instant = OffsetDateTime.parse(value, ISO).toInstant();
      }
    } catch (DateTimeException | NumberFormatException e) {
      throw new MappingException(
          where(field) + " is " + MappingException.quote(value) + ", not a timestamp");
    }
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw new MappingException(
          where(field) + " is " + instant + ", outside 1990 to 2200: not a real timestamp");
    }
    return Optional.of(instant);
  }

  public Instant requiredInstant(String field) {
    return instant(field).orElseThrow(() -> missing(field));
  }

  /** ISO-8601 with an offset or Z, and Salesforce's +0000 form without a colon. */
  private static final DateTimeFormatter ISO =
      new java.time.format.DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .toFormatter();

  /** The dotted name of a field of this payload, for reasons. */
  public String where(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  private MappingException missing(String field) {
    return new MappingException("no " + where(field) + " in the payload");
  }

  private static String kind(JsonNode node) {
    return node.isObject()
        ? "an object"
        : node.isArray() ? "an array" : "a " + node.getNodeType().name().toLowerCase();
  }
}
