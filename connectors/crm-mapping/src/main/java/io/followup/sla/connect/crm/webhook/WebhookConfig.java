package io.followup.sla.connect.crm.webhook;

import io.followup.sla.connect.crm.config.TopicNameValidator;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.types.Password;

/**
 * The webhook receiver's settings. Secrets are of type PASSWORD, so Connect masks them in its REST
 * API and logs; set them through a config provider ({@code ${file:...}}, {@code ${env:...}}), never
 * in the connector's JSON. The HubSpot mapping's own settings (vocabularies, namespace, topics,
 * dead letter topic) are the HubSpot transform's, prefixed {@code hubspot.}.
 */
public final class WebhookConfig extends AbstractConfig {

  public static final String LISTENER_HOST = "listener.host";
  public static final String LISTENER_PORT = "listener.port";
  public static final String KEYSTORE_LOCATION = "ssl.keystore.location";
  public static final String KEYSTORE_PASSWORD = "ssl.keystore.password";
  public static final String KEYSTORE_TYPE = "ssl.keystore.type";
  public static final String MAX_BODY_BYTES = "max.body.bytes";
  public static final String ACK_TIMEOUT_MS = "ack.timeout.ms";
  public static final String HUBSPOT_APP_SECRET = "hubspot.app.secret";
  public static final String HUBSPOT_URL = "hubspot.url";
  public static final String RAW_TOPIC = "raw.topic";

  /** The prefix of the HubSpot mapping's settings. */
  public static final String HUBSPOT_MAPPING_PREFIX = "hubspot.";

  public static final ConfigDef CONFIG_DEF =
      new ConfigDef()
          .define(
              LISTENER_HOST,
              Type.STRING,
              "0.0.0.0",
              Importance.MEDIUM,
              "Address the receiver listens on.")
          .define(
              LISTENER_PORT,
              Type.INT,
              8443,
              Range.between(0, 65535),
              Importance.HIGH,
              "Port the receiver listens on (0: any free port, for tests).")
          .define(
              KEYSTORE_LOCATION,
              Type.STRING,
              "",
              Importance.HIGH,
              "Key store with the receiver's TLS key and certificate; empty: plain HTTP (only"
                  + " behind a TLS-terminating proxy: the vendors post to https URLs).")
          .define(
              KEYSTORE_PASSWORD,
              Type.PASSWORD,
              null,
              Importance.HIGH,
              "Password of the key store and its key; set it through a config provider.")
          .define(KEYSTORE_TYPE, Type.STRING, "PKCS12", Importance.LOW, "Type of the key store.")
          .define(
              MAX_BODY_BYTES,
              Type.INT,
              1024 * 1024,
              Range.between(1024, 64 * 1024 * 1024),
              Importance.MEDIUM,
              "Largest request body accepted; larger ones are answered 413 unread.")
          .define(
              ACK_TIMEOUT_MS,
              Type.LONG,
              4000L,
              Range.between(100, 60_000),
              Importance.MEDIUM,
              "How long a request waits for Connect to acknowledge its records before it is"
                  + " answered 503 for the vendor to retry. Keep it under HubSpot's 5 s timeout.")
          .define(
              HUBSPOT_APP_SECRET,
              Type.PASSWORD,
              null,
              Importance.HIGH,
              "The HubSpot app's client secret, which keys X-HubSpot-Signature-v3; set it through"
                  + " a config provider.")
          .define(
              HUBSPOT_URL,
              Type.STRING,
              "",
              Importance.HIGH,
              "The target URL configured in the HubSpot app (e.g."
                  + " https://hooks.example.com/hubspot): the signature covers it. Empty: the URL"
                  + " as this receiver sees it (scheme, Host header, path), which is wrong behind a"
                  + " proxy that rewrites them.")
          .define(
              RAW_TOPIC,
              Type.STRING,
              "crm.webhooks",
              new TopicNameValidator(),
              Importance.LOW,
              "The topic named as the raw source in dead letters (sla.dead-letter.topic); nothing"
                  + " is written to it.");

  public WebhookConfig(Map<?, ?> props) {
    super(CONFIG_DEF, props);
  }

  /** The secret, or empty when unset. */
  public String secret(String name) {
    Password password = getPassword(name);
    return password == null ? "" : password.value();
  }

  /** The HubSpot transform's settings: those under {@code hubspot.}, without the prefix. */
  public Map<String, Object> hubspotMapping() {
    return originalsWithPrefix(HUBSPOT_MAPPING_PREFIX);
  }
}
