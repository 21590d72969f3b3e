package io.followup.sla.config;

import io.followup.sla.serde.AvroSerdeConfig;
import io.followup.sla.streams.EngineSettings;
import io.followup.sla.streams.TopicNames;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The engine's settings: a properties file, overridden by environment variables. A key maps to the
 * variable {@code SLA_} + the key in upper case with dots and dashes as underscores, e.g. {@code
 * kafka.bootstrap-servers} is {@code SLA_KAFKA_BOOTSTRAP_SERVERS}. Secrets belong in the
 * environment or in files read through Kafka's config providers, never in a committed file.
 */
public final class EngineConfig {

  public static final String BOOTSTRAP_SERVERS = "kafka.bootstrap-servers";
  public static final String SCHEMA_REGISTRY_URL = "schema-registry.url";
  public static final String SCHEMA_REGISTRY_USER_INFO = "schema-registry.basic-auth.user-info";
  public static final String SCHEMA_REGISTRY_AUTO_REGISTER = "schema-registry.auto-register";
  public static final String SCHEMA_REGISTRY_TRUSTSTORE_LOCATION =
      "schema-registry.ssl.truststore.location";
  public static final String SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD =
      "schema-registry.ssl.truststore.password";
  public static final String SCHEMA_REGISTRY_TRUSTSTORE_TYPE =
      "schema-registry.ssl.truststore.type";
  public static final String APPLICATION_ID = "application.id";
  public static final String DATA_DIR = "data.dir";
  public static final String HTTP_HOST = "http.host";
  public static final String HTTP_PORT = "http.port";
  public static final String POLICY_FILE = "policy.file";
  public static final String TOPIC_PARTITIONS = "topics.partitions";
  public static final String TOPIC_REPLICATION = "topics.replication-factor";
  public static final String PUNCTUATE_INTERVAL = "engine.punctuate-interval";
  public static final String MAX_DEADLINES_PER_TICK = "engine.max-deadlines-per-tick";
  public static final String DUPLICATE_WINDOW = "engine.duplicate-window";
  public static final String STATE_RETENTION = "engine.state-retention";
  public static final String EMBEDDED_KAFKA_PORT = "embedded.kafka-port";
  public static final String EMBEDDED_REGISTRY_PORT = "embedded.schema-registry-port";
  public static final String METRICS_MAX_REPS = "metrics.max-reps";
  public static final String INSTANCE_ID = "engine.instance-id";
  public static final String MAX_TASK_IDLE = "engine.max-task-idle";
  public static final String SESSION_TIMEOUT = "engine.session-timeout";

  /**
   * Kafka client settings passed through as they are (without the prefix): SASL, TLS, config
   * providers.
   */
  public static final String KAFKA_CLIENT_PREFIX = "kafka.";

  /**
   * Kafka Streams settings passed through as they are (without the prefix), e.g.
   * streams.num.stream.threads.
   */
  public static final String STREAMS_PREFIX = "streams.";

  /**
   * Client keys also read from the environment, since their names cannot be guessed from a variable
   * name.
   */
  private static final String[] KNOWN_CLIENT_KEYS = {
    "kafka.security.protocol",
    "kafka.sasl.mechanism",
    "kafka.sasl.jaas.config",
    "kafka.ssl.truststore.location",
    "kafka.ssl.truststore.password",
    "kafka.ssl.truststore.type",
    "kafka.ssl.keystore.location",
    "kafka.ssl.keystore.password",
    "kafka.ssl.keystore.type",
    "kafka.ssl.key.password",
    "kafka.ssl.endpoint.identification.algorithm",
    "kafka.config.providers",
    "streams.num.stream.threads",
    "streams.replication.factor"
  };

