package io.followup.sla.cli;

import io.followup.sla.config.EngineConfig;
import io.followup.sla.registry.EmbeddedSchemaRegistry;
import io.followup.sla.registry.ServerTls;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./sla registry}: the project's Confluent-compatible schema registry as a service of its
 * own, on an existing Kafka cluster (its schemas in the compacted {@code _schemas} topic), for a
 * deployment that has no registry yet. The engine, the connectors and Confluent's own clients point
 * {@code schema-registry.url} at it.
 */
@Command(
    name = "registry",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the schema registry alone until Ctrl-C, keeping its schemas in Kafka.",
      "Needs kafka.bootstrap-servers (in --config or as SLA_KAFKA_BOOTSTRAP_SERVERS); listens on"
          + " registry.host:registry.port (0.0.0.0:8081), over HTTPS with"
          + " registry.ssl.keystore.location, behind basic auth with"
          + " registry.basic-auth.user-info."
    })
final class RegistryCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A properties file of settings (see the README).")
  Path config;

  @Override
  public Integer call() throws Exception {
    EngineConfig settings =
        EngineConfig.loadForRegistry(Optional.ofNullable(config), System.getenv());
    EmbeddedSchemaRegistry.Settings registry =
        EmbeddedSchemaRegistry.Settings.defaults()
            .withTopic(settings.string(EngineConfig.REGISTRY_TOPIC))
            .withReplicationFactor(settings.replicationFactor().orElse((short) 1));
    Map<String, Object> secrets = settings.registryServerConfig();
    Object keyStore = secrets.get(EngineConfig.REGISTRY_KEYSTORE_LOCATION);
    try {
      if (keyStore != null) {
        registry =
            registry.withTls(
                ServerTls.fromKeyStore(
                    Path.of(keyStore.toString()),
                    (String) secrets.get(EngineConfig.REGISTRY_KEYSTORE_PASSWORD),
                    (String) secrets.getOrDefault(EngineConfig.REGISTRY_KEYSTORE_TYPE, "PKCS12")));
      }
      Object userInfo = secrets.get(EngineConfig.REGISTRY_USER_INFO);
      if (userInfo != null) {
        registry = registry.withBasicAuth(userInfo.toString());
      }
    } catch (RuntimeException e) {
      throw new UserError(e.getMessage(), e);
    }

    PrintWriter status = spec.commandLine().getErr();
    ShutdownSignal signal = ShutdownSignal.install();
    try {
      EmbeddedSchemaRegistry server;
      try {
        server =
            EmbeddedSchemaRegistry.start(
                settings.get(EngineConfig.BOOTSTRAP_SERVERS).orElseThrow(),
                settings.kafkaClientProperties(),
                settings.string(EngineConfig.REGISTRY_HOST),
                settings.intValue(EngineConfig.REGISTRY_PORT),
                registry);
      } catch (RuntimeException e) {
        throw new UserError(e.getMessage(), e);
      }
      try (server) {
        status.println(
            "Schema registry on "
                + server.url()
                + ", schemas in topic "
                + registry.topic()
                + "; Ctrl-C stops it.");
        signal.awaitRequest();
        status.println("Stopping...");
      }
    } finally {
      signal.closed();
    }
    return 0;
  }
}
