package io.followup.sla.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * One Java program in an OS process of its own, on this test's classpath, its output appended to a
 * log file. It is stopped through its own process handle (its pid), never by name: a SIGKILL for a
 * crash, a SIGTERM for an orderly stop.
 */
final class ChildJava implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Path log;

  private ChildJava(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code mainClass} with {@code args} in {@code workDir}.
   *
   * @param systemProperties {@code -D} options for the child, e.g. where it logs
   */
  static ChildJava start(
      String name,
      String mainClass,
      List<String> args,
      List<String> systemProperties,
      Path workDir,
      Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Small heaps: up to four of these share two cores and the memory of a shared machine.
    command.add("-Xmx384m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    // The engine's own logging, not the test-jar's test configuration that is on this classpath.
    command.add("-Dlog4j2.configurationFile=log4j2.xml");
    command.addAll(systemProperties);
    command.add("-cp");
    command.add(classpath());
    command.add(mainClass);
    command.addAll(args);
    try {
      Files.createDirectories(log.getParent());
      Files.createDirectories(workDir);
      Process process =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      return new ChildJava(name, process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the " + name + ": " + e.getMessage(), e);
    }
  }

  /** The test's own classpath: under failsafe, java.class.path may name only its booter jar. */
  private static String classpath() {
    String tests = System.getProperty("surefire.test.class.path");
    return tests != null && !tests.isBlank() ? tests : System.getProperty("java.class.path");
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits for the process to end by itself; its exit code, or empty if it is still running. */
  OptionalInt awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
        ? OptionalInt.of(process.exitValue())
        : OptionalInt.empty();
  }

  /** SIGKILL: no shutdown hook, no flush, no goodbye to the group; waits until it is gone. */
  void kill() throws InterruptedException {
    process.toHandle().destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the " + name + " (pid " + pid() + ") survived SIGKILL");
    }
  }

  /** SIGTERM, then SIGKILL if it has not stopped within {@code grace}. */
  void stop(Duration grace) throws InterruptedException {
    process.toHandle().destroy();
    if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
    }
  }

  String describe() {
    return "the " + name + " (pid " + pid() + ", output in " + log + ")";
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
