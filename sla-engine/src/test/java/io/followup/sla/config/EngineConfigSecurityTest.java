package io.followup.sla.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.serde.AvroSerdeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How security settings reach the Kafka clients and the registry client. */
class EngineConfigSecurityTest {

  @TempDir Path dir;

  @Test
  void everyKafkaSecuritySettingPassesThroughWithoutItsPrefix() throws Exception {
    Path file = dir.resolve("engine.properties");
    Files.writeString(
        file,
        """
        kafka.bootstrap-servers=broker:9093
        schema-registry.url=https://registry:8081
        kafka.security.protocol=SASL_SSL
        kafka.sasl.mechanism=SCRAM-SHA-512
        kafka.ssl.truststore.location=/etc/sla/truststore.p12
        kafka.ssl.endpoint.identification.algorithm=https
        kafka.config.providers=env
        kafka.config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider
        """);
    String jaas =
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\""
            + " password=\"${env:KAFKA_PASSWORD}\";";
    EngineConfig config =
        EngineConfig.load(
            Optional.of(file),
            Map.of(
                "SLA_KAFKA_SASL_JAAS_CONFIG",
                jaas,
                "SLA_KAFKA_SSL_TRUSTSTORE_PASSWORD",
                "from-the-environment"));
    assertThat(config.kafkaClientProperties())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("sasl.jaas.config", jaas)
        .containsEntry("ssl.truststore.location", "/etc/sla/truststore.p12")
        .containsEntry("ssl.truststore.password", "from-the-environment")
        .containsEntry("ssl.endpoint.identification.algorithm", "https")
        .containsEntry("config.providers", "env")
        .containsEntry(
            "config.providers.env.class",
            "org.apache.kafka.common.config.provider.EnvVarConfigProvider")
        .doesNotContainKey("bootstrap-servers")
        .doesNotContainKey("bootstrap.servers");
  }

  @Test
  void registrySettingsTakeTheSerdesNamesAndResolveConfigProviders() throws Exception {
    Path secrets = dir.resolve("secrets.properties");
    Files.writeString(secrets, "user-info=sla:s3cret\ntrust=changeit\n");
    EngineConfig config =
        EngineConfig.of(
            Map.of(
                EngineConfig.SCHEMA_REGISTRY_USER_INFO,
                "${file:" + secrets + ":user-info}",
                EngineConfig.SCHEMA_REGISTRY_TRUSTSTORE_LOCATION,
                "/etc/sla/truststore.p12",
                EngineConfig.SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD,
                "${file:" + secrets + ":trust}",
                EngineConfig.SCHEMA_REGISTRY_TRUSTSTORE_TYPE,
                "JKS",
                "kafka.config.providers",
                "file",
                "kafka.config.providers.file.class",
                "org.apache.kafka.common.config.provider.FileConfigProvider"));
    assertThat(config.schemaRegistryClientConfig())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                AvroSerdeConfig.BASIC_AUTH_USER_INFO, "sla:s3cret",
                AvroSerdeConfig.SSL_TRUSTSTORE_LOCATION, "/etc/sla/truststore.p12",
                AvroSerdeConfig.SSL_TRUSTSTORE_PASSWORD, "changeit",
                AvroSerdeConfig.SSL_TRUSTSTORE_TYPE, "JKS"));
  }

  @Test
  void noRegistrySecurityMeansNoSettings() throws Exception {
    assertThat(EngineConfig.of(Map.of()).schemaRegistryClientConfig()).isEmpty();
  }
}
