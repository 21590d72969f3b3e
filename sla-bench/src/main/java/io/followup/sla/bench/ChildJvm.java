package io.followup.sla.bench;

import io.followup.sla.cli.UserError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One app in a JVM of its own (the same java and classpath as the bench), so that its memory and
 * CPU are its own. Its output goes to a log file; a line containing the ready marker says it is up.
 * Children still running when the bench exits, however it exits, are stopped.
 */
final class ChildJvm implements AutoCloseable {

  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "bench-children-stop"));
  }

  private final String name;
  private final Process process;
  private final Path log;
  private final CountDownLatch ready = new CountDownLatch(1);
  private volatile long readyAtNanos;
  private final Thread pump;

  private ChildJvm(String name, Process process, Path log, String readyMarker) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.pump = new Thread(() -> pump(readyMarker), "bench-child-output-" + name);
    pump.setDaemon(true);
    pump.start();
  }

  /** The command line of a JVM like this one running {@code mainClass}. */
  static List<String> javaCommand(
      String heap, List<String> systemProperties, String mainClass, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.addAll(systemProperties);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  /**
   * Starts {@code command} in {@code workDir}; the output goes to {@code log}.
   *
   * @param readyMarker a fragment of the line the child prints once it is up, or null
   */
  static ChildJvm start(
      String name, List<String> command, Path workDir, Path log, String readyMarker) {
    return start(name, command, Map.of(), workDir, log, readyMarker);
  }

  /** As {@link #start(String, List, Path, Path, String)}, with {@code environment} added. */
  static ChildJvm start(
      String name,
      List<String> command,
      Map<String, String> environment,
      Path workDir,
      Path log,
      String readyMarker) {
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
      builder.environment().putAll(environment);
      Process process = builder.start();
      RUNNING.add(process);
      return new ChildJvm(name, process, log, readyMarker);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the " + name + ": " + e.getMessage(), e);
    }
  }

  private void pump(String readyMarker) {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        out.write(line);
        out.write('\n');
        out.flush();
        if (readyMarker != null && ready.getCount() > 0 && line.contains(readyMarker)) {
          readyAtNanos = System.nanoTime();
          ready.countDown();
        }
      }
    } catch (IOException e) {
      // The child is gone or the log unwritable: ensureAlive() says which app and where to look.
    }
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  /** Waits for the ready line; a child that exits or stays silent is a broken run. */
  void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ready.await(100, TimeUnit.MILLISECONDS)) {
      ensureAlive();
      if (System.nanoTime() > deadline) {
        throw new UserError(
            "bench: the "
                + name
                + " did not start within "
                + timeout.toSeconds()
                + " s (its output: "
                + log
                + ")");
      }
    }
  }

  /** When the ready line came, on {@link System#nanoTime()}'s scale. */
  long readyAtNanos() {
    return readyAtNanos;
  }

  void ensureAlive() {
    if (!process.isAlive()) {
      throw new UserError(
          "bench: the "
              + name
              + " exited with code "
              + process.exitValue()
              + " before the bench was done with it (its output: "
              + log
              + ")");
    }
  }

  /** Waits for the child to exit by itself; its exit code. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new UserError(
          "bench: the " + name + " ran for more than " + timeout.toMinutes() + " minutes");
    }
    pump.join(5_000);
    RUNNING.remove(process);
    return process.exitValue();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Sends SIGTERM, as Ctrl-C would, without waiting. */
  void requestStop() {
    process.destroy();
  }

  /**
   * Asks the child to stop as Ctrl-C would (SIGTERM: the apps close their stores cleanly) and waits
   * for it; a child that does not stop in time is killed.
   */
  void stop(Duration timeout) throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    pump.join(5_000);
    RUNNING.remove(process);
  }

  @Override
  public void close() {
    try {
      stop(Duration.ofSeconds(30));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
