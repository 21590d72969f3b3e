package io.followup.sla.connect.alerts.config;

import io.followup.sla.connect.alerts.routing.Role;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** {@code route.<kind>}: a list of recipient, rep, manager, default. */
final class RolesValidator implements ConfigDef.Validator {

  static final List<Role> ALLOWED = List.of(Role.RECIPIENT, Role.REP, Role.MANAGER, Role.DEFAULT);

  @Override
  public void ensureValid(String name, Object value) {
    for (Object item : (List<?>) value) {
      Role role;
      try {
        role = Role.fromConfig(item.toString());
      } catch (IllegalArgumentException e) {
        role = null;
      }
      if (role == null || !ALLOWED.contains(role)) {
        throw new ConfigException(name, item, "expected any of " + this);
      }
    }
  }

  @Override
  public String toString() {
    return ALLOWED.stream().map(Role::configName).toList().toString();
  }
}
