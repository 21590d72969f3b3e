package io.followup.sla.policy;

import io.followup.sla.policy.PolicyYaml.Entry;
import io.followup.sla.policy.PolicyYaml.Mapping;
import io.followup.sla.policy.PolicyYaml.Node;
import io.followup.sla.policy.PolicyYaml.Scalar;
import io.followup.sla.policy.PolicyYaml.Sequence;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The fields of one part of a policy (the policy itself, a rule, a calendar), read one by one. A
 * field that is missing, of the wrong kind or unknown is refused with one line that names the line,
 * the part and what to write instead: {@code policy.yaml line 12: rule touch-cadence needs 'sla',
 * an ISO-8601 duration such as PT48H}.
 */
final class PolicyFields {

  static final String DURATION = "an ISO-8601 duration such as PT48H";
  static final String WHOLE_NUMBER = "a whole number such as 4";

  /** Plain decimal notation: Java's own parser would also take NaN, 0x1p3 or 1.5d. */
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

  private final String origin;
  private final String subject;
  private final int line;
  private final Mapping mapping;

  private PolicyFields(String origin, String subject, int line, Mapping mapping) {
    this.origin = origin;
    this.subject = subject;
    this.line = line;
    this.mapping = mapping;
  }

  /** The top of a document, which must be a set of fields. */
  static PolicyFields root(Node node, String origin) throws PolicyException {
    if (!(node instanceof Mapping m)) {
      throw PolicyYaml.at(
          origin,
          node.line(),
          "a policy is a set of fields (policyId, version, rules...), not " + given(node));
    }
    return new PolicyFields(origin, "", m.line(), m);
  }

  /**
   * A nested part, or null when absent.
   *
   * @param subject how messages name it, e.g. {@code rule touch-cadence}; empty for a part whose
   *     keys name themselves (the rules, the regions)
   * @param shape what it should look like, e.g. {@code a set of fields such as {sla: PT48H}}
   */
  PolicyFields part(String key, String subject, String shape) throws PolicyException {
    Entry entry = entry(key);
    if (entry == null) {
      return null;
    }
    if (!(entry.value() instanceof Mapping m)) {
      String name = subject.isEmpty() ? "'" + key + "'" : subject;
      throw at(
          entry.line(), prefix() + name + " must be " + shape + ", not " + given(entry.value()));
    }
    return new PolicyFields(origin, subject, entry.line(), m);
  }

  /** A nested part that is named, as {@link #part}, but empty when nothing follows its key. */
  PolicyFields namedPart(String key, String subject, String shape) throws PolicyException {
    PolicyFields part = part(key, subject, shape);
    if (part != null) {
      return part;
    }
    Entry entry = mapping.entries().get(key);
    return new PolicyFields(origin, subject, entry.line(), new Mapping(Map.of(), entry.line()));
  }

  /** The keys given, in the document's order. */
  Collection<String> keys() {
    return mapping.entries().keySet();
  }

  /** Whether the field is given with a value. */
  boolean has(String key) {
    return entry(key) != null;
  }

  /**
   * Refuses a key that is not one of {@code known}, suggesting the one probably meant.
   *
   * @param noun what the keys are, e.g. {@code field} or {@code rule}
   */
  void allowOnly(Collection<String> known, String noun) throws PolicyException {
    for (Entry entry : mapping.entries().values()) {
      if (!known.contains(entry.key())) {
        throw at(entry.line(), prefix() + "unknown " + noun + " " + unknown(entry.key(), known));
      }
    }
  }

  String text(String key) throws PolicyException {
    Entry entry = entry(key);
    if (entry == null) {
      return null;
    }
    if (!(entry.value() instanceof Scalar s)) {
      throw wrong(entry, "a single value", entry.value());
    }
    return s.text();
  }

  Duration duration(String key) throws PolicyException {
    Entry entry = entry(key);
    return entry == null ? null : duration(entry, entry.value(), "'" + key + "'");
  }

  Integer wholeNumber(String key) throws PolicyException {
    Entry entry = entry(key);
    if (entry == null) {
      return null;
    }
    try {
      return Integer.valueOf(scalar(entry, WHOLE_NUMBER).strip());
    } catch (NumberFormatException e) {
      throw wrong(entry, WHOLE_NUMBER, entry.value());
    }
  }

  /** A decimal number; {@code example} reads like {@code a share of the SLA such as 0.75}. */
  Double number(String key, String example) throws PolicyException {
    Entry entry = entry(key);
    if (entry == null) {
      return null;
    }
    String text = scalar(entry, example).strip();
    if (!DECIMAL.matcher(text).matches()) {
      throw wrong(entry, example, entry.value());
    }
    return Double.valueOf(text);
  }

