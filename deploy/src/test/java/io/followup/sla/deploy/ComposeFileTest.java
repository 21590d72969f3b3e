package io.followup.sla.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/compose validates with {@code docker-compose config} (Debian's docker-compose; no Docker
 * engine is needed to check a file), holds the services the README names, connects every Kafka
 * client with SASL_SSL, and takes every secret from the environment file, never from itself.
 */
class ComposeFileTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path COMPOSE = Tool.ROOT.resolve("deploy/compose");

  @TempDir Path dir;

  @Test
  void validatesWithItsEnvironmentFileFilledIn() throws IOException {
    Path env = filledIn();
    Tool config =
        Tool.run(
                COMPOSE,
                List.of(
                    "docker-compose", "--env-file", env.toString(), "-f", "compose.yaml", "config"))
            .succeeded("docker-compose config");
    JsonNode stack = YAML.readTree(config.out());
    JsonNode services = stack.path("services");
    assertThat(fieldNames(services))
        .contains(
            "kafka", "schema-registry", "engine-1", "engine-2", "connect", "prometheus", "grafana");

    JsonNode one = services.path("engine-1").path("environment");
    JsonNode two = services.path("engine-2").path("environment");
    assertThat(one.path("SLA_APPLICATION_ID").asText())
        .isEqualTo("followup-sla-engine")
        .isEqualTo(two.path("SLA_APPLICATION_ID").asText());
    assertThat(services.path("engine-1").path("hostname").asText())
        .isNotEqualTo(services.path("engine-2").path("hostname").asText());
    for (String client : List.of("engine-1", "engine-2", "schema-registry")) {
      assertThat(
              services
                  .path(client)
                  .path("environment")
                  .path("SLA_KAFKA_SECURITY_PROTOCOL")
                  .asText())
          .as(client)
          .isEqualTo("SASL_SSL");
    }
    assertThat(one.path("SLA_SCHEMA_REGISTRY_URL").asText()).startsWith("https://");
    assertThat(one.path("SLA_KAFKA_SASL_JAAS_CONFIG").asText())
        .contains("password=\"pw-ENGINE_KAFKA_PASSWORD\"");
  }

  @Test
  void noSecretIsWrittenInTheComposeFilesThemselves() throws IOException {
    JsonNode raw = YAML.readTree(COMPOSE.resolve("compose.yaml").toFile());
    List<String> literalSecrets =
        raw.path("services").properties().stream()
            .flatMap(
                service ->
                    service.getValue().path("environment").properties().stream()
                        .filter(e -> e.getKey().matches(".*(PASSWORD|USER_INFO|JAAS).*"))
                        .filter(e -> !e.getValue().asText().contains("${"))
                        .map(e -> service.getKey() + "." + e.getKey()))
            .collect(Collectors.toList());
    assertThat(literalSecrets).isEmpty();
    for (String file : List.of("kafka/server.properties", "connect/worker.properties")) {
      assertThat(Files.readAllLines(COMPOSE.resolve(file)))
          .filteredOn(l -> !l.startsWith("#") && l.matches(".*password[=\"].*"))
          .allSatisfy(l -> assertThat(l).contains("${env:"));
    }
  }

  @Test
  void withoutItsEnvironmentFileItSaysWhatToSet() throws IOException {
    Path empty = dir.resolve("empty.env");
    Files.writeString(empty, "");
    Tool config =
        Tool.run(
            COMPOSE,
            List.of(
                "docker-compose",
                "--env-file",
                empty.toString(),
                "-f",
                "compose.yaml",
                "config",
                "-q"));
    assertThat(config.exitCode()).isNotZero();
    assertThat(config.err()).contains("in .env");
  }

  /** .env.example with a made-up value for every key, as a user fills it in. */
  private Path filledIn() throws IOException {
    Map<String, String> values =
        Files.readAllLines(COMPOSE.resolve(".env.example")).stream()
            .filter(l -> l.matches("[A-Z_]+=.*"))
            .map(l -> l.substring(0, l.indexOf('=')))
            .collect(Collectors.toMap(k -> k, k -> "pw-" + k));
    Path env = dir.resolve("test.env");
    Files.writeString(
        env,
        values.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("\n", "", "\n")));
    return env;
  }

  private static List<String> fieldNames(JsonNode node) {
    return node.properties().stream().map(Map.Entry::getKey).toList();
  }
}
