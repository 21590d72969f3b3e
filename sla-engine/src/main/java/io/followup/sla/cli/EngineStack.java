package io.followup.sla.cli;

import io.followup.sla.access.Users;
import io.followup.sla.config.ConfigException;
import io.followup.sla.config.EngineConfig;
import io.followup.sla.embedded.EmbeddedKafkaBroker;
import io.followup.sla.engine.SlaEngine;
import io.followup.sla.http.ApiHandler;
import io.followup.sla.http.HttpEndpoints;
import io.followup.sla.metrics.EngineMeters;
import io.followup.sla.policy.PolicyHolder;
import io.followup.sla.registry.EmbeddedSchemaRegistry;
import io.followup.sla.serde.SchemaRegistryClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Everything {@code ./sla run} and {@code ./sla demo} start: the embedded broker and schema
 * registry when no external ones are configured, then the engine and its HTTP endpoints. Closes in
 * reverse order.
 */
final class EngineStack implements AutoCloseable {

  /** How often a start-up that takes long says it is still waiting. */
  private static final Duration STATUS_PERIOD = Duration.ofSeconds(60);

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private EngineConfig config;
  private SchemaRegistryClient registry;
  private SlaEngine engine;
  private HttpEndpoints http;

  private EngineStack() {}

  static EngineStack start(EngineConfig config, PolicyHolder policy, StatusLine status)
      throws ConfigException, InterruptedException {
    EngineStack stack = new EngineStack();
    try {
      stack.startAll(config, policy, status);
      return stack;
    } catch (RuntimeException | ConfigException | InterruptedException e) {
      stack.close();
      throw e;
    }
  }

  private void startAll(EngineConfig base, PolicyHolder policy, StatusLine status)
      throws ConfigException, InterruptedException {
    LogFiles.keepIn(Path.of(base.string(EngineConfig.DATA_DIR)).resolve("logs"));
    boolean embedded = base.embedded();
    config = embedded ? startEmbedded(base, status) : base;

    registry =
        AdminConnection.registry(
            config, config.get(EngineConfig.SCHEMA_REGISTRY_URL).orElseThrow(), "");

    EngineMeters meters =
        EngineMeters.prometheus(
            config.topics().all(),
            config.get(EngineConfig.APPLICATION_ID, SlaEngine.DEFAULT_APPLICATION_ID));
    started.push(meters);

    engine =
        SlaEngine.start(
            config,
            policy,
            registry,
            meters.registry(),
            // The embedded broker is a single node; an external cluster takes the configured
            // factor, or its own default.
            embedded ? Optional.of((short) 1) : config.replicationFactor());
    started.push(engine);
    Users users = config.users();
    http =
        HttpEndpoints.start(
            config.string(EngineConfig.HTTP_HOST),
            config.intValue(EngineConfig.HTTP_PORT),
            meters.registry(),
            engine::whyNotReady,
            Optional.of(new ApiHandler(users, engine.queryApi(policy))));
    started.push(http);
    status.say(
        "Engine HTTP on http://localhost:"
            + http.port()
            + " (/metrics, /health/live, /health/ready; /api/ with "
            + (users.isEmpty() ? "no logins: set http.users-file" : users.size() + " login(s)")
            + ")");
  }

  /**
   * Waits until the engine runs, however long that takes, saying so every minute.
   *
   * @return false when {@code stop} ended the wait (Ctrl-C) before the engine ran
   */
  boolean awaitRunning(StatusLine status, BooleanSupplier stop) throws InterruptedException {
    return StartupWait.untilRunning(
        engine::awaitRunning, engine::state, STATUS_PERIOD, status, stop);
  }

  private EngineConfig startEmbedded(EngineConfig base, StatusLine status) throws ConfigException {
    Path dataDir = Path.of(base.string(EngineConfig.DATA_DIR));
    int kafkaPort = base.intValue(EngineConfig.EMBEDDED_KAFKA_PORT);
    int registryPort = base.intValue(EngineConfig.EMBEDDED_REGISTRY_PORT);
    long t0 = System.nanoTime();
    EmbeddedKafkaBroker broker;
    try {
      broker =
          EmbeddedKafkaBroker.builder(dataDir.resolve("kafka")).port(kafkaPort).build().start();
    } catch (RuntimeException e) {
      throw new UserError(e.getMessage(), e);
    }
    started.push(broker);
    status.say(
        "Kafka broker on "
            + broker.bootstrapServers()
            + " (data in "
            + dataDir.resolve("kafka")
            + ", started in "
            + Duration.ofNanos(System.nanoTime() - t0).toMillis()
            + " ms)");
    EmbeddedSchemaRegistry registryServer;
    try {
      registryServer =
          EmbeddedSchemaRegistry.start(
              broker.bootstrapServers(), Map.of(), "localhost", registryPort);
    } catch (RuntimeException e) {
      throw new UserError(e.getMessage(), e);
    }
    started.push(registryServer);
    status.say("Schema registry on " + registryServer.url());
    return base.with(
        Map.of(
            EngineConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers(),
            EngineConfig.SCHEMA_REGISTRY_URL, registryServer.url(),
            EngineConfig.SCHEMA_REGISTRY_AUTO_REGISTER,
                base.get(EngineConfig.SCHEMA_REGISTRY_AUTO_REGISTER, "true"),
            EngineConfig.DATA_DIR, dataDir.toString()));
  }

  EngineConfig config() {
    return config;
  }

  SchemaRegistryClient registry() {
    return registry;
  }

  SlaEngine engine() {
    return engine;
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        // Keep closing the rest: a half-closed stack would leave a broker holding the port.
        org.slf4j.LoggerFactory.getLogger(EngineStack.class)
            .warn("Error while stopping: {}", e.getMessage());
      }
    }
  }

  /** Where start-up progress goes: the terminal for a person. */
  @FunctionalInterface
  interface StatusLine {
    void say(String line);
  }
}
