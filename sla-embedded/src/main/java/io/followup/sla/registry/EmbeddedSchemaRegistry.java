package io.followup.sla.registry;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema registry of the embedded default: the registry's rules on a {@link
 * KafkaTopicSchemaStore}, served over HTTP by a {@link SchemaRegistryHttpServer}. Run one instance
 * per topic: it is the only writer.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

  public static final String DEFAULT_TOPIC = "_schemas";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);

  /**
   * What may differ from the defaults.
   *
   * @param topic the compacted topic the schemas live in
   * @param replicationFactor its replication factor, when the registry creates it
   * @param timeout how long reaching Kafka, reading the topic and each write may take
   * @param access HTTPS and basic auth, or neither ({@link SchemaRegistryHttpServer.Access#OPEN})
   */
  public record Settings(
      String topic,
      short replicationFactor,
      Duration timeout,
      SchemaRegistryHttpServer.Access access) {

    public Settings(String topic, short replicationFactor, Duration timeout) {
      this(topic, replicationFactor, timeout, SchemaRegistryHttpServer.Access.OPEN);
    }

    public Settings {
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(timeout, "timeout");
      Objects.requireNonNull(access, "access");
      if (replicationFactor < 1) {
        throw new IllegalArgumentException(
            "replication factor must be at least 1, not " + replicationFactor);
      }
    }

    /** Topic {@value EmbeddedSchemaRegistry#DEFAULT_TOPIC}, replication factor 1, 30 seconds. */
    public static Settings defaults() {
      return new Settings(DEFAULT_TOPIC, (short) 1, Duration.ofSeconds(30));
    }

    public Settings withTopic(String topic) {
      return new Settings(topic, replicationFactor, timeout, access);
    }

    public Settings withReplicationFactor(int replicationFactor) {
      return new Settings(topic, (short) replicationFactor, timeout, access);
    }

    public Settings withTimeout(Duration timeout) {
      return new Settings(topic, replicationFactor, timeout, access);
    }

    /** Served over HTTPS with {@code tls}. */
    public Settings withTls(SSLContext tls) {
      return new Settings(topic, replicationFactor, timeout, access.withTls(tls));
    }

    /** Every request must carry these basic-auth credentials ({@code user:password}). */
    public Settings withBasicAuth(String userInfo) {
      return new Settings(topic, replicationFactor, timeout, access.withBasicAuth(userInfo));
    }
  }

  private final KafkaTopicSchemaStore store;
  private final SchemaRegistry registry;
  private final SchemaRegistryHttpServer server;
  private boolean closed;

  private EmbeddedSchemaRegistry(
      KafkaTopicSchemaStore store, SchemaRegistry registry, SchemaRegistryHttpServer server) {
    this.store = store;
    this.registry = registry;
    this.server = server;
  }

  /** {@link #start(String, Map, String, int, Settings)} with {@link Settings#defaults()}. */
  public static EmbeddedSchemaRegistry start(
      String bootstrapServers, Map<String, Object> kafkaClientProps, String host, int port) {
    return start(bootstrapServers, kafkaClientProps, host, port, Settings.defaults());
  }

  /**
   * Reads the schemas topic to its end (creating it if missing), then serves the registry on {@code
   * host:port}; port 0 picks a free one, which {@link #url()} names.
   *
   * @param kafkaClientProps extra settings for the Kafka clients, e.g. SASL or TLS; may be empty
   * @throws SchemaRegistryStartException with a one-line message when Kafka or the port is unusable
   */
  public static EmbeddedSchemaRegistry start(
      String bootstrapServers,
      Map<String, Object> kafkaClientProps,
      String host,
      int port,
      Settings settings) {
    KafkaTopicSchemaStore store;
    try {
      store =
          KafkaTopicSchemaStore.open(
              bootstrapServers,
              kafkaClientProps,
              settings.topic(),
              settings.replicationFactor(),
              settings.timeout());
    } catch (KafkaException e) {
      throw new SchemaRegistryStartException("schema registry cannot start: " + e.getMessage(), e);
    }
    try {
      SchemaRegistry registry = new SchemaRegistry(store);
      SchemaRegistryHttpServer server =
          SchemaRegistryHttpServer.start(registry, host, port, settings.access());
      log.info(
          "Schema registry serving {} ({} schemas, {} subjects, stored in topic {})",
          server.url(),
          registry.schemaCount(),
          registry.subjects().size(),
          settings.topic());
      return new EmbeddedSchemaRegistry(store, registry, server);
    } catch (IOException e) {
      store.close();
      throw new SchemaRegistryStartException(
          "schema registry cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** The base URL for clients, e.g. {@code http://localhost:8081}. */
  public String url() {
    return server.url();
  }

  /** The registry itself, for in-process use (see {@link InProcessSchemaRegistryClient}). */
  public SchemaRegistry registry() {
    return registry;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.close();
    store.close();
    log.info("Schema registry at {} stopped", server.url());
  }
}
