package io.followup.sla.connect.crm.config;

import io.followup.sla.connect.crm.payload.MappingException;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * The prefix that makes a vendor's ids the engine's: {@code salesforce:00Q...}, {@code hubspot:51}.
 * Lead, rep, asset and event ids of one source all carry it, so two sources (or two Salesforce orgs
 * with their own namespaces) cannot collide, and a rep profile or a lookup names the same id the
 * events do.
 */
public final class Namespace {

  static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

  private final String name;

  public Namespace(String name) {
    if (!VALID.matcher(name).matches()) {
      throw new IllegalArgumentException("not a namespace: " + name);
    }
    this.name = name;
  }

  /** A vendor id in this namespace; the vendor's id is kept as it is, and may not be blank. */
  public String id(String vendorId) {
    if (vendorId.isBlank()) {
      throw new MappingException("an id in the payload is empty");
    }
    return name + ":" + vendorId;
  }

  @Override
  public String toString() {
    return name;
  }

  /** Letters, digits, '.', '_' and '-', up to 40: no ':', which separates it from the id. */
  public static final class Validator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
      if (value == null || !VALID.matcher(value.toString()).matches()) {
        throw new ConfigException(
            name,
            value,
            "a namespace is 1 to 40 letters, digits, '.', '_' or '-', e.g. salesforce");
      }
    }

    @Override
    public String toString() {
      return "1 to 40 letters, digits, '.', '_' or '-'";
    }
  }
}
