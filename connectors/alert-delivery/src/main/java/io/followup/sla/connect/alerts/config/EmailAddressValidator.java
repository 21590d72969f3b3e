package io.followup.sla.connect.alerts.config;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** An email address such as {@code SLA alerts <sla@example.com>}; empty means none. */
final class EmailAddressValidator implements ConfigDef.Validator {

  @Override
  public void ensureValid(String name, Object value) {
    if (value == null || value.toString().isBlank()) {
      return;
    }
    try {
      new InternetAddress(value.toString(), true);
    } catch (AddressException e) {
      throw new ConfigException(name, value, "not an email address");
    }
  }

  @Override
  public String toString() {
    return "an email address";
  }
}
