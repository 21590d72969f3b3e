package io.followup.sla.connect.alerts.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A standalone Connect worker ({@code ConnectStandalone}, as {@code connect-standalone.sh} runs it)
 * in a JVM of its own. Its class path is this test's minus every class of this project, so a plugin
 * it lists can only have come from its {@code plugin.path}, loaded by Connect's isolated plugin
 * class loader, as on a real installation.
 */
public final class ConnectWorkerProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final Path log;
  private final URI rest;
  private final HttpClient http = HttpClient.newHttpClient();

  private ConnectWorkerProcess(Process process, Path log, URI rest) {
    this.process = process;
    this.log = log;
    this.rest = rest;
  }

  /**
   * Starts the worker and waits until its REST API answers.
   *
   * @param classPath the worker's class path, Kafka's libraries without the plugin
   * @param workerProps worker settings; listeners and offset storage are added here
   * @param environment variables the worker's config providers may read
   * @param workDir where the worker's settings, offsets and log go
   */
  public static ConnectWorkerProcess start(
      List<String> classPath,
      Map<String, String> workerProps,
      Map<String, String> environment,
      Path workDir)
      throws IOException, InterruptedException {
    return start(classPath, workerProps, List.of(), environment, workDir);
  }

  /**
   * Starts the worker with connectors, as {@code connect-standalone.sh worker.properties
   * connector.properties...} does, and waits until its REST API answers.
   *
   * @param connectors each connector's settings, {@code name} included
   */
  public static ConnectWorkerProcess start(
      List<String> classPath,
      Map<String, String> workerProps,
      List<Map<String, String>> connectors,
      Map<String, String> environment,
      Path workDir)
      throws IOException, InterruptedException {
    int port = freePort();
    Properties props = new Properties();
    props.putAll(workerProps);
    props.setProperty("listeners", "http://127.0.0.1:" + port);
    props.setProperty(
        "offset.storage.file.filename", workDir.resolve("connect.offsets").toString());
    Path propsFile = workDir.resolve("worker.properties");
    try (Writer out = Files.newBufferedWriter(propsFile)) {
      props.store(out, null);
    }
    Path log = workDir.resolve("worker.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp"));
    command.add(String.join(File.pathSeparator, classPath));
    command.add("org.apache.kafka.connect.cli.ConnectStandalone");
    command.add(propsFile.toString());
    for (int i = 0; i < connectors.size(); i++) {
      Properties connector = new Properties();
      connector.putAll(connectors.get(i));
      Path connectorFile = workDir.resolve("connector-" + i + ".properties");
      try (Writer out = Files.newBufferedWriter(connectorFile)) {
        connector.store(out, null);
      }
      command.add(connectorFile.toString());
    }
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    ConnectWorkerProcess worker =
        new ConnectWorkerProcess(builder.start(), log, URI.create("http://127.0.0.1:" + port));
    try {
      worker.awaitRest();
    } catch (IOException | InterruptedException | RuntimeException e) {
      worker.close();
      throw e;
    }
    return worker;
  }

  /** GET on the worker's REST API; fails on any status but 200. */
  public String get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(rest.resolve(path)).GET().build());
  }

  /** PUT of a JSON body on the worker's REST API; fails on any status but 200. */
  public String put(String path, String json) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(rest.resolve(path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private String send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          request.method()
              + " "
              + request.uri()
              + " -> "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return response.body();
  }

  private void awaitRest() throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the Connect worker exited with " + process.exitValue() + ":\n" + logTail());
      }
      try {
        // Answered by the herder, so only once the worker has started, not just its REST server.
        get("/connectors");
        return;
      } catch (IOException | IllegalStateException notYet) {
        Thread.sleep(250);
      }
    }
    throw new IllegalStateException("the Connect worker did not answer in time:\n" + logTail());
  }

  /** The end of the worker's output, for a failure message. */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return lines.subList(Math.max(0, lines.size() - 40), lines.size()).stream()
          .collect(Collectors.joining("\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The worker's process id: what a kill is aimed at. */
  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL to this worker's own process: no shutdown, no flush; waits until it is gone. */
  public void kill() throws InterruptedException {
    process.toHandle().destroyForcibly();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      throw new IllegalStateException("the Connect worker (pid " + pid() + ") survived SIGKILL");
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
