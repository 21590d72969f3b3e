package io.followup.sla.bench;

import io.followup.sla.cli.SlaCommand;
import io.followup.sla.cli.UserError;
import io.followup.sla.history.HistoryGenerator;
import io.followup.sla.replay.JsonLines;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;

/**
 * Figure 5: {@code ./sla replay} of a generated history as its own JVM, from launch to exit, and
 * its peak resident memory, against reading the same file with Jackson alone, also in a JVM of its
 * own.
 *
 * <p>When the bench was started by the launcher, the replay is the launcher's own {@code ./sla
 * replay}, with the collector and class archive it gives replay, so the figure is what a user who
 * replays sees; one small replay first, untimed, writes the class archive the launcher keeps after
 * a first replay. Without the launcher (the bench started from its jar or a test) the replay is a
 * JVM with the same collector, the launcher's choice for replay.
 */
final class ReplayRun {

  /** One replay's (or one parse's) figures. */
  record Result(long events, long nanos, long peakResidentBytes) {
    double eventsPerSecond() {
      return events / (nanos / 1e9);
    }

    double seconds() {
      return nanos / 1e9;
    }
  }

  /** The replay and its baseline over one file. */
  record Pair(Result replay, Result parse) {}

  private static final Path TIME = Path.of("/usr/bin/time");

  /** Set by the launcher for {@code ./sla bench}: the launcher's own path. */
  static final String LAUNCHER_PROPERTY = "sla.launcher";

  /** Records of the untimed replay that leaves the launcher's class archive in place. */
  private static final int ARCHIVE_REPLAY_EVENTS = 2_000;

  private static final Duration LIMIT = Duration.ofMinutes(30);

  private final Path workDir;
  private final BenchPlan plan;
  private final Consumer<String> status;

  ReplayRun(Path workDir, BenchPlan plan, Consumer<String> status) {
    this.workDir = workDir;
    this.plan = plan;
    this.status = status;
  }

  List<Pair> run() throws InterruptedException {
    List<Pair> results = new ArrayList<>();
    Optional<Path> launcher = launcher();
    if (launcher.isPresent()) {
      Path history = workDir.resolve("history-archive.jsonl");
      writeHistory(history, ARCHIVE_REPLAY_EVENTS);
      measure(
          "replay that writes the class archive",
          "replay-archive",
          replayCommand(
              launcher, "replay-archive", history, workDir.resolve("alerts-archive.jsonl")),
          ARCHIVE_REPLAY_EVENTS);
    }
    for (int events : plan.replayEvents()) {
      Path history = workDir.resolve("history-" + events + ".jsonl");
      writeHistory(history, events);
      Path alerts = workDir.resolve("alerts-" + events + ".jsonl");
      Result replay =
          measure(
              "replay of " + events + " events",
              "replay-" + events,
              replayCommand(launcher, "replay-" + events, history, alerts),
              events);
      Result parse =
          measure(
              "Jackson parse of " + events + " events",
              "parse-" + events,
              ChildJvm.javaCommand(
                  plan.replayHeap(),
                  List.of(logDir("parse-" + events)),
                  JsonLinesParse.class.getName(),
                  List.of(history.toString())),
              events);
      status.accept(
          String.format(
              "Replay of %,d events: %.1f s, peak %,d MiB; Jackson alone: %.1f s, peak %,d MiB",
              events,
              replay.seconds(),
              replay.peakResidentBytes() >> 20,
              parse.seconds(),
              parse.peakResidentBytes() >> 20));
      results.add(new Pair(replay, parse));
    }
    return results;
  }

  /**
   * The first {@code events} records of the history {@code ./sla generate-history} writes with its
   * default period and seed, with enough leads to fill them.
   */
  static void writeHistory(Path file, int events) {
    HistoryGenerator history =
        new HistoryGenerator(
            new HistoryGenerator.Settings(
                Math.max(1, events / 5),
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31),
                BenchEvents.SEED));
    int written = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (SpecificRecord record : history) {
        out.write(JsonLines.write(record));
        out.write('\n');
        if (++written == events) {
          break;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    if (written < events) {
      throw new IllegalStateException(
          "the history generator ended after " + written + " of " + events + " records");
    }
  }

  /** The launcher, when the bench was started by it. */
  static Optional<Path> launcher() {
    String path = System.getProperty(LAUNCHER_PROPERTY);
    return path == null || !Files.isExecutable(Path.of(path))
        ? Optional.empty()
        : Optional.of(Path.of(path));
  }

  /** {@code ./sla replay} of {@code history}, through the launcher when there is one. */
  private ChildCommand replayCommand(
      Optional<Path> launcher, String name, Path history, Path alerts) {
    List<String> args =
        List.of("replay", "--events", history.toString(), "--alerts-out", alerts.toString());
    if (launcher.isPresent()) {
      List<String> command = new ArrayList<>();
      command.add(launcher.get().toString());
      command.addAll(args);
      // The launcher adds SLA_JAVA_OPTS to the JVM's options: here only where its log goes.
      return new ChildCommand(command, Map.of("SLA_JAVA_OPTS", logDir(name)));
    }
    return new ChildCommand(
        ChildJvm.javaCommand(
            plan.replayHeap(),
            List.of(logDir(name), "-XX:+UseSerialGC"),
            SlaCommand.class.getName(),
            args),
        Map.of());
  }

  private String logDir(String name) {
    return "-Dsla.log.dir=" + workDir.resolve("logs").resolve(name);
  }

  private Result measure(String what, String name, List<String> javaCommand, int events)
      throws InterruptedException {
    return measure(what, name, new ChildCommand(javaCommand, Map.of()), events);
  }

  /** A child's command line and what it adds to the environment. */
  private record ChildCommand(List<String> command, Map<String, String> environment) {}

  private Result measure(String what, String name, ChildCommand child, int events)
      throws InterruptedException {
    Path log = workDir.resolve("logs").resolve(name + ".out");
    Path timeReport = workDir.resolve("logs").resolve(name + ".time");
    List<String> command = new ArrayList<>();
    boolean timed = Files.isExecutable(TIME);
    if (timed) {
      command.addAll(List.of(TIME.toString(), "-v", "-o", timeReport.toString()));
    }
    command.addAll(child.command());
    long started = System.nanoTime();
    ChildJvm process = ChildJvm.start(what, command, child.environment(), workDir, log, null);
    long peak = 0;
    if (!timed) {
      // Without time(1), the peak is read while the process runs; VmHWM only grows.
      while (process.isAlive()) {
        OptionalLong hwm = ProcFs.peakResidentBytes(process.pid());
        if (hwm.isPresent()) {
          peak = Math.max(peak, hwm.getAsLong());
        }
        Thread.sleep(20);
      }
    }
    int exit = process.awaitExit(LIMIT);
    long nanos = System.nanoTime() - started;
    if (exit != 0) {
      throw new UserError(
          "bench: the " + what + " exited with code " + exit + " (its output: " + log + ")");
    }
    if (timed) {
      peak = maxResidentFromTime(timeReport);
    }
    return new Result(events, nanos, peak);
  }

  /** GNU time's "Maximum resident set size (kbytes): N", in bytes. */
  static long maxResidentFromTime(Path report) {
    try {
      for (String line : Files.readAllLines(report, StandardCharsets.UTF_8)) {
        String trimmed = line.trim();
        if (trimmed.startsWith("Maximum resident set size (kbytes):")) {
          return Long.parseLong(trimmed.substring(trimmed.indexOf(':') + 1).trim()) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException("cannot read time's report " + report, e);
    }
    throw new IllegalStateException("time's report " + report + " names no maximum resident size");
  }
}
