package io.followup.sla.cli;

import io.followup.sla.events.RepProfile;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.events.SlaPolicy;
import io.followup.sla.events.TeamWeeklyReview;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.replay.JsonLines;
import io.followup.sla.replay.PolicyDecision;
import io.followup.sla.replay.ReplayDriver;
import io.followup.sla.replay.ReplayInput;
import io.followup.sla.report.HtmlReport;
import io.followup.sla.report.ReplayReport;
import io.followup.sla.rules.LeadEvents;
import io.followup.sla.rules.RepDirectory;
import io.followup.sla.rules.SlaRules;
import io.followup.sla.step.StepSettings;
import io.followup.sla.text.TextFiles;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./sla replay}: the live rules over recorded history, in event time, without a broker. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the same rules as the live engine over recorded events in event time (no waiting, no"
          + " broker) and writes every alert live running would have produced.",
      "Events: JSON Lines, {\"type\": \"LeadCreated\", ...} with the schemas' field names and"
          + " ISO-8601 UTC times, read as a stream in arrival order (recordedAt, else occurredAt);"
          + " RepProfile lines take effect at their updatedAt (else where they stand), SlaPolicy"
          + " lines at their publishedAt."
    })
final class ReplayCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--events",
      required = true,
      paramLabel = "FILE.jsonl",
      description = "The recorded events.")
  Path events;

  @Option(
      names = "--alerts-out",
      required = true,
      paramLabel = "FILE.jsonl",
      description = "Where to write the alerts, in detectedAt order.")
  Path alertsOut;

  @Option(
      names = "--reviews-out",
      paramLabel = "FILE.jsonl",
      description =
          "Also write each team's weekly review, as the live engine publishes it at Monday 00:00 in"
              + " the team manager's zone, for every week that ended by the end of the replay: one"
              + " a line, by week end, then team.")
  Path reviewsOut;

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description = "The SLA policy (YAML); default: the built-in policy.")
  Path policyFile;

  @Option(
      names = "--as-of",
      paramLabel = "TIME",
      description =
          "Fire deadlines up to this ISO-8601 time (default: when the last event arrived).")
  Instant asOf;

  @Option(
      names = "--reorder-window",
      paramLabel = "DURATION",
      defaultValue = "PT24H",
      description =
          "How far out of arrival order a line may be and still be replayed in order; memory holds"
              + " this much of the history (default: ${DEFAULT-VALUE}).")
  Duration reorderWindow;

  @Option(
      names = "--report",
      paramLabel = "FILE.html",
      description =
          "Also write a self-contained HTML report: compliance by source and rep, time to first"
              + " touch, buying-group coverage, worst offenders.")
  Path report;

  /** What the closing line says about the input. */
  private long eventCount;

  /** When the last lead event arrived: where the replay ends unless --as-of says otherwise. */
  private Instant lastArrival;

  private int reviewCount;

  private final Set<String> leadIds = new HashSet<>();
  private final Map<String, Integer> alertsByKind = new TreeMap<>();
  private final Map<PolicyDecision.Verdict, Integer> policies = new TreeMap<>();

  @Override
  public Integer call() throws Exception {
    if (reorderWindow.isNegative()) {
      throw new UserError("--reorder-window must not be negative, not " + reorderWindow);
    }
    Policy policy =
        policyFile == null ? PolicyLoader.builtInDefault() : PolicyLoader.fromFile(policyFile);
    mustBeWritable(alertsOut);
    if (reviewsOut != null) {
      mustBeWritable(reviewsOut);
    }
    if (report != null) {
      mustBeWritable(report);
    }
    long started = System.nanoTime();
    ReplayReport collector = report == null ? null : new ReplayReport(policy);
    Instant until;
    Policy atTheEnd;
    try (BufferedReader in = open(events)) {
      BufferedWriter out = create(alertsOut);
      JsonLines.LineWriter lines = new JsonLines.LineWriter(out);
      boolean complete = false;
      try (out;
          lines) {
        BufferedWriter reviewsFile = reviewsOut == null ? null : create(reviewsOut);
        JsonLines.LineWriter reviewLines =
            reviewsFile == null ? null : new JsonLines.LineWriter(reviewsFile);
        try (reviewsFile;
            reviewLines) {
          ReplayDriver driver =
              new ReplayDriver(
                  SlaRules.standard(),
                  policy,
                  RepDirectory.empty(),
                  alert -> {
                    alertsByKind.merge(alert.getKind(), 1, Integer::sum);
                    write(lines, alert);
                    if (collector != null) {
                      collector.alerts().accept(alert);
                    }
                  },
                  collector == null ? clock -> {} : collector.clockEvents(),
                  reviewLines == null
                      ? null
                      : review -> {
                        reviewCount++;
                        writeReview(reviewLines, review);
                      },
                  StepSettings.defaults());
          read(in, line -> replay(line, driver, collector));
          until = asOf != null ? asOf : lastArrival == null ? Instant.EPOCH : lastArrival;
          driver.advanceTo(until);
          atTheEnd = driver.policy();
          // The lines are written behind the rules: only once every one is written is a file whole.
          lines.close();
          if (reviewLines != null) {
            closeReviews(reviewLines);
          }
          complete = true;
        }
      } finally {
        if (!complete) {
          // Half the alerts would read like all of them: leave none (nor half the reviews).
          Files.deleteIfExists(alertsOut);
          if (reviewsOut != null) {
            Files.deleteIfExists(reviewsOut);
          }
        }
      }
    } catch (UncheckedIOException e) {
      throw new UserError("cannot write " + alertsOut + ": " + e.getCause().getMessage());
    } catch (IOException e) {
      throw new UserError("cannot write " + alertsOut + ": " + e.getMessage());
    }
    spec.commandLine()
        .getErr()
        .printf(
            "Replayed %d events of %d leads (%s) in %d ms: %d alerts %s, written to %s%s%n",
            eventCount,
            leadIds.size(),
            policySummary(atTheEnd),
            Duration.ofNanos(System.nanoTime() - started).toMillis(),
            alertsByKind.values().stream().mapToInt(Integer::intValue).sum(),
            alertsByKind,
            alertsOut,
            reviewsOut == null
                ? ""
                : "; "
                    + reviewCount
                    + (reviewCount == 1 ? " weekly review" : " weekly reviews")
                    + " written to "
                    + reviewsOut);
    if (collector != null) {
      try {
        Files.writeString(
            report, new HtmlReport().render(collector.model(until)), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UserError("cannot write " + report + ": " + e.getMessage());
      }
      spec.commandLine().getErr().printf("Report written to %s%n", report);
    }
    return 0;
  }

  private BufferedReader open(Path file) {
    try {
      return TextFiles.open(file);
    } catch (NoSuchFileException e) {
      throw new UserError("events file " + file + " does not exist");
    } catch (CharacterCodingException e) {
      throw new UserError(TextFiles.notUtf8(file));
    } catch (IOException e) {
      throw new UserError("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static BufferedWriter create(Path file) {
    try {
      return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserError("cannot write " + file + ": " + e.getMessage());
    }
  }

  private void read(BufferedReader in, Consumer<ReplayInput.Line> sink) {
    try {
      ReplayInput.read(in, reorderWindow, sink);
    } catch (ReplayInput.BadLineException e) {
      throw new UserError(badLine(e));
    } catch (CharacterCodingException e) {
      throw new UserError(TextFiles.notUtf8(events));
    } catch (IOException e) {
      throw new UserError("cannot read " + events + ": " + e.getMessage());
    }
  }

  /** One record of the input, in arrival order. */
  private void replay(ReplayInput.Line line, ReplayDriver driver, ReplayReport collector) {
    SpecificRecord record = line.record();
    if (record instanceof SlaPolicy published) {
      Policy before = driver.policy();
      PolicyDecision decision = driver.acceptPolicy(published);
      policies.merge(decision.verdict(), 1, Integer::sum);
      if (!decision.isApplied()) {
        warn(line, published, decision, before);
      }
      return;
    }
    if (collector != null) {
      collector.accept(record);
    }
    if (record instanceof RepProfile rep) {
      driver.acceptRep(rep);
      return;
    }
    eventCount++;
    // Every lead the replay holds was counted at its first event, when it held none: only then is
    // the set asked, which spares a lookup in a table of every lead for nearly every event.
    String leadId = LeadEvents.leadId(record);
    if (driver.state(leadId) == null) {
      leadIds.add(leadId);
    }
    lastArrival = LeadEvents.arrivedAt(record);
    driver.accept(record);
  }

  /** A policy version the replay did not put in force: one line, and the replay goes on. */
  private void warn(
      ReplayInput.Line line, SlaPolicy published, PolicyDecision decision, Policy inForce) {
    PrintWriter err = spec.commandLine().getErr();
    String what = "policy " + published.getPolicyId() + " version " + published.getVersion();
    if (decision.verdict() == PolicyDecision.Verdict.REFUSED) {
      err.printf(
          "sla: warning: %s line %d: refused %s: %s; version %s stays in force%n",
          events, line.number(), what, decision.reason(), inForce.version());
    } else {
      err.printf(
          "sla: warning: %s line %d: passed over %s: %s%n",
          events, line.number(), what, decision.reason());
    }
  }

  private String policySummary(Policy atTheEnd) {
    String inForce = "policy " + atTheEnd.policyId() + " " + atTheEnd.version();
    if (policies.isEmpty()) {
      return inForce + " throughout";
    }
    int applied = policies.getOrDefault(PolicyDecision.Verdict.APPLIED, 0);
    int refused = policies.getOrDefault(PolicyDecision.Verdict.REFUSED, 0);
    int elsewhere = policies.getOrDefault(PolicyDecision.Verdict.OTHER_POLICY, 0);
    return inForce
        + " at the end; "
        + applied
        + (applied == 1 ? " published version" : " published versions")
        + " applied, "
        + refused
        + " refused"
        + (elsewhere == 0 ? "" : ", " + elsewhere + " of other policies passed over");
  }

  private String badLine(ReplayInput.BadLineException e) {
    String where = events + " line " + e.line() + ": " + e.getMessage();
    if (!e.outOfOrder()) {
      return where;
    }
    return where
        + "; replay reads the file in arrival order (recordedAt, else occurredAt) and reorders it"
        + " only within --reorder-window "
        + reorderWindow
        + ": sort the file, or widen the window";
  }

  private static void mustBeWritable(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new UserError("cannot write " + file + ": the folder " + parent + " does not exist");
    }
  }

  /** A review the file could not take stops the replay with one line naming the file. */
  private void writeReview(JsonLines.LineWriter out, TeamWeeklyReview review) {
    try {
      out.write(review);
    } catch (IOException e) {
      throw new UserError("cannot write " + reviewsOut + ": " + e.getMessage());
    }
  }

  private void closeReviews(JsonLines.LineWriter out) {
    try {
      out.close();
    } catch (IOException e) {
      throw new UserError("cannot write " + reviewsOut + ": " + e.getMessage());
    }
  }

  private static void write(JsonLines.LineWriter out, SlaAlert alert) {
    try {
      out.write(alert);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
