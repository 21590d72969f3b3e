package io.followup.sla.config;

import io.followup.sla.access.Users;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
  public static final String HTTP_ADVERTISED_HOST = "http.advertised-host";
  public static final String HTTP_USERS_FILE = "http.users-file";
  public static final String HTTP_USERS = "http.users";
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
  public static final String REGISTRY_HOST = "registry.host";
  public static final String REGISTRY_PORT = "registry.port";
  public static final String REGISTRY_TOPIC = "registry.topic";
  public static final String REGISTRY_USER_INFO = "registry.basic-auth.user-info";
  public static final String REGISTRY_KEYSTORE_LOCATION = "registry.ssl.keystore.location";
  public static final String REGISTRY_KEYSTORE_PASSWORD = "registry.ssl.keystore.password";
  public static final String REGISTRY_KEYSTORE_TYPE = "registry.ssl.keystore.type";

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

  private final Map<String, String> values;

  private EngineConfig(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  public static EngineConfig of(Map<String, String> values) {
    return new EngineConfig(values);
  }

  /** Reads the file (if given), then applies the environment on top: the engine's settings. */
  public static EngineConfig load(Optional<Path> file, Map<String, String> environment)
      throws ConfigException {
    EngineConfig config = read(file, environment);
    config.requireRegistryWithKafka();
    return config;
  }

  /**
   * The settings of the schema registry run as a service of its own ({@code ./sla registry}): the
   * same file and environment, but it needs Kafka and is itself the registry.
   */
  public static EngineConfig loadForRegistry(Optional<Path> file, Map<String, String> environment)
      throws ConfigException {
    EngineConfig config = read(file, environment);
    if (config.get(BOOTSTRAP_SERVERS).isEmpty()) {
      throw new ConfigException(
          "the registry keeps its schemas in Kafka: set "
              + BOOTSTRAP_SERVERS
              + " (or "
              + environmentName(BOOTSTRAP_SERVERS)
              + ")");
    }
    config.intValue(REGISTRY_PORT, 8081);
    return config;
  }

  private static EngineConfig read(Optional<Path> file, Map<String, String> environment)
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
    Set<String> fromEnvironment = new TreeSet<>(EngineConfigDef.DEFINITION.names());
    fromEnvironment.addAll(List.of(KNOWN_CLIENT_KEYS));
    for (String key : fromEnvironment) {
      String fromEnv = environment.get(environmentName(key));
      if (fromEnv != null && !fromEnv.isBlank()) {
        values.put(key, fromEnv.trim());
      }
    }
    EngineConfig config = new EngineConfig(values);
    config.validate();
    return config;
  }

  public static String environmentName(String key) {
    return "SLA_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /**
   * Checks every declared setting against its definition (type, range, form); the first that does
   * not fit is the one-line message.
   */
  private void validate() throws ConfigException {
    Map<String, String> declared = new HashMap<>();
    values.forEach(
        (k, v) -> {
          if (EngineConfigDef.DEFINITION.names().contains(k) && !v.isBlank()) {
            declared.put(k, v);
          }
        });
    try {
      EngineConfigDef.DEFINITION.parse(declared);
    } catch (org.apache.kafka.common.config.ConfigException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  private void requireRegistryWithKafka() throws ConfigException {
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
          "Invalid value "
              + factor
              + " for configuration "
              + TOPIC_REPLICATION
              + ": Value must be at least 1");
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

  /** The setting, or its declared default. */
  public String string(String key) {
    return get(key).orElseGet(() -> (String) declaredDefault(key));
  }

  /** The setting as a number, or its declared default. */
  public int intValue(String key) throws ConfigException {
    return intValue(key, (Integer) declaredDefault(key));
  }

  /** The setting as a duration, or its declared default. */
  public Duration duration(String key) throws ConfigException {
    return duration(key, Duration.parse((String) declaredDefault(key)));
  }

  private static Object declaredDefault(String key) {
    ConfigDef.ConfigKey declared = EngineConfigDef.DEFINITION.configKeys().get(key);
    if (declared == null || declared.defaultValue == null) {
      throw new IllegalArgumentException(key + " has no declared default");
    }
    return declared.defaultValue;
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
          duration(PUNCTUATE_INTERVAL),
          intValue(MAX_DEADLINES_PER_TICK),
          duration(DUPLICATE_WINDOW),
          duration(STATE_RETENTION));
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
    return resolvedWithProviders(raw, "schema-registry");
  }

  /**
   * The registry server's own secrets ({@code registry.basic-auth.user-info}, {@code
   * registry.ssl.keystore.*}), present ones only, with config-provider references resolved as for
   * the client.
   */
  public Map<String, Object> registryServerConfig() throws ConfigException {
    Map<String, Object> raw = new HashMap<>();
    for (String key :
        new String[] {
          REGISTRY_USER_INFO,
          REGISTRY_KEYSTORE_LOCATION,
          REGISTRY_KEYSTORE_PASSWORD,
          REGISTRY_KEYSTORE_TYPE
        }) {
      get(key).ifPresent(v -> raw.put(key, v));
    }
    return resolvedWithProviders(raw, "registry");
  }

  /**
   * {@code raw} with every {@code ${provider:path:key}} resolved through the providers that the
   * {@code kafka.config.providers} keys define: Kafka's own resolution, the same the Kafka clients
   * apply, so one mechanism keeps every secret out of the file.
   */
  private Map<String, Object> resolvedWithProviders(Map<String, Object> raw, String what)
      throws ConfigException {
    if (raw.isEmpty()) {
      return raw;
    }
    Set<String> ownKeys = Set.copyOf(raw.keySet());
    kafkaClientProperties()
        .forEach(
            (k, v) -> {
              if (k.startsWith(AbstractConfig.CONFIG_PROVIDERS_CONFIG)) {
                raw.put(k, v);
              }
            });
    try {
      Map<String, Object> resolved = new AbstractConfig(new ConfigDef(), raw, false).originals();
      resolved.keySet().retainAll(ownKeys);
      return resolved;
    } catch (KafkaException e) {
      throw new ConfigException(
          "cannot resolve the "
              + what
              + " settings with the kafka.config.providers: "
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

  /**
   * The logins of the query API: the lines of {@code http.users-file}, then those of {@code
   * http.users} (lines separated by {@code ;} or newlines, e.g. from {@code SLA_HTTP_USERS}). None
   * configured means the API refuses everyone.
   */
  public Users users() throws ConfigException {
    List<String> lines = new ArrayList<>();
    Optional<String> file = get(HTTP_USERS_FILE);
    if (file.isPresent()) {
      try {
        lines.addAll(Files.readAllLines(Path.of(file.get()), StandardCharsets.UTF_8));
      } catch (NoSuchFileException e) {
        throw new ConfigException(HTTP_USERS_FILE + " " + file.get() + " does not exist");
      } catch (IOException e) {
        throw new ConfigException("cannot read " + HTTP_USERS_FILE + " " + file.get());
      }
    }
    get(HTTP_USERS).ifPresent(inline -> lines.addAll(List.of(inline.split("[;\\n]"))));
    try {
      return Users.parse(lines);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("the query API's logins: " + e.getMessage());
    }
  }

  /** This config with some values set (used by the embedded default to point at its own broker). */
  public EngineConfig with(Map<String, String> overrides) {
    Map<String, String> merged = new TreeMap<>(values);
    merged.putAll(overrides);
    return new EngineConfig(merged);
  }
}
