package io.followup.sla.serde;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * The configuration keys of the Avro serde; the names are Confluent's, so existing client configs
 * carry over.
 */
public final class AvroSerdeConfig {

  /** Comma-separated base URLs of a Confluent-compatible schema registry. */
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

  /** Whether the serializer registers a record's schema itself; default false. */
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

  /** {@code user:password} for HTTP basic auth against the registry. */
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

  /** The same, under the prefixed name Confluent's clients also accept. */
  public static final String SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO =
      "schema.registry.basic.auth.user.info";

  /**
   * A trust store for an {@code https://} registry whose certificate the JVM's default trust store
   * does not vouch for (a private CA, a self-signed certificate). Confluent's name for it.
   */
  public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";

  /** The trust store's password. Never include it in a message or a log. */
  public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";

  /** The trust store's format: PKCS12 (the default) or JKS. */
  public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";

  /** Milliseconds to wait for a TCP connection to the registry; default 5000. */
  public static final String CONNECT_TIMEOUT_MS = "schema.registry.connect.timeout.ms";

  /** Milliseconds to wait for the registry's answer to one request; default 10000. */
  public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

  /**
   * Fully qualified class a value deserializer must produce, as Confluent's {@code
   * specific.avro.value.type}.
   */
  public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";

  /** The same for a key deserializer. */
  public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";

  static final boolean AUTO_REGISTER_DEFAULT = false;
  static final long CONNECT_TIMEOUT_DEFAULT_MS = 5_000;
  static final long REQUEST_TIMEOUT_DEFAULT_MS = 10_000;

  private AvroSerdeConfig() {}

  static String registryUrl(Map<String, ?> configs) {
    Object url = configs.get(SCHEMA_REGISTRY_URL);
    if (url == null || url.toString().isBlank()) {
      throw new ConfigException(
          SCHEMA_REGISTRY_URL
              + " is not set: the Avro serde needs the URL of a "
              + "Confluent-compatible schema registry");
    }
    return url.toString().trim();
  }

  static boolean bool(Map<String, ?> configs, String key, boolean defaultValue) {
    Object value = configs.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String text = value.toString().trim();
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw new ConfigException(key, value, "expected true or false");
  }

  static long millis(Map<String, ?> configs, String key, long defaultValue) {
    Object value = configs.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    try {
      return Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key, value, "expected a number of milliseconds");
    }
  }

  static String text(Map<String, ?> configs, String key) {
    Object value = configs.get(key);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  /** Never include the result in a message or log: it holds a password. */
  static String userInfo(Map<String, ?> configs) {
    Object value = configs.get(BASIC_AUTH_USER_INFO);
    if (value == null) {
      value = configs.get(SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO);
    }
    return value == null || value.toString().isEmpty() ? null : value.toString();
  }
}
