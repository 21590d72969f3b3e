package io.followup.sla.connect.alerts.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** An IANA time zone such as {@code America/Chicago}. */
final class ZoneValidator implements ConfigDef.Validator {

  @Override
  public void ensureValid(String name, Object value) {
    try {
      ZoneId.of(value.toString().trim());
    } catch (DateTimeException e) {
      throw new ConfigException(name, value, "not a time zone, e.g. America/Chicago or UTC");
    }
  }

  @Override
  public String toString() {
    return "an IANA time zone";
  }
}
