package io.followup.sla.connect.alerts.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Per-team webhooks: {@code team=url,team=url}, each team the {@code team} of {@code RepProfile}.
 */
final class TeamWebhooksValidator implements ConfigDef.Validator {

  @Override
  public void ensureValid(String name, Object value) {
    parse(name, value instanceof Password p ? p.value() : value == null ? null : value.toString());
  }

  static Map<String, String> parse(String name, String spec) {
    Map<String, String> out = new LinkedHashMap<>();
    if (spec == null || spec.isBlank()) {
      return out;
    }
    for (String entry : spec.split(",")) {
      int eq = entry.indexOf('=');
      if (eq <= 0 || eq == entry.length() - 1) {
        throw new ConfigException(name + " must read team=url,team=url");
      }
      String team = entry.substring(0, eq).trim();
      String url = entry.substring(eq + 1).trim();
      WebhookUrlValidator.check(name + " (team " + team + ")", url);
      out.put(team, url);
    }
    return out;
  }

  @Override
  public String toString() {
    return "team=url,team=url";
  }
}
