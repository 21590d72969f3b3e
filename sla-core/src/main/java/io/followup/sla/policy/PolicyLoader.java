package io.followup.sla.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads and validates policy YAML. A policy that does not validate is refused with one message
 * naming the line and the field, so the version in force stays and the author knows what to fix.
 */
public final class PolicyLoader {

  /** The built-in policy: 48 wall-clock hours to the first touch, stricter for hot leads. */
  public static final String DEFAULT_POLICY_RESOURCE = "/policies/default-policy.yaml";

  /** Compressed SLAs for {@code ./sla demo}, so breaches show within a minute. */
  public static final String DEMO_POLICY_RESOURCE = "/policies/demo-policy.yaml";

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .registerModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

  private PolicyLoader() {}

  public static Policy builtInDefault() {
    return BuiltIn.DEFAULT;
  }

  public static Policy demo() {
    try {
      return parse(readResource(DEMO_POLICY_RESOURCE), DEMO_POLICY_RESOURCE);
    } catch (PolicyException e) {
      throw new IllegalStateException(
          "the built-in demo policy does not validate: " + e.getMessage(), e);
    }
  }

  public static Policy fromFile(Path file) throws PolicyException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new PolicyException("policy file " + file + " does not exist");
    } catch (IOException e) {
      throw new PolicyException("cannot read policy file " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /**
   * Parses and validates one policy document; rules it does not mention keep the built-in settings.
   *
   * @param origin the file name or topic the text came from, for messages
   */
  public static Policy parse(String yaml, String origin) throws PolicyException {
    Document doc = readDocument(yaml, origin);
    return doc.toPolicy()
        .withDefaultsFrom(builtInDefault(), doc.genericPhrases != null, doc.calendars != null);
  }

  private static Policy parseDocument(String yaml, String origin) throws PolicyException {
    return readDocument(yaml, origin).toPolicy();
  }

  private static Document readDocument(String yaml, String origin) throws PolicyException {
    Document doc;
    try {
      doc = YAML.readValue(yaml, Document.class);
    } catch (JsonProcessingException e) {
      throw new PolicyException(describe(e, origin, yaml), e);
    }
    if (doc == null) {
      throw new PolicyException(origin + ": the policy is empty");
    }
    return doc;
  }

  private static String readResource(String resource) {
    try (InputStream in = PolicyLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loaded once, on first use. */
  private static final class BuiltIn {
    static final Policy DEFAULT = load();

    private static Policy load() {
      try {
        return parseDocument(readResource(DEFAULT_POLICY_RESOURCE), DEFAULT_POLICY_RESOURCE);
      } catch (PolicyException e) {
        throw new IllegalStateException(
            "the built-in policy does not validate: " + e.getMessage(), e);
      }
    }
  }

  private static String describe(JsonProcessingException e, String origin, String yaml) {
    JsonLocation where = e.getLocation();
    int lineNr = where == null ? -1 : where.getLineNr();
    if (e instanceof UnrecognizedPropertyException u && lineNr > 0) {
      // Jackson reports the end of the enclosing object; the author wants the line of the field.
      lineNr = lineOfKey(yaml, u.getPropertyName(), lineNr);
    }
    String line = lineNr < 1 ? "" : " line " + lineNr;
    String field = e instanceof JsonMappingException m ? fieldPath(m) : "";
    String fieldPart = field.isEmpty() ? "" : ", field " + field;
    return origin + line + fieldPart + ": " + reason(e);
  }

  /** The last line at or before {@code atOrBefore} that starts with {@code key:}, or atOrBefore. */
  private static int lineOfKey(String yaml, String key, int atOrBefore) {
    String[] lines = yaml.split("\\R", -1);
    for (int i = Math.min(atOrBefore, lines.length) - 1; i >= 0; i--) {
      String trimmed = lines[i].strip();
      if (trimmed.startsWith(key + ":") || trimmed.startsWith("\"" + key + "\":")) {
        return i + 1;
      }
    }
    return atOrBefore;
  }

  private static String reason(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return "unknown field '"
          + u.getPropertyName()
          + "' (known: "
          + u.getKnownPropertyIds().stream()
              .map(Object::toString)
              .sorted()
              .collect(Collectors.joining(", "))
          + ")";
    }
    if (e instanceof InvalidFormatException f) {
      return "'" + f.getValue() + "' is not a valid " + friendlyType(f.getTargetType());
    }
    if (e instanceof ValueInstantiationException v && v.getCause() != null) {
      return v.getCause().getMessage();
    }
    String message = e.getOriginalMessage();
    if (message != null && message.contains("Text cannot be parsed to a Duration")) {
      return "not an ISO-8601 duration (write e.g. PT48H, PT30M, P2D)";
    }
    return message == null
        ? e.getClass().getSimpleName()
        : message.lines().findFirst().orElse(message);
  }

  private static String friendlyType(Class<?> type) {
    if (type == java.time.Duration.class) {
      return "ISO-8601 duration (write e.g. PT48H, PT30M, P2D)";
    }
    return type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }

  private static String fieldPath(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  /** The file's shape; validation happens while binding, so errors keep their line numbers. */
  private static final class Document {
    final String policyId;
    final String version;
    final Map<String, RulePolicy> rules;
    final List<String> genericPhrases;
    final boolean warnManagerWhenOutOfOffice;
    final Calendars calendars;

    @JsonCreator
    Document(
        @JsonProperty(value = "policyId", required = true) String policyId,
        @JsonProperty(value = "version", required = true) String version,
        @JsonProperty(value = "rules", required = true) Map<String, RulePolicy> rules,
        @JsonProperty("genericPhrases") List<String> genericPhrases,
        @JsonProperty("outOfOffice") OutOfOffice outOfOffice,
        @JsonProperty("calendars") Calendars calendars) {
      if (policyId == null || policyId.isBlank()) {
        throw new IllegalArgumentException("policyId must not be empty");
      }
      if (version == null || version.isBlank()) {
        throw new IllegalArgumentException("version must not be empty");
      }
      for (Map.Entry<String, RulePolicy> rule : rules.entrySet()) {
        RuleId id =
            RuleId.fromId(rule.getKey())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "unknown rule '"
                                + rule.getKey()
                                + "' (known: "
                                + Arrays.stream(RuleId.values())
                                    .map(RuleId::id)
                                    .collect(Collectors.joining(", "))
                                + ")"));
        boolean countsTouches = id == RuleId.TOUCH_CADENCE || id == RuleId.BUYING_GROUP_COVERAGE;
        if (countsTouches && rule.getValue().minTouches() == null) {
          throw new IllegalArgumentException(
              "rule " + id.id() + " needs minTouches: the touches owed within its sla");
        }
      }
      if (genericPhrases != null
          && genericPhrases.stream().anyMatch(p -> p == null || p.isBlank())) {
        throw new IllegalArgumentException("genericPhrases must not contain empty phrases");
      }
      this.policyId = policyId;
      this.version = version;
      this.rules = rules;
      this.genericPhrases = genericPhrases;
      this.warnManagerWhenOutOfOffice = outOfOffice != null && outOfOffice.warnManager;
      this.calendars = calendars;
    }

    Policy toPolicy() {
      Map<RuleId, RulePolicy> byId = new EnumMap<>(RuleId.class);
      rules.forEach((id, rule) -> byId.put(RuleId.fromId(id).orElseThrow(), rule));
      return new Policy(
          policyId, version, byId, genericPhrases, warnManagerWhenOutOfOffice, calendars);
    }
  }

  /** What happens while a rep is out of office. */
  private static final class OutOfOffice {
    final boolean warnManager;

    @JsonCreator
    OutOfOffice(@JsonProperty("warnManager") Boolean warnManager) {
      this.warnManager = warnManager != null && warnManager;
    }
  }
}
