package io.followup.sla.connect.crm.config;

import io.followup.sla.connect.crm.payload.MappingException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * A table from a vendor's words to the contract's, written in config as {@code vendor
 * value=CONTRACT_VALUE} pairs separated by commas, e.g. {@code Working - Contacted=ACCEPTED}.
 * Vendor values match without regard to case or surrounding blanks. The target {@value #IGNORE}
 * says a value is known and deliberately not an SLA event (the record is dropped, by design); a
 * value missing from the table is a payload the mapping cannot read, and goes to the dead letter
 * queue with the value named.
 */
public final class Vocabulary {

  /** The target of a vendor value that is known and means nothing to the engine. */
  public static final String IGNORE = "-";

  private final String name;
  private final Map<String, String> table;

  private Vocabulary(String name, Map<String, String> table) {
    this.name = name;
    this.table = Collections.unmodifiableMap(table);
  }

  /**
   * Reads a table; targets outside {@code allowed} (if not empty) or {@value #IGNORE} are refused.
   */
  public static Vocabulary parse(String name, String text, Set<String> allowed) {
    Map<String, String> table = new LinkedHashMap<>();
    if (text != null && !text.isBlank()) {
      for (String pair : text.split(",")) {
        int eq = pair.lastIndexOf('=');
        if (pair.isBlank()) {
          continue;
        }
        if (eq <= 0 || eq == pair.length() - 1) {
          throw new ConfigException(
              name, text, "each entry is vendor value=TARGET; '" + pair.strip() + "' is not");
        }
        String vendor = key(pair.substring(0, eq));
        String target = pair.substring(eq + 1).strip();
        if (!target.equals(IGNORE) && !allowed.isEmpty() && !allowed.contains(target)) {
          throw new ConfigException(
              name, text, "'" + target + "' is not one of " + allowed + " or " + IGNORE);
        }
        if (table.put(vendor, target) != null) {
          throw new ConfigException(name, text, "'" + vendor + "' is mapped twice");
        }
      }
    }
    return new Vocabulary(name, table);
  }

  private static String key(String vendorValue) {
    return vendorValue.strip().toLowerCase(Locale.ROOT);
  }

  /** The contract's word, or {@value #IGNORE}; refused when the table does not know the value. */
  public String map(String vendorValue, String field) {
    return find(vendorValue)
        .orElseThrow(
            () ->
                new MappingException(
                    field
                        + " "
                        + MappingException.quote(vendorValue)
                        + " is not in "
                        + name
                        + " (known: "
                        + String.join(", ", table.keySet())
                        + ")"));
  }

  /** The contract's word or {@value #IGNORE}, if the table knows the value. */
  public Optional<String> find(String vendorValue) {
    return Optional.ofNullable(table.get(key(vendorValue)));
  }

  /**
   * The table's word for an open vocabulary such as lead sources, where the contract takes any
   * name: a value the table does not know passes as itself in capitals with '_' between words
   * ({@code Partner Event} becomes {@code PARTNER_EVENT}); {@value #IGNORE} stays as it is.
   */
  public String mapOpen(String vendorValue) {
    return find(vendorValue)
        .orElseGet(
            () ->
                vendorValue
                    .strip()
                    .toUpperCase(Locale.ROOT)
                    .replaceAll("[^A-Z0-9]+", "_")
                    .replaceAll("^_+|_+$", ""));
  }

  /** The table as the config writes it, for validation of a connector config. */
  public static final class Validator implements ConfigDef.Validator {

    private final Set<String> allowed;

    public Validator(Set<String> allowed) {
      this.allowed = allowed;
    }

    @Override
    public void ensureValid(String name, Object value) {
      parse(name, value == null ? "" : value.toString(), allowed);
    }

    @Override
    public String toString() {
      return "vendor value=TARGET pairs, comma-separated; TARGET one of "
          + (allowed.isEmpty() ? "any text" : allowed)
          + " or "
          + IGNORE;
    }
  }
}