  private static final String[] KNOWN_KEYS = {
    BOOTSTRAP_SERVERS,
    SCHEMA_REGISTRY_URL,
    SCHEMA_REGISTRY_USER_INFO,
    SCHEMA_REGISTRY_AUTO_REGISTER,
    SCHEMA_REGISTRY_TRUSTSTORE_LOCATION,
    SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD,
    SCHEMA_REGISTRY_TRUSTSTORE_TYPE,
    APPLICATION_ID,
    DATA_DIR,
    HTTP_HOST,
    HTTP_PORT,
    POLICY_FILE,
    TOPIC_PARTITIONS,
    TOPIC_REPLICATION,
    PUNCTUATE_INTERVAL,
    MAX_DEADLINES_PER_TICK,
    DUPLICATE_WINDOW,
    STATE_RETENTION,
    EMBEDDED_KAFKA_PORT,
    EMBEDDED_REGISTRY_PORT,
    METRICS_MAX_REPS,
    INSTANCE_ID,
    MAX_TASK_IDLE,
    SESSION_TIMEOUT,
    "topics.lead-created",
    "topics.status-changed",
    "topics.content-engaged",
    "topics.rep-touched",
    "topics.reps",
    "topics.policies",
    "topics.alerts",
    "topics.dead-letters",
    "topics.buying-group-members",
    "topics.misplaced-lead-events",
    "topics.weekly-reviews",
    "topics.team-clocks"
  };

  private final Map<String, String> values;

