package io.followup.sla.connect.alerts.config;

import io.followup.sla.connect.alerts.delivery.Silence;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** {@code silences}: a list of {@code <field>:<value> [until <instant>]}. */
final class SilencesValidator implements ConfigDef.Validator {

  @Override
  public void ensureValid(String name, Object value) {
    for (Object item : (List<?>) value) {
      try {
        Silence.parse(item.toString());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(name, item, e.getMessage());
      }
    }
  }

  @Override
  public String toString() {
    return "field:value [until instant], fields " + Silence.FIELDS;
  }
}
