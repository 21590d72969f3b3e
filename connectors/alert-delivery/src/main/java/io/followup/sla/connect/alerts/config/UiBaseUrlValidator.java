package io.followup.sla.connect.alerts.config;

import org.apache.kafka.common.config.ConfigDef;

/** The manager page's URL: empty (no links) or http(s) with a host. Not a secret. */
final class UiBaseUrlValidator implements ConfigDef.Validator {

  @Override
  public void ensureValid(String name, Object value) {
    if (value != null && !value.toString().isBlank()) {
      WebhookUrlValidator.check(name, value.toString());
    }
  }

  @Override
  public String toString() {
    return "empty, or an http(s) URL";
  }
}
