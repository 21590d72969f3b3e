package io.followup.sla.connect.alerts.config;

import io.followup.sla.connect.alerts.delivery.SendAt;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** A day of the week and a time, e.g. {@code MON 08:00}: when weekly reviews are sent. */
final class SendAtValidator implements ConfigDef.Validator {

  @Override
  public void ensureValid(String name, Object value) {
    try {
      SendAt.parse(value == null ? null : value.toString());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(name, value, e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "a day and a time, e.g. MON 08:00";
  }
}
