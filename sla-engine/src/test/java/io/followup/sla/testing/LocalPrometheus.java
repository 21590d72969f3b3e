package io.followup.sla.testing;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (Debian's {@code prometheus} package) run by a test: its own process, config,
 * storage and port on the loopback interface, never the system service the package installs.
 */
public final class LocalPrometheus implements AutoCloseable {

  public static final String INSTALL_LINE = "apt-get install -y prometheus";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final URI base;
  private final Path log;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private LocalPrometheus(Process process, URI base, Path log) {
    this.process = process;
    this.base = base;
    this.log = log;
  }

  /** The binary, or a failure (never a skip) that says how to install it. */
  public static Path binary(String name) {
    for (String dir : List.of("/usr/bin", "/usr/local/bin")) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(":")) {
        Path candidate = Path.of(dir, name);
        if (!dir.isEmpty() && Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    throw new AssertionError(
        name
            + " is not installed; this test runs a real Prometheus from Debian's package: "
            + INSTALL_LINE);
  }

  /**
   * Starts Prometheus on a free loopback port with {@code config} (YAML), keeping its data and log
   * under {@code work}, and waits until it is ready.
   */
  public static LocalPrometheus start(Path work, String config) throws Exception {
    Path binary = binary("prometheus");
    Path configFile = work.resolve("prometheus.yml");
    Files.writeString(configFile, config, StandardCharsets.UTF_8);
    Path log = work.resolve("prometheus.log");
    int port = freePort();
    Process process =
        new ProcessBuilder(
                binary.toString(),
                "--config.file=" + configFile,
                "--storage.tsdb.path=" + work.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    LocalPrometheus prometheus =
        new LocalPrometheus(process, URI.create("http://127.0.0.1:" + port), log);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        fail("Prometheus exited with %d:%n%s", process.exitValue(), prometheus.logTail());
      }
      try {
        HttpResponse<String> ready = prometheus.get("/-/ready");
        if (ready.statusCode() == 200) {
          return prometheus;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(200);
    }
    prometheus.close();
    throw new AssertionError(
        "Prometheus was not ready within " + START_TIMEOUT + ":\n" + prometheus.logTail());
  }

  /** An instant query through {@code /api/v1/query}; the whole response, whatever its status. */
  public JsonNode query(String promql) throws IOException, InterruptedException {
    HttpResponse<String> response =
        get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    return JSON.readTree(response.body());
  }

  /** Another read-only API path, e.g. {@code /api/v1/rules}, parsed. */
  public JsonNode api(String path) throws IOException, InterruptedException {
    return JSON.readTree(get(path).body());
  }

  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Runs {@code promtool} with {@code args} from {@code dir}: exit code and output. */
  public static ToolRun promtool(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(binary("promtool").toString());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("promtool %s did not finish within 60 s", String.join(" ", args));
    }
    return new ToolRun(process.exitValue(), output);
  }

  /** What a tool said. */
  public record ToolRun(int exitCode, String output) {}

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }
}
