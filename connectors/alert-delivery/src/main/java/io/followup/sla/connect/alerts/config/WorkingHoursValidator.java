package io.followup.sla.connect.alerts.config;

import io.followup.sla.time.WorkingHours;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** A working-hours spec as rep profiles write it, e.g. {@code MON-FRI 09:00-17:00} or 24/7. */
final class WorkingHoursValidator implements ConfigDef.Validator {

  @Override
  public void ensureValid(String name, Object value) {
    try {
      WorkingHours.parse(value.toString());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(name, value, e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "working hours, e.g. MON-FRI 09:00-17:00";
  }
}
