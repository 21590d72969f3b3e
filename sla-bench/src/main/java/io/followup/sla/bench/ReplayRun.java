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
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;

/**
 * Figure 5: {@code ./sla replay} of a generated history as its own JVM, from launch to exit, and
 * its peak resident memory, against reading the same file with Jackson alone, also in a JVM of its
 * own.
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
    for (int events : plan.replayEvents()) {
      Path history = workDir.resolve("history-" + events + ".jsonl");
      writeHistory(history, events);
      Path alerts = workDir.resolve("alerts-" + events + ".jsonl");
      Result replay =
          measure(
              "replay of " + events + " events",
              "replay-" + events,
              SlaCommand.class.getName(),
              List.of("replay", "--events", history.toString(), "--alerts-out", alerts.toString()),
              events);
      Result parse =
          measure(
              "Jackson parse of " + events + " events",
              "parse-" + events,
              JsonLinesParse.class.getName(),
              List.of(history.toString()),
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

  private Result measure(String what, String name, String mainClass, List<String> args, int events)
      throws InterruptedException {
    Path log = workDir.resolve("logs").resolve(name + ".out");
    Path timeReport = workDir.resolve("logs").resolve(name + ".time");
    List<String> command = new ArrayList<>();
    boolean timed = Files.isExecutable(TIME);
    if (timed) {
      command.addAll(List.of(TIME.toString(), "-v", "-o", timeReport.toString()));
    }
    command.addAll(
        ChildJvm.javaCommand(
            plan.replayHeap(),
            List.of("-Dsla.log.dir=" + workDir.resolve("logs").resolve(name)),
            mainClass,
            args));
    long started = System.nanoTime();
    ChildJvm child = ChildJvm.start(what, command, workDir, log, null);
    long peak = 0;
    if (!timed) {
      // Without time(1), the peak is read while the process runs; VmHWM only grows.
      while (child.isAlive()) {
        OptionalLong hwm = ProcFs.peakResidentBytes(child.pid());
        if (hwm.isPresent()) {
          peak = Math.max(peak, hwm.getAsLong());
        }
        Thread.sleep(20);
      }
    }
    int exit = child.awaitExit(LIMIT);
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
