package io.followup.sla.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.followup.sla.testing.InJvmKafka;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./sla registry} as the compose file and the Kubernetes manifests run it: the registry
 * alone on a Kafka cluster, behind basic auth, its schemas in Kafka so a second start finds them.
 */
class RegistryCommandIT {

  private static InJvmKafka kafka;
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dir;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = InJvmKafka.start();
  }

  @AfterAll
  static void stopKafka() throws Exception {
    kafka.close();
  }

  @Test
  void servesBehindItsLoginAndKeepsSchemasInKafkaAcrossRestarts() throws Exception {
    int port = freePort();
    Path config = dir.resolve("registry.properties");
    // The password comes from a file through Kafka's config provider, as the README advises.
    Path secrets = dir.resolve("registry-secrets.properties");
    Files.writeString(secrets, "user-info=schemas:s3cret-from-a-file\n");
    Files.writeString(
        config,
        "kafka.bootstrap-servers="
            + kafka.bootstrapServers()
            + "\nregistry.host=127.0.0.1\nregistry.port="
            + port
            + "\nregistry.topic=_schemas_it\n"
            + "kafka.config.providers=file\n"
            + "kafka.config.providers.file.class="
            + "org.apache.kafka.common.config.provider.FileConfigProvider\n"
            + "registry.basic-auth.user-info=${file:"
            + secrets
            + ":user-info}\n");
    URI subjects = URI.create("http://127.0.0.1:" + port + "/subjects");
    String login = "schemas:s3cret-from-a-file";

    Thread first = run(config);
    await().atMost(Duration.ofSeconds(60)).until(() -> status(subjects, login) == 200);
    assertThat(status(subjects, null)).isEqualTo(401);
    assertThat(status(subjects, "schemas:wrong")).isEqualTo(401);
    HttpResponse<String> registered =
        http.send(
            HttpRequest.newBuilder(URI.create(subjects + "/leads.lead-created-value/versions"))
                .header("Authorization", basic(login))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"\\\"string\\\"\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(registered.statusCode()).isEqualTo(200);
    stop(first);

    Thread second = run(config);
    await().atMost(Duration.ofSeconds(60)).until(() -> status(subjects, login) == 200);
    HttpResponse<String> listed =
        http.send(
            HttpRequest.newBuilder(subjects).header("Authorization", basic(login)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(listed.body()).isEqualTo("[\"leads.lead-created-value\"]");
    stop(second);
  }

  @Test
  void withoutKafkaItSaysWhatToSetInOneLine() {
    SlaRun run = SlaRun.of("registry", "--config", write("registry.port=8081\n").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines())
        .containsExactly(
            "sla: the registry keeps its schemas in Kafka: set kafka.bootstrap-servers (or"
                + " SLA_KAFKA_BOOTSTRAP_SERVERS)");
  }

  @Test
  void anUnreadableKeyStoreIsOneLine() {
    SlaRun run =
        SlaRun.of(
            "registry",
            "--config",
            write(
                    "kafka.bootstrap-servers="
                        + kafka.bootstrapServers()
                        + "\nregistry.ssl.keystore.location="
                        + dir.resolve("missing.p12")
                        + "\n")
                .toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith("sla: cannot use the key store ").contains("missing.p12");
  }

  private Path write(String properties) {
    try {
      Path file = Files.createTempFile(dir, "registry", ".properties");
      Files.writeString(file, properties);
      return file;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The command in a thread of its own; interrupting it is this test's Ctrl-C. */
  private static Thread run(Path config) {
    AtomicReference<SlaRun> result = new AtomicReference<>();
    Thread thread =
        new Thread(() -> result.set(SlaRun.of("registry", "--config", config.toString())));
    thread.start();
    return thread;
  }

  private static void stop(Thread command) throws InterruptedException {
    command.interrupt();
    command.join(Duration.ofSeconds(30).toMillis());
    assertThat(command.isAlive()).isFalse();
  }

  private int status(URI uri, String userInfo) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5));
    if (userInfo != null) {
      request.header("Authorization", basic(userInfo));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  private static String basic(String userInfo) {
    return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