  private EngineConfig(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  public static EngineConfig of(Map<String, String> values) {
    return new EngineConfig(values);
  }

  /** Reads the file (if given), then applies the environment on top. */
  public static EngineConfig load(Optional<Path> file, Map<String, String> environment)
      throws ConfigException {
    Map<String, String> values = new TreeMap<>();
    if (file.isPresent()) {
      Properties properties = new Properties();
      try (Reader reader = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
        properties.load(reader);
      } catch (NoSuchFileException e) {
        throw new ConfigException("config file " + file.get() + " does not exist");
      } catch (IOException | IllegalArgumentException e) {
        throw new ConfigException("cannot read config file " + file.get() + ": " + e.getMessage());
      }
      properties
          .stringPropertyNames()
          .forEach(k -> values.put(k, properties.getProperty(k).trim()));
    }
    for (String[] keys : new String[][] {KNOWN_KEYS, KNOWN_CLIENT_KEYS}) {
      for (String key : keys) {
        String fromEnv = environment.get(environmentName(key));
        if (fromEnv != null && !fromEnv.isBlank()) {
          values.put(key, fromEnv.trim());
        }
      }
    }
    EngineConfig config = new EngineConfig(values);
    config.validate();
    return config;
  }

  public static String environmentName(String key) {
    return "SLA_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private void validate() throws ConfigException {
    intValue(HTTP_PORT, 8080);
    intValue(TOPIC_PARTITIONS, 3);
    intValue(MAX_DEADLINES_PER_TICK, EngineSettings.DEFAULTS.maxDeadlinesPerTick());
    duration(PUNCTUATE_INTERVAL, EngineSettings.DEFAULTS.punctuateInterval());
    duration(DUPLICATE_WINDOW, EngineSettings.DEFAULTS.duplicateWindow());
    duration(MAX_TASK_IDLE, Duration.ZERO);
    duration(SESSION_TIMEOUT, Duration.ZERO);
    replicationFactor();
    if (intValue(METRICS_MAX_REPS, 0) < 0) {
      throw new ConfigException(METRICS_MAX_REPS + " cannot be negative");
    }
    if (get(BOOTSTRAP_SERVERS).isPresent() != get(SCHEMA_REGISTRY_URL).isPresent()) {
      throw new ConfigException(
          "set both "
              + BOOTSTRAP_SERVERS
              + " and "
              + SCHEMA_REGISTRY_URL
              + " to join existing infrastructure, or neither to start the embedded default");
    }
  }

  /**
   * The replication factor for the topics the engine creates (its own and Kafka Streams' internal
   * ones), or empty for the cluster's default.
   */
  public Optional<Short> replicationFactor() throws ConfigException {
    if (get(TOPIC_REPLICATION).isEmpty()) {
      return Optional.empty();
    }
    int factor = intValue(TOPIC_REPLICATION, 0);
    if (factor < 1 || factor > Short.MAX_VALUE) {
      throw new ConfigException(
          TOPIC_REPLICATION + " must be a whole number of replicas from 1, not " + factor);
    }
    return Optional.of((short) factor);
  }

  /** True when no external Kafka is configured: the engine brings its own broker and registry. */
  public boolean embedded() {
    return get(BOOTSTRAP_SERVERS).isEmpty();
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
  }

  public String get(String key, String fallback) {
    return get(key).orElse(fallback);
  }

  public int intValue(String key, int fallback) throws ConfigException {
    Optional<String> v = get(key);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.get());
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " must be a whole number, not '" + v.get() + "'");
    }
  }

  public Duration duration(String key, Duration fallback) throws ConfigException {
    Optional<String> v = get(key);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      return Duration.parse(v.get());
    } catch (DateTimeParseException e) {
      throw new ConfigException(
          key + " must be an ISO-8601 duration such as PT1S, not '" + v.get() + "'");
    }
  }

  public boolean bool(String key, boolean fallback) {
    return get(key).map(Boolean::parseBoolean).orElse(fallback);
  }

  /** The configured application id, or the default one. */
  public String applicationId() {
    return get(APPLICATION_ID, TopicNames.DEFAULT_APPLICATION_ID);
  }

  public TopicNames topics() {
    return TopicNames.from(values);
  }

  public EngineSettings engineSettings() throws ConfigException {
    try {
      return new EngineSettings(
          duration(PUNCTUATE_INTERVAL, EngineSettings.DEFAULTS.punctuateInterval()),
          intValue(MAX_DEADLINES_PER_TICK, EngineSettings.DEFAULTS.maxDeadlinesPerTick()),
          duration(DUPLICATE_WINDOW, EngineSettings.DEFAULTS.duplicateWindow()),
          duration(STATE_RETENTION, EngineSettings.DEFAULTS.stateRetention()));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  /** Kafka client settings: every {@code kafka.*} key but the bootstrap servers, prefix removed. */
  public Map<String, Object> kafkaClientProperties() {
    return withPrefix(KAFKA_CLIENT_PREFIX, BOOTSTRAP_SERVERS);
  }

  /**
   * The registry client's settings under the serde's (Confluent's) names: basic-auth credentials
   * and a trust store for HTTPS. Values may name Kafka config providers, e.g. {@code
   * ${file:/run/secrets/registry.properties:user-info}}, resolved with the providers the {@code
   * kafka.config.providers} keys define, so one mechanism keeps every secret out of the file.
   */
  public Map<String, Object> schemaRegistryClientConfig() throws ConfigException {
    Map<String, Object> raw = new HashMap<>();
    get(SCHEMA_REGISTRY_USER_INFO).ifPresent(v -> raw.put(AvroSerdeConfig.BASIC_AUTH_USER_INFO, v));
    get(SCHEMA_REGISTRY_TRUSTSTORE_LOCATION)
        .ifPresent(v -> raw.put(AvroSerdeConfig.SSL_TRUSTSTORE_LOCATION, v));
    get(SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD)
        .ifPresent(v -> raw.put(AvroSerdeConfig.SSL_TRUSTSTORE_PASSWORD, v));
    get(SCHEMA_REGISTRY_TRUSTSTORE_TYPE)
        .ifPresent(v -> raw.put(AvroSerdeConfig.SSL_TRUSTSTORE_TYPE, v));
    if (raw.isEmpty()) {
      return raw;
    }
    Set<String> registryKeys = Set.copyOf(raw.keySet());
    kafkaClientProperties()
        .forEach(
            (k, v) -> {
              if (k.startsWith(AbstractConfig.CONFIG_PROVIDERS_CONFIG)) {
                raw.put(k, v);
              }
            });
    try {
      // Kafka's own resolution of ${provider:path:key}, the same the Kafka clients apply.
      Map<String, Object> resolved = new AbstractConfig(new ConfigDef(), raw, false).originals();
      resolved.keySet().retainAll(registryKeys);
      return resolved;
    } catch (KafkaException e) {
      throw new ConfigException(
          "cannot resolve the schema-registry settings with the kafka.config.providers: "
              + e.getMessage());
    }
  }

  /** Kafka Streams settings: every {@code streams.*} key, prefix removed. */
  public Map<String, Object> streamsProperties() {
    return withPrefix(STREAMS_PREFIX, null);
  }

  private Map<String, Object> withPrefix(String prefix, String except) {
    Map<String, Object> out = new TreeMap<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith(prefix) && !k.equals(except)) {
            out.put(k.substring(prefix.length()), v);
          }
        });
    return out;
  }

  /** This config with some values set (used by the embedded default to point at its own broker). */
  public EngineConfig with(Map<String, String> overrides) {
    Map<String, String> merged = new TreeMap<>(values);
    merged.putAll(overrides);
    return new EngineConfig(merged);
  }
}
