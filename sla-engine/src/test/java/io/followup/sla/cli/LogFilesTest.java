package io.followup.sla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the CLI writes its log, with the logging configuration it ships with, in a JVM of its own
 * started in a folder of its own: a log file only for run and demo, in their data directory.
 */
class LogFilesTest {

  @TempDir Path dir;

  @Test
  void commandsOtherThanRunAndDemoLeaveNoLogFolderWhereTheyRun() throws Exception {
    Path here = Files.createDirectories(dir.resolve("here"));
    Files.writeString(
        here.resolve("events.jsonl"),
        "{\"type\":\"LeadCreated\",\"eventId\":\"e1\",\"leadId\":\"L-1\","
            + "\"occurredAt\":\"2026-03-06T09:00:00Z\",\"source\":\"WEBINAR\"}\n");

    assertThat(sla(here, "--version").exitCode).isZero();
    assertThat(sla(here, "replay", "--events", "events.jsonl", "--alerts-out", "a.jsonl").exitCode)
        .isZero();
    assertThat(sla(here, "reps", "import", "none.csv").exitCode).isEqualTo(1);
    assertThat(sla(here, "fly").exitCode).isEqualTo(2);

    assertThat(here.resolve("a.jsonl")).exists();
    assertThat(here.resolve("data")).doesNotExist();
  }

  @Test
  void runKeepsItsLogInItsDataDirectory() throws Exception {
    Path here = Files.createDirectories(dir.resolve("here"));
    Path data = dir.resolve("engine-data");
    Files.writeString(
        here.resolve("engine.properties"),
        "data.dir="
            + data.toString().replace("\\", "/")
            + "\nkafka.bootstrap-servers=localhost:1\nschema-registry.url=http://localhost:1\n");

    Ran run = sla(here, "run", "--config", "engine.properties");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.err).contains("is unreachable");
    assertThat(data.resolve("logs").resolve("sla.log")).exists();
    assertThat(here.resolve("data")).doesNotExist();
  }

  private record Ran(int exitCode, String err) {}

  private static Ran sla(Path workingDir, String... args) throws Exception {
    Path config = Path.of(LogFilesTest.class.getResource("/log4j2.xml").toURI());
    assertThat(config.toString()).contains("classes" + File.separator + "log4j2.xml");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    // The shipped configuration, not the tests' (nor one a test library brings along).
    command.add("-Dlog4j2.configurationFile=" + config);
    command.add(SlaCommand.class.getName());
    command.addAll(List.of(args));
    Path err = Files.createTempFile(workingDir.getParent(), "err", ".txt");
    Process process =
        new ProcessBuilder(command)
            .directory(workingDir.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("sla " + String.join(" ", args) + " did not end within 60 s");
    }
    return new Ran(process.exitValue(), Files.readString(err));
  }
}
