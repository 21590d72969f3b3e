package io.followup.sla.bench;

import io.followup.sla.cli.SlaSubcommand;
import io.followup.sla.cli.UserError;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./sla bench}: the engine measured side by side with a bare Kafka Streams app over the same
 * topics and broker, in one run, and the ratios printed beside their targets.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the engine beside a bare Kafka Streams app (exactly-once, counting records per key"
          + " in a persistent store) on one embedded broker, in one run: live throughput (cold,"
          + " from start, and warm, already running), Kafka bytes written per event, state per open"
          + " lead, memory and idle cost at growing numbers of open leads, and replay speed against"
          + " parsing the same file with Jackson.",
      "Prints a table of figures, ratios and targets. Runs on free ports with its data in a"
          + " temporary directory; a missed target is reported, never a failure. Linux only (it"
          + " reads /proc). The full run takes several minutes; --quick under two."
    })
public final class BenchCommand implements Callable<Integer>, SlaSubcommand {

  @Spec CommandSpec spec;

  @Option(
      names = "--quick",
      description =
          "Small sizes, under two minutes: 1,000 live events, 200 and 1,000 open leads, a"
              + " 5,000-event replay.")
  boolean quick;

  @Option(
      names = "--out",
      paramLabel = "FILE.md",
      description = "Also write the table as Markdown to this file (replaced if it exists).")
  Path out;

  @Option(
      names = "--keep",
      description = "Keep the run's directory (broker data, state, the apps' logs) afterwards.")
  boolean keep;

  @Option(
      names = "--live-events",
      paramLabel = "N",
      description =
          "Lead events for the throughput run, sent twice: before each app starts (cold) and again"
              + " for new leads once it runs (warm) (default: 100,000; 1,000 with --quick).")
  Integer liveEvents;

  @Option(
      names = "--open-leads",
      paramLabel = "N,N,...",
      split = ",",
      description =
          "Numbers of open leads to measure at, ascending (default: 10000,100000,1000000;"
              + " 200,1000 with --quick).")
  List<Integer> openLeads;

  @Option(
      names = "--replay-events",
      paramLabel = "N,N,...",
      split = ",",
      description =
          "Sizes of the histories replayed, ascending (default: 100000,1000000; 5000 with"
              + " --quick).")
  List<Integer> replayEvents;

  @Option(
      names = "--engine-setting",
      paramLabel = "KEY=VALUE",
      description =
          "Runs the engine with this setting of its config file changed (repeatable), e.g."
              + " engine.max-task-idle=PT0S, to measure one setting at a time; the bare app is"
              + " not changed. Settings the bench makes itself (commit interval, threads, topics)"
              + " cannot be changed.")
  List<String> engineSettings;

