package io.followup.sla.testing;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Confluent's own Python client (Debian's python3-confluent-kafka), driven through the script
 * {@code python/confluent_client_check.py}: a producer and consumer nobody here wrote.
 */
public final class ConfluentPython {

  private static final String PYTHON = "/usr/bin/python3";
  private static final String DEBIAN_PACKAGES =
      "python3-confluent-kafka python3-avro python3-requests";
  private static final long PROCESS_TIMEOUT_SECONDS = 90;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ConfluentPython() {}

  /**
   * Runs the script in {@code mode} against the broker and registry; its one line of stdout,
   * parsed.
   */
  public static JsonNode run(
      Path work, String bootstrap, String registryUrl, String mode, String... args)
      throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                PYTHON,
                script().toString(),
                mode,
                "--bootstrap",
                bootstrap,
                "--registry",
                registryUrl));
    command.addAll(List.of(args));
    Path stdout = Files.createTempFile(work, mode, ".out");
    Path stderr = Files.createTempFile(work, mode, ".err");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    builder.environment().remove("PYTHONPATH");
    builder.environment().remove("PYTHONHOME");
    builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    Process process = builder.start();
    if (!process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(
          "the Python %s did not finish within %d s; stderr:%n%s",
          mode, PROCESS_TIMEOUT_SECONDS, read(stderr));
    }
    String out = read(stdout).strip();
    if (process.exitValue() != 0) {
      fail(
          "the Python %s exited with %d: %s%nstderr:%n%s",
          mode, process.exitValue(), out, read(stderr));
    }
    String[] lines = out.split("\n");
    return JSON.readTree(lines[lines.length - 1]);
  }

  /** Fails (never skips) with the install line when the client is not there. */
  public static void requireInstalled() throws InterruptedException {
    String missing =
        "this test needs Confluent's Python client under "
            + PYTHON
            + "; install the Debian packages: apt-get install -y "
            + DEBIAN_PACKAGES;
    Process process;
    try {
      process =
          new ProcessBuilder(PYTHON, "-c", "import confluent_kafka.avro, avro.io, requests")
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      fail(missing + " (" + PYTHON + " cannot run: " + e.getMessage() + ")");
      return;
    }
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(missing + " (" + PYTHON + " did not answer within 30 s)");
    }
    if (process.exitValue() != 0) {
      String output;
      try (InputStream in = process.getInputStream()) {
        output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        output = e.getMessage();
      }
      String[] lines = output.split("\n");
      fail(missing + " (" + lines[lines.length - 1] + ")");
    }
  }

  private static Path script() throws URISyntaxException {
    URL url = ConfluentPython.class.getResource("/python/confluent_client_check.py");
    if ("file".equals(url.getProtocol())) {
      return Path.of(url.toURI());
    }
    // Packed in a test jar (a module built on this one): python needs a file of its own.
    try (InputStream in = url.openStream()) {
      Path copy = Files.createTempFile("confluent_client_check", ".py");
      copy.toFile().deleteOnExit();
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