  Boolean bool(String key) throws PolicyException {
    Entry entry = entry(key);
    if (entry == null) {
      return null;
    }
    // Unquoted, YAML's yes/no/on/off already arrive as true/false; quoted, they mean the same.
    String text = scalar(entry, "true or false").strip().toLowerCase(Locale.ROOT);
    return switch (text) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw wrong(entry, "true or false", entry.value());
    };
  }

  /** One of {@code choices} by its written name, e.g. {@code wall-clock} or {@code business}. */
  <T> T choice(String key, Map<String, T> choices) throws PolicyException {
    Entry entry = entry(key);
    if (entry == null) {
      return null;
    }
    String either = String.join(" or ", choices.keySet());
    T value = choices.get(scalar(entry, either).strip());
    if (value == null) {
      throw wrong(entry, either, entry.value());
    }
    return value;
  }

  /** Durations by name, e.g. {@code bySource: {RFP_REQUEST: PT4H}}. */
  Map<String, Duration> durations(String key, String example) throws PolicyException {
    Entry entry = entry(key);
    if (entry == null) {
      return null;
    }
    if (!(entry.value() instanceof Mapping m)) {
      throw wrong(entry, "a set such as " + example, entry.value());
    }
    Map<String, Duration> durations = new LinkedHashMap<>();
    for (Entry named : m.entries().values()) {
      durations.put(
          named.key(), duration(named, named.value(), "'" + key + "' for " + named.key()));
    }
    return durations;
  }

  /** A list of non-empty texts, e.g. {@code [just checking in, following up]}. */
  List<String> texts(String key, String example) throws PolicyException {
    List<String> texts = new ArrayList<>();
    for (Node item : items(key, "a list such as " + example)) {
      if (!(item instanceof Scalar s) || s.text() == null || s.text().isBlank()) {
        throw at(
            item.line(),
            prefix()
                + "'"
                + key
                + "' must list non-empty texts such as "
                + example
                + ", not "
                + given(item));
      }
      texts.add(s.text());
    }
    return has(key) ? texts : null;
  }

  /** A list of dates such as {@code [2026-12-25]}. */
  List<LocalDate> dates(String key) throws PolicyException {
    List<LocalDate> dates = new ArrayList<>();
    for (Node item : items(key, "a list of dates such as [2026-12-25]")) {
      try {
        dates.add(LocalDate.parse(item instanceof Scalar s && s.text() != null ? s.text() : ""));
      } catch (DateTimeException e) {
        throw at(
            item.line(),
            prefix() + "'" + key + "' must list dates such as 2026-12-25, not " + given(item));
      }
    }
    return has(key) ? dates : null;
  }

  /** A required field that is missing: reported at the line of the part that lacks it. */
  PolicyException missing(String key, String what) {
    String who = subject.isEmpty() ? "the policy" : subject;
    return at(line, who + " needs '" + key + "', " + what);
  }

  /** A problem with a field, reported at its line (or at the part's line when it is not given). */
  PolicyException problem(String key, String message) {
    Entry entry = entry(key);
    return at(entry == null ? line : entry.line(), prefix() + message);
  }

  /** A setting out of range, reported at the line of the setting it names. */
  PolicyException problem(InvalidSettingException e) {
    int at = line;
    Mapping within = mapping;
    for (String key : e.path()) {
      Entry entry = within == null ? null : within.entries().get(key);
      if (entry == null) {
        break;
      }
      at = entry.line();
      within = entry.value() instanceof Mapping m ? m : null;
    }
    return at(at, prefix() + e.getMessage());
  }

  /** "'x'; did you mean 'y'?" when one known name is an obvious match, else the known names. */
  static String unknown(String given, Collection<String> known) {
    return "'"
        + given
        + "'"
        + ClosestName.to(given, known)
            .map(k -> "; did you mean '" + k + "'?")
            .orElse(" (known: " + known.stream().sorted().collect(Collectors.joining(", ")) + ")");
  }

  private Entry entry(String key) {
    Entry entry = mapping.entries().get(key);
    // An explicit null (`warnAt:` with nothing after it) reads as leaving the field out.
    return entry == null || entry.value() instanceof Scalar s && s.text() == null ? null : entry;
  }

  private List<Node> items(String key, String shape) throws PolicyException {
    Entry entry = entry(key);
    if (entry == null) {
      return List.of();
    }
    if (!(entry.value() instanceof Sequence s)) {
      throw wrong(entry, shape, entry.value());
    }
    return s.items();
  }

  private String scalar(Entry entry, String expected) throws PolicyException {
    if (entry.value() instanceof Scalar s) {
      return s.text();
    }
    throw wrong(entry, expected, entry.value());
  }

  private Duration duration(Entry entry, Node value, String name) throws PolicyException {
    if (value instanceof Scalar s && s.text() != null) {
      try {
        return Duration.parse(s.text().strip());
      } catch (DateTimeException e) {
        // refused below, in the author's terms
      }
    }
    throw at(entry.line(), prefix() + name + " must be " + DURATION + ", not " + given(value));
  }

  private PolicyException wrong(Entry entry, String expected, Node value) {
    return at(
        entry.line(),
        prefix() + "'" + entry.key() + "' must be " + expected + ", not " + given(value));
  }

  private PolicyException at(int line, String message) {
    return PolicyYaml.at(origin, line, message);
  }

  private String prefix() {
    return subject.isEmpty() ? "" : subject + ": ";
  }

  private static String given(Node node) {
    if (node instanceof Scalar s) {
      return s.text() == null ? "nothing" : "'" + s.text() + "'";
    }
    return node instanceof Mapping ? "a set of fields" : "a list";
  }
}
