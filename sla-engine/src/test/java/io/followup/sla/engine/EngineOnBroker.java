package io.followup.sla.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.config.EngineConfig;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.PolicyHolder;
import io.followup.sla.registry.EmbeddedSchemaRegistry;
import io.followup.sla.serde.HttpSchemaRegistryClient;
import io.followup.sla.serde.SchemaRegistryClient;
import io.followup.sla.serde.SpecificAvroDeserializer;
import io.followup.sla.streams.EventPublisher;
import io.followup.sla.streams.TopicNames;
import io.followup.sla.testing.InJvmKafka;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The engine on a real broker, as the engine's integration tests run it: an in-JVM KRaft broker,
 * the embedded registry over it, then an engine with the settings that keep a test short (a scan
 * every 0.2 s, a commit every 100 ms, one replica), a publisher through the project's serde, and
 * readers of the alert and dead-letter topics that see only committed records. The broker starts
 * first and the engine on request, so a test can shape topics the engine must find.
 */
final class EngineOnBroker implements AutoCloseable {

  private final InJvmKafka kafka;
  private final EmbeddedSchemaRegistry registryServer;
  private final SchemaRegistryClient registry;
  private SlaEngine engine;
  private EventPublisher publisher;

  private EngineOnBroker(InJvmKafka kafka, EmbeddedSchemaRegistry registryServer) {
    this.kafka = kafka;
    this.registryServer = registryServer;
    this.registry = new HttpSchemaRegistryClient(registryServer.url());
  }

  /** A broker and a registry over it; no engine yet. */
  static EngineOnBroker start() throws Exception {
    InJvmKafka kafka = InJvmKafka.start();
    try {
      return new EngineOnBroker(
          kafka, EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), Map.of(), "localhost", 0));
    } catch (Exception | Error e) {
      kafka.close();
      throw e;
    }
  }

  /**
   * The engine's settings for this broker and registry, data under {@code dataDir} and a fresh
   * application id starting {@code appId}; a map the caller may add to before {@link
   * EngineConfig#of}.
   */
  Map<String, String> settings(Path dataDir, String appId) {
    Map<String, String> settings = new HashMap<>();
    settings.put(EngineConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
    settings.put(EngineConfig.SCHEMA_REGISTRY_URL, registryServer.url());
    settings.put(EngineConfig.SCHEMA_REGISTRY_AUTO_REGISTER, "true");
    settings.put(EngineConfig.DATA_DIR, dataDir.toString());
    settings.put(EngineConfig.APPLICATION_ID, appId + "-" + UUID.randomUUID());
    settings.put(EngineConfig.PUNCTUATE_INTERVAL, "PT0.2S");
    settings.put("streams.commit.interval.ms", "100");
    return settings;
  }

  /**
   * Starts an engine the caller closes, with one replica (one broker) and waits until it runs; for
   * a test that stops and starts engines of its own.
   */
  SlaEngine launch(EngineConfig config, PolicyHolder policy, MeterRegistry meters)
      throws Exception {
    SlaEngine started = SlaEngine.start(config, policy, registry, meters, Optional.of((short) 1));
    boolean running;
    try {
      running = started.awaitRunning(Duration.ofSeconds(60));
    } catch (Exception | Error e) {
      started.close();
      throw e;
    }
    if (!running) {
      started.close();
    }
    assertThat(running).as("engine running within 60 s").isTrue();
    return started;
  }

  /**
   * Starts the engine this fixture owns and closes, and a publisher to its topics; both live until
   * {@link #close()}.
   */
  SlaEngine startEngine(EngineConfig config, PolicyHolder policy, MeterRegistry meters)
      throws Exception {
    engine = launch(config, policy, meters);
    publisher =
        new EventPublisher(kafka.bootstrapServers(), Map.of(), config.topics(), registry, true);
    return engine;
  }

  InJvmKafka kafka() {
    return kafka;
  }

  String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  String registryUrl() {
    return registryServer.url();
  }

  SchemaRegistryClient registry() {
    return registry;
  }

  SlaEngine engine() {
    return engine;
  }

  EventPublisher publisher() {
    return publisher;
  }

  /** A reader's config: a group of its own, from the earliest offset, committed records only. */
  Map<String, Object> readerConfig() {
    return Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        kafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG,
        "read-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
        "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
        "read_committed");
  }

  /** A consumer of alerts, not yet subscribed. */
  KafkaConsumer<String, SlaAlert> alertConsumer() {
    return new KafkaConsumer<>(
        readerConfig(),
        new StringDeserializer(),
        new SpecificAvroDeserializer<>(registry, SlaAlert.class));
  }

  /** Every alert on {@code topics}' alert topic that a reader sees within {@code window}. */
  List<SlaAlert> readAlerts(TopicNames topics, Duration window) {
    List<SlaAlert> alerts = new ArrayList<>();
    try (KafkaConsumer<String, SlaAlert> consumer = alertConsumer()) {
      consumer.subscribe(List.of(topics.alerts()));
      pollFor(
          window, () -> consumer.poll(Duration.ofMillis(200)).forEach(r -> alerts.add(r.value())));
    }
    return alerts;
  }

  /**
   * Every dead letter on the default dead-letter topic that a reader sees within {@code window}.
   */
  List<ConsumerRecord<byte[], byte[]>> readDeadLetters(Duration window) {
    List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            readerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(TopicNames.DEFAULTS.deadLetters()));
      pollFor(window, () -> consumer.poll(Duration.ofMillis(200)).forEach(letters::add));
    }
    return letters;
  }

  /**
   * Repeats {@code poll} until {@code window} has passed: the topic has no end to wait for, so a
   * reader takes what arrives in that time.
   */
  static void pollFor(Duration window, Runnable poll) {
    long until = System.nanoTime() + window.toNanos();
    while (System.nanoTime() - until < 0) {
      poll.run();
    }
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {publisher, engine, registryServer, kafka}) {
      if (c != null) {
        c.close();
      }
    }
  }
}
