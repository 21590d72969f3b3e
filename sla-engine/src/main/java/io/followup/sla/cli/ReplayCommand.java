package io.followup.sla.cli;

import io.followup.sla.events.RepProfile;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.events.SlaPolicy;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.replay.JsonLines;
import io.followup.sla.replay.ReplayDriver;
import io.followup.sla.report.HtmlReport;
import io.followup.sla.report.ReplayReport;
import io.followup.sla.rules.LeadEvents;
import io.followup.sla.rules.RepDirectory;
import io.followup.sla.rules.SlaRules;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
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
          + " ISO-8601 UTC times; RepProfile lines name reps and managers in the alerts."
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
      names = "--policy",
      paramLabel = "FILE",
      description = "The SLA policy (YAML); default: the built-in policy.")
  Path policyFile;

  @Option(
      names = "--as-of",
      paramLabel = "TIME",
      description = "Fire deadlines up to this ISO-8601 time (default: the last event's time).")
  Instant asOf;

  @Option(
      names = "--report",
      paramLabel = "FILE.html",
      description =
          "Also write a self-contained HTML report: compliance by source and rep, time to first"
              + " touch, buying-group coverage, worst offenders.")
  Path report;

  @Override
  public Integer call() throws Exception {
    Policy policy =
        policyFile == null ? PolicyLoader.builtInDefault() : PolicyLoader.fromFile(policyFile);
    long started = System.nanoTime();
    Map<String, RepProfile> reps = new HashMap<>();
    List<SpecificRecord> leadEvents = readEvents(reps);
    leadEvents.sort(Comparator.comparing(ReplayDriver::timeOf));
    Instant until =
        asOf != null
            ? asOf
            : leadEvents.isEmpty()
                ? Instant.EPOCH
                : ReplayDriver.timeOf(leadEvents.get(leadEvents.size() - 1));

    Map<String, Integer> byKind = new TreeMap<>();
    Path parent = alertsOut.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new UserError(
          "cannot write " + alertsOut + ": the folder " + parent + " does not exist");
    }
    Path reportParent = report == null ? null : report.toAbsolutePath().getParent();
    if (reportParent != null && !Files.isDirectory(reportParent)) {
      throw new UserError(
          "cannot write " + report + ": the folder " + reportParent + " does not exist");
    }
    ReplayReport collector = report == null ? null : new ReplayReport(policy);
    if (collector != null) {
      reps.values().forEach(collector::accept);
    }
    try (BufferedWriter out = Files.newBufferedWriter(alertsOut, StandardCharsets.UTF_8)) {
      ReplayDriver driver =
          new ReplayDriver(
              SlaRules.standard(),
              policy,
              RepDirectory.of(reps),
              alert -> {
                byKind.merge(alert.getKind(), 1, Integer::sum);
                write(out, alert);
                if (collector != null) {
                  collector.alerts().accept(alert);
                }
              },
              collector == null ? clock -> {} : collector.clockEvents());
      for (SpecificRecord event : leadEvents) {
        if (collector != null) {
          collector.accept(event);
        }
        driver.accept(event);
      }
      driver.advanceTo(until);
    } catch (IOException e) {
      throw new UserError("cannot write " + alertsOut + ": " + e.getMessage());
    }
    long leads =
        leadEvents.stream()
            .filter(LeadEvents::isLeadEvent)
            .map(LeadEvents::leadId)
            .distinct()
            .count();
    spec.commandLine()
        .getErr()
        .printf(
            "Replayed %d events of %d leads (policy %s %s) in %d ms: %d alerts %s, written to %s%n",
            leadEvents.size(),
            leads,
            policy.policyId(),
            policy.version(),
            Duration.ofNanos(System.nanoTime() - started).toMillis(),
            byKind.values().stream().mapToInt(Integer::intValue).sum(),
            byKind,
            alertsOut);
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

  private List<SpecificRecord> readEvents(Map<String, RepProfile> reps) {
    List<SpecificRecord> leadEvents = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        SpecificRecord record;
        try {
          record = JsonLines.read(line);
        } catch (JsonLines.InvalidLineException e) {
          throw new UserError(events + " line " + number + ": " + e.getMessage());
        }
        if (record instanceof RepProfile rep) {
          reps.put(rep.getRepId(), rep);
        } else if (LeadEvents.isLeadEvent(record) || record instanceof SlaPolicy) {
          leadEvents.add(record);
        }
      }
    } catch (NoSuchFileException e) {
      throw new UserError("events file " + events + " does not exist");
    } catch (IOException e) {
      throw new UserError("cannot read " + events + ": " + e.getMessage());
    }
    return leadEvents;
  }

  private static void write(BufferedWriter out, SlaAlert alert) {
    try {
      out.write(JsonLines.write(alert));
      out.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
