package io.followup.sla.connect.alerts.config;

import io.followup.sla.connect.alerts.routing.Channel;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** {@code channels}: a list of email, slack, teams, webhook. */
final class ChannelsValidator implements ConfigDef.Validator {

  @Override
  public void ensureValid(String name, Object value) {
    for (Object item : (List<?>) value) {
      try {
        Channel.fromConfig(item.toString());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(name, item, "expected one of " + names());
      }
    }
  }

  private static String names() {
    return Arrays.stream(Channel.values()).map(Channel::configName).toList().toString();
  }

  @Override
  public String toString() {
    return "any of " + names();
  }
}
