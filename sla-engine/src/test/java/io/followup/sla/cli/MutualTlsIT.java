package io.followup.sla.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.followup.sla.config.EngineConfig;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.PolicyHolder;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.registry.EmbeddedSchemaRegistry;
import io.followup.sla.serde.HttpSchemaRegistryClient;
import io.followup.sla.serde.SpecificAvroDeserializer;
import io.followup.sla.streams.EventPublisher;
import io.followup.sla.streams.TopicNames;
import io.followup.sla.testing.SecureKafka;
import io.followup.sla.testing.TestTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine on a broker that asks every client for a certificate (mutual TLS), its key store's
 * password given only in the environment; and an admin command without a certificate refused in one
 * line.
 */
class MutualTlsIT {

  private static final String ENGINE = "sla-engine";

  @TempDir static Path dir;

  private static SecureKafka kafka;
  private static EmbeddedSchemaRegistry registryServer;

  @BeforeAll
  static void start() throws Exception {
    kafka = SecureKafka.mutualTls(dir.resolve("tls"), ENGINE);
    registryServer =
        EmbeddedSchemaRegistry.start(
            kafka.bootstrapServers(),
            new HashMap<>(
                SecureKafka.mutualTlsClient(kafka.tls(), kafka.tls().existing(SecureKafka.ADMIN))),
            "localhost",
            0);
  }

  @AfterAll
  static void stop() throws Exception {
    if (registryServer != null) {
      registryServer.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void theEngineConnectsWithItsCertificateAndAlerts() throws Exception {
    TestTls.Identity engine = kafka.tls().existing(ENGINE);
    Path file = dir.resolve("engine.properties");
    Files.writeString(
        file,
        String.join(
            "\n",
            "kafka.bootstrap-servers=" + kafka.bootstrapServers(),
            "schema-registry.url=" + registryServer.url(),
            "schema-registry.auto-register=true",
            "kafka.security.protocol=SSL",
            "kafka.ssl.keystore.location=" + engine.keyStore(),
            "kafka.ssl.keystore.type=PKCS12",
            "kafka.ssl.truststore.location=" + kafka.tls().trustStore(),
            "kafka.ssl.truststore.type=PKCS12",
            "application.id=mtls-sla",
            "data.dir=" + dir.resolve("engine"),
            "http.host=127.0.0.1",
            "http.port=0",
            "engine.punctuate-interval=PT0.2S",
            "streams.commit.interval.ms=100"));
    // The passwords come from the environment, as SLA_<KEY> variables.
    Map<String, String> environment =
        Map.of(
            EngineConfig.environmentName("kafka.ssl.keystore.password"), engine.password(),
            EngineConfig.environmentName("kafka.ssl.key.password"), engine.password(),
            EngineConfig.environmentName("kafka.ssl.truststore.password"),
                kafka.tls().trustStorePassword());
    EngineConfig config = EngineConfig.load(Optional.of(file), environment);
    Map<String, Object> admin =
        SecureKafka.mutualTlsClient(kafka.tls(), kafka.tls().existing(SecureKafka.ADMIN));
    HttpSchemaRegistryClient registry = new HttpSchemaRegistryClient(registryServer.url());
    try (EngineStack stack =
            EngineStack.start(
                config,
                new PolicyHolder(
                    PolicyLoader.parse(
                        """
                        policyId: mtls
                        version: "m-1"
                        rules:
                          first-touch:
                            sla: PT2S
                        """,
                        "mtls")),
                line -> {});
        EventPublisher events =
            new EventPublisher(
                kafka.bootstrapServers(), admin, TopicNames.DEFAULTS, registry, true)) {
      events.send(
          LeadCreated.newBuilder()
              .setEventId(UUID.randomUUID().toString())
              .setLeadId("L-mtls")
              .setOccurredAt(Instant.now())
              .setSource("INBOUND_FORM")
              .setOwnerRepId("R-MTLS")
              .build());
      events.flush();
      Map<String, Object> props = new HashMap<>(admin);
      props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
      props.put(ConsumerConfig.GROUP_ID_CONFIG, "alerts-" + UUID.randomUUID());
      props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      List<SlaAlert> alerts = new ArrayList<>();
      try (KafkaConsumer<String, SlaAlert> consumer =
          new KafkaConsumer<>(
              props,
              new StringDeserializer(),
              new SpecificAvroDeserializer<>(registry, SlaAlert.class))) {
        consumer.subscribe(List.of(TopicNames.DEFAULTS.alerts()));
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () -> {
                  consumer.poll(Duration.ofMillis(200)).forEach(r -> alerts.add(r.value()));
                  assertThat(alerts)
                      .anyMatch(
                          a -> a.getLeadId().equals("L-mtls") && a.getKind().equals("BREACHED"));
                });
      }
      assertThat(stack.engine().isRunning()).isTrue();
    }
  }

  @Test
  void anAdminCommandWithoutACertificateIsRefusedInOneLine() throws Exception {
    Path policy = dir.resolve("policy.yaml");
    Files.writeString(
        policy, "policyId: mtls\nversion: \"m-2\"\nrules:\n  first-touch:\n    sla: PT2S\n");
    Path file = dir.resolve("no-certificate.properties");
    Files.writeString(
        file,
        String.join(
            "\n",
            "kafka.bootstrap-servers=" + kafka.bootstrapServers(),
            "schema-registry.url=" + registryServer.url(),
            "schema-registry.auto-register=true",
            "kafka.security.protocol=SSL",
            "kafka.ssl.truststore.location=" + kafka.tls().trustStore(),
            "kafka.ssl.truststore.password=" + kafka.tls().trustStorePassword(),
            "kafka.ssl.truststore.type=PKCS12"));
    SlaRun run = SlaRun.of("policy", "publish", policy.toString(), "--config", file.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith(
            "sla: Kafka at "
                + kafka.bootstrapServers()
                + " refused the TLS connection (TLS handshake failed): ");
  }
}
