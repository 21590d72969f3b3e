package io.followup.sla.connect.crm.webhook;

import io.followup.sla.connect.crm.config.TopicNameValidator;
import io.followup.sla.connect.crm.salesforce.SalesforceIds;
import java.util.LinkedHashMap;
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
  public static final String SALESFORCE_SECRET = "salesforce.outbound.secret";
  public static final String SALESFORCE_ORGANIZATION = "salesforce.organization.id";
  public static final String MARKETO_SECRET = "marketo.secret";
  public static final String MARKETO_SECRET_HEADER = "marketo.secret.header";

  /** The prefix of the HubSpot mapping's settings. */
  public static final String HUBSPOT_MAPPING_PREFIX = "hubspot.";

  /** The prefix of the Salesforce mapping's settings (those of the Salesforce transform). */
  public static final String SALESFORCE_MAPPING_PREFIX = "salesforce.";

  /** The prefix of the Marketo mapping's settings (those of the Marketo transform). */
  public static final String MARKETO_MAPPING_PREFIX = "marketo.";

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
                  + " a config provider. Empty: POST /hubspot is not served.")
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
                  + " is written to it.")
          .define(
              SALESFORCE_SECRET,
              Type.PASSWORD,
              null,
              Importance.HIGH,
              "The shared secret in the endpoint URL of the Salesforce outbound messages"
                  + " (https://host/salesforce/<secret> or ?token=<secret>): Salesforce cannot sign"
                  + " them. At least 32 characters of letters, digits, '-' and '_'; set it through"
                  + " a config provider. Empty: POST /salesforce is not served.")
          .define(
              SALESFORCE_ORGANIZATION,
              Type.STRING,
              "",
              Importance.HIGH,
              "The Salesforce organization (00D..., 15 or 18 characters) whose outbound messages"
                  + " are accepted; others are refused (403). Required with "
                  + SALESFORCE_SECRET
                  + ".")
          .define(
              MARKETO_SECRET,
              Type.PASSWORD,
              null,
              Importance.HIGH,
              "The shared secret Marketo's webhook sends in the header named by "
                  + MARKETO_SECRET_HEADER
                  + "; set it through a config provider. Empty: POST /marketo is not served.")
          .define(
              MARKETO_SECRET_HEADER,
              Type.STRING,
              "X-Webhook-Secret",
              new ConfigDef.NonEmptyString(),
              Importance.LOW,
              "The custom header of the Marketo webhook that carries " + MARKETO_SECRET + ".");

  /** The least length of the Salesforce secret: it is all that stands between a URL and Kafka. */
  static final int MIN_SECRET_LENGTH = 32;

  public WebhookConfig(Map<?, ?> props) {
    super(CONFIG_DEF, props);
  }

  /** The secret, or empty when unset. */
  public String secret(String name) {
    Password password = getPassword(name);
    return password == null ? "" : password.value();
  }

  /**
   * What is wrong with settings the ConfigDef alone cannot see, by setting: no vendor enabled, a
   * Salesforce secret without an organization or too short to be one.
   */
  public Map<String, String> problems() {
    Map<String, String> problems = new LinkedHashMap<>();
    if (secret(HUBSPOT_APP_SECRET).isEmpty()
        && secret(SALESFORCE_SECRET).isEmpty()
        && secret(MARKETO_SECRET).isEmpty()) {
      problems.put(
          HUBSPOT_APP_SECRET,
          "set at least one of "
              + HUBSPOT_APP_SECRET
              + ", "
              + SALESFORCE_SECRET
              + " and "
              + MARKETO_SECRET
              + ": each enables its vendor's endpoint");
    }
    String salesforce = secret(SALESFORCE_SECRET);
    if (!salesforce.isEmpty()) {
      if (!salesforce.matches("[A-Za-z0-9_-]{" + MIN_SECRET_LENGTH + ",}")
          && !salesforce.startsWith("${")) {
        problems.put(
            SALESFORCE_SECRET,
            "must be at least "
                + MIN_SECRET_LENGTH
                + " letters, digits, '-' or '_' (it goes into a URL)");
      }
      String organization = getString(SALESFORCE_ORGANIZATION).strip();
      if (!SalesforceIds.isId(organization) || !organization.startsWith("00D")) {
        problems.put(
            SALESFORCE_ORGANIZATION,
            "must be the Salesforce organization id (00D..., 15 or 18 characters) when "
                + SALESFORCE_SECRET
                + " is set");
      }
    }
    return problems;
  }

  /** The HubSpot transform's settings: those under {@code hubspot.}, without the prefix. */
  public Map<String, Object> hubspotMapping() {
    return originalsWithPrefix(HUBSPOT_MAPPING_PREFIX);
  }

  /** The Salesforce transform's settings: those under {@code salesforce.}, without the prefix. */
  public Map<String, Object> salesforceMapping() {
    return originalsWithPrefix(SALESFORCE_MAPPING_PREFIX);
  }

  /** The Marketo transform's settings: those under {@code marketo.}, without the prefix. */
  public Map<String, Object> marketoMapping() {
    return originalsWithPrefix(MARKETO_MAPPING_PREFIX);
  }
}
