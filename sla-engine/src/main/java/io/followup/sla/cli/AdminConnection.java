package io.followup.sla.cli;

import io.followup.sla.config.EngineConfig;
import io.followup.sla.serde.AvroSerdeConfig;
import io.followup.sla.serde.HttpSchemaRegistryClient;
import io.followup.sla.streams.EventPublisher;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the admin commands ({@code policy publish}, {@code reps import}) write: the configured
 * Kafka and registry, or the embedded default of a running {@code ./sla run} or {@code ./sla demo}
 * on this machine.
 */
final class AdminConnection {

  static final String LOCAL_KAFKA = "localhost:9092";
  static final String LOCAL_REGISTRY = "http://localhost:8081";

  private AdminConnection() {}

  static EventPublisher publisher(EngineConfig config) {
    boolean local = config.embedded();
    String bootstrap = config.get(EngineConfig.BOOTSTRAP_SERVERS, LOCAL_KAFKA);
    String registryUrl = config.get(EngineConfig.SCHEMA_REGISTRY_URL, LOCAL_REGISTRY);
    Map<String, Object> registryConfig = new HashMap<>();
    config
        .get(EngineConfig.SCHEMA_REGISTRY_USER_INFO)
        .ifPresent(v -> registryConfig.put(AvroSerdeConfig.BASIC_AUTH_USER_INFO, v));
    HttpSchemaRegistryClient registry = new HttpSchemaRegistryClient(registryUrl, registryConfig);
    try {
      registry.subjects();
    } catch (RuntimeException e) {
      throw new UserError(
          "the schema registry at "
              + registryUrl
              + " is unreachable"
              + (local ? " (is ./sla run or ./sla demo running?)" : "")
              + ": "
              + e.getMessage());
    }
    boolean autoRegister = config.bool(EngineConfig.SCHEMA_REGISTRY_AUTO_REGISTER, local);
    return new EventPublisher(
        bootstrap, config.kafkaClientProperties(), config.topics(), registry, autoRegister);
  }
}