  @Override
  public Integer call() throws Exception {
    BenchPlan plan = plan();
    if (!ProcFs.available()) {
      throw new UserError("bench: needs Linux's /proc (with schedstat) to read memory and CPU");
    }
    if (out != null) {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        throw new UserError("cannot write " + out + ": the folder " + parent + " does not exist");
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    long startedNanos = System.nanoTime();
    Consumer<String> status =
        line ->
            err.printf(
                Locale.ROOT,
                "[%4d s] %s%n",
                (System.nanoTime() - startedNanos) / 1_000_000_000L,
                line);
    Instant began = Instant.now();
    String loadBefore = ProcFs.loadAverage();
    Path work = Files.createTempDirectory("sla-bench-");
    status.accept("Bench (" + plan.name() + "), working in " + work);
    boolean finished = false;
    try (BenchCluster cluster = BenchCluster.start(work.resolve("kafka"));
        BenchEvents events =
            new BenchEvents(cluster.bootstrapServers(), cluster.registry(), Clock.systemUTC())) {
      var live = new LiveRun(cluster, events, work, plan, status).run();
      var open = new OpenLeadsRun(cluster, events, work, plan, status).run();
      var replays = new ReplayRun(work, plan, status).run();
      BenchReport report =
          new BenchReport(
              "Engine vs bare Kafka Streams (" + plan.name() + " run)",
              context(plan, began, loadBefore, ProcFs.loadAverage()),
              Figures.rows(live, open, replays),
              Figures.notes());
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.print(report.text());
      stdout.flush();
      if (out != null) {
        Files.writeString(out, report.markdown(), StandardCharsets.UTF_8);
        status.accept("Wrote " + out);
      }
      finished = true;
    } finally {
      if (finished && !keep) {
        deleteTree(work);
      } else {
        status.accept("The run's data and the apps' logs stay in " + work);
      }
    }
    return 0;
  }

  private BenchPlan plan() {
    BenchPlan plan = quick ? BenchPlan.quick() : BenchPlan.full();
    try {
      if (liveEvents != null) {
        plan = plan.withLiveEvents(liveEvents);
      }
      if (openLeads != null) {
        plan = plan.withOpenLeads(openLeads);
      }
      if (replayEvents != null) {
        plan = plan.withReplayEvents(replayEvents);
      }
      if (engineSettings != null) {
        plan = plan.withEngineSettings(settings(engineSettings));
      }
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    return plan;
  }

  private static Map<String, String> settings(List<String> pairs) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException(
            "--engine-setting takes KEY=VALUE, e.g. engine.max-task-idle=PT0S, not " + pair);
      }
      settings.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return settings;
  }

  private String command() {
    List<String> parts = new ArrayList<>(List.of("./sla bench"));
    if (quick) {
      parts.add("--quick");
    }
    if (liveEvents != null) {
      parts.add("--live-events " + liveEvents);
    }
    if (openLeads != null) {
      parts.add("--open-leads " + join(openLeads));
    }
    if (replayEvents != null) {
      parts.add("--replay-events " + join(replayEvents));
    }
    if (engineSettings != null) {
      engineSettings.forEach(setting -> parts.add("--engine-setting " + setting));
    }
    return String.join(" ", parts);
  }

  private List<String> context(BenchPlan plan, Instant began, String loadBefore, String loadAfter) {
    List<String> lines = new ArrayList<>();
    lines.add("Command: `" + command() + "`");
    lines.add(
        String.format(
            "Run: %,d live lead events; %s open leads; replays of %s events",
            plan.liveEvents(), joinGrouped(plan.openLeads()), joinGrouped(plan.replayEvents())));
    lines.add(
        String.format(
            "Machine: %d cores, Java %s, %s; started %s; load average %s before, %s after",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            System.getProperty("os.name"),
            began.truncatedTo(ChronoUnit.SECONDS),
            loadBefore,
            loadAfter));
    lines.add(
        String.format(
            "Apps: each in its own JVM (-Xmx%s), one stream thread, commit interval %s ms,"
                + " exactly-once v2, %d partitions a topic; replay %s; parse JVM -Xmx%s",
            plan.appHeap(),
            LiveApp.COMMIT_INTERVAL_MS,
            BenchCluster.PARTITIONS,
            ReplayRun.launcher().isPresent()
                ? "through the launcher (./sla replay)"
                : "in a JVM with the serial collector, -Xmx" + plan.replayHeap(),
            plan.replayHeap()));
    if (!plan.engineSettings().isEmpty()) {
      lines.add(
          "Engine settings changed from its defaults: "
              + plan.engineSettings().entrySet().stream()
                  .map(e -> e.getKey() + "=" + e.getValue())
                  .collect(Collectors.joining(", ")));
    }
    return lines;
  }

  private static String join(List<Integer> sizes) {
    return sizes.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  private static String joinGrouped(List<Integer> sizes) {
    return sizes.stream().map(n -> String.format("%,d", n)).collect(Collectors.joining(" / "));
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the bench's directory " + dir, e);
    }
  }
}
