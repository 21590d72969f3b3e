package io.followup.sla.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The engine as an operations team runs it: {@code ./sla run --config FILE --policy FILE} in a JVM
 * of its own against an external broker and registry, its state in a data directory that outlives
 * each process. Started again after every kill, from the same files, as a supervisor would.
 */
final class EngineProcess implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final String name;
  private final Path dir;
  private final Path config;
  private final Path policy;
  private final int httpPort;
  private ChildJava current;
  private int starts;

  /**
   * @param settings engine settings beyond the broker, registry, data directory and HTTP port
   */
  EngineProcess(
      String name,
      Path dir,
      String bootstrapServers,
      String registryUrl,
      String policyYaml,
      Map<String, String> settings) {
    this.name = name;
    this.dir = dir;
    this.httpPort = freePort();
    this.config = dir.resolve("engine.properties");
    this.policy = dir.resolve("policy.yaml");
    Map<String, String> all = new TreeMap<>(settings);
    all.put("kafka.bootstrap-servers", bootstrapServers);
    all.put("schema-registry.url", registryUrl);
    all.put("data.dir", dir.resolve("data").toString());
    all.put("http.host", "127.0.0.1");
    all.put("http.port", Integer.toString(httpPort));
    try {
      Files.createDirectories(dir);
      Properties properties = new Properties();
      properties.putAll(all);
      try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
        properties.store(out, "fault suite: " + name);
      }
      Files.writeString(policy, policyYaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts a new engine process (the previous one must be gone). */
  void start() {
    if (current != null && current.isAlive()) {
      throw new IllegalStateException(current.describe() + " is still running");
    }
    starts++;
    current =
        ChildJava.start(
            name,
            "io.followup.sla.cli.SlaCommand",
            List.of("run", "--config", config.toString(), "--policy", policy.toString()),
            List.of(
                "-Dsla.log.dir=" + dir.resolve("logs"),
                // The file log above keeps everything; the process output only the warnings.
                "-Dsla.console.level=WARN"),
            dir,
            dir.resolve("engine-output.log"));
  }

  /** Waits until {@code /health/ready} answers 200; fails if the process exits meanwhile. */
  Duration awaitReady(Duration timeout) throws InterruptedException {
    long t0 = System.nanoTime();
    long deadline = t0 + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!current.isAlive()) {
        throw new AssertionError(current.describe() + " exited before it was ready");
      }
      if (readiness() == 200) {
        return Duration.ofNanos(System.nanoTime() - t0);
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        current.describe() + " was not ready within " + timeout.toSeconds() + " s");
  }

  /** The HTTP status of {@code /health/ready}, or -1 when nothing answers. */
  int readiness() {
    try {
      HttpResponse<Void> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health/ready"))
                  .timeout(Duration.ofSeconds(2))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** SIGKILL to the current process, by its own pid. */
  void kill() throws InterruptedException {
    current.kill();
  }

  /** Waits for the current process to end by itself; its exit code, or empty if still running. */
  OptionalInt awaitExit(Duration timeout) throws InterruptedException {
    return current.awaitExit(timeout);
  }

  /** The last line the processes wrote to their output (the engine's own words to a person). */
  String lastOutputLine() {
    try (Stream<String> lines = Files.lines(current.log(), StandardCharsets.UTF_8)) {
      return lines.filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean isAlive() {
    return current != null && current.isAlive();
  }

  String name() {
    return name;
  }

  int starts() {
    return starts;
  }

  String describe() {
    return current == null ? "the " + name + " (not started)" : current.describe();
  }

  /** Ctrl-C: the orderly stop {@code ./sla run} does on SIGTERM. */
  @Override
  public void close() throws InterruptedException {
    if (current != null && current.isAlive()) {
      current.stop(Duration.ofSeconds(40));
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
