package io.followup.sla.connect.alerts.config;

import java.net.URI;
import java.net.URISyntaxException;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * A webhook URL, http or https. The URL is the webhook's secret, so the message never repeats it.
 */
final class WebhookUrlValidator implements ConfigDef.Validator {

  @Override
  public void ensureValid(String name, Object value) {
    String url = value instanceof Password p ? p.value() : value == null ? null : value.toString();
    if (url == null || url.isBlank()) {
      return;
    }
    check(name, url);
  }

  static void check(String name, String url) {
    try {
      URI uri = new URI(url.trim());
      String scheme = uri.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || uri.getHost() == null) {
        throw new ConfigException(name + " must be an http or https URL with a host");
      }
    } catch (URISyntaxException e) {
      throw new ConfigException(name + " is not a valid URL");
    }
  }

  @Override
  public String toString() {
    return "an http(s) URL";
  }
}
