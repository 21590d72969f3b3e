package io.followup.sla.cli;

import io.followup.sla.history.HistoryGenerator;
import io.followup.sla.history.HistoryGenerator.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./sla generate-history}: a seeded, believable history of leads, touches and statuses as
 * JSON Lines, to try {@code ./sla replay} on.
 */
@Command(
    name = "generate-history",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a generated history of B2B life-science leads as JSON Lines, ready for ./sla replay:"
          + " 20 reps in four US and German teams with their habits (prompt, slow, one generic"
          + " email and silence, ...), buying groups of about seven, touches, engagements and"
          + " statuses in real time.",
      "The same options always write the same file."
    })
final class GenerateHistoryCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--leads",
      paramLabel = "N",
      defaultValue = "10000",
      description = "How many leads arrive in the period (default: ${DEFAULT-VALUE}).")
  int leads;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      defaultValue = "2026-01-01",
      converter = IsoDate.class,
      description = "The first day of the period, UTC (default: ${DEFAULT-VALUE}).")
  LocalDate from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      defaultValue = "2026-12-31",
      converter = IsoDate.class,
      description = "The last day of the period, included (default: ${DEFAULT-VALUE}).")
  LocalDate to;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "7",
      description = "Another seed tells another story (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE.jsonl",
      description = "Where to write the history (replaced if it exists).")
  Path out;

  @Override
  public Integer call() {
    if (leads < 1) {
      throw new UserError("--leads must be at least 1, not " + leads);
    }
    if (to.isBefore(from)) {
      throw new UserError("--to " + to + " is before --from " + from);
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new UserError("cannot write " + out + ": the folder " + parent + " does not exist");
    }
    long started = System.nanoTime();
    HistoryGenerator.Summary summary;
    long bytes;
    try {
      summary = HistoryGenerator.writeJsonLines(out, new Settings(leads, from, to, seed));
      bytes = Files.size(out);
    } catch (IOException e) {
      throw new UserError("cannot write " + out + ": " + e.getMessage());
    }
    spec.commandLine()
        .getErr()
        .printf(
            Locale.ROOT,
            "Generated %d records (%d leads, %d reps and managers, %s to %s, seed %d) in %d ms:"
                + " %s, %.1f MB%n",
            summary.records(),
            summary.leads(),
            summary.reps(),
            from,
            to,
            seed,
            Duration.ofNanos(System.nanoTime() - started).toMillis(),
            out,
            bytes / 1e6);
    return 0;
  }

  /** Reads a date as 2026-01-01, with a message that says so. */
  static final class IsoDate implements CommandLine.ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String text) {
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException(
            "'" + text + "' is not an ISO-8601 date (e.g. 2026-01-01)");
      }
    }
  }
}
