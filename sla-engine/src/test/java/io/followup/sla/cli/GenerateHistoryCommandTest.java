package io.followup.sla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.RepProfile;
import io.followup.sla.replay.JsonLines;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./sla generate-history} at the command line. It joins {@link SlaCommand}'s subcommands at
 * merge; until then it runs under the same error handling as there: one line for every mistake.
 */
class GenerateHistoryCommandTest {

  @TempDir Path dir;

  private record Result(int exitCode, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  private static Result generateHistory(String... args) {
    StringWriter err = new StringWriter();
    PrintWriter errWriter = new PrintWriter(err, true);
    CommandLine cli = new CommandLine(new GenerateHistoryCommand());
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(errWriter);
    cli.setParameterExceptionHandler(
        (e, a) -> {
          errWriter.println("sla: " + e.getMessage());
          return 2;
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          errWriter.println("sla: " + (e instanceof UserError ? e.getMessage() : e.toString()));
          return 1;
        });
    return new Result(cli.execute(args), err.toString());
  }

  private static void assertOneLineError(Result result, int exitCode, String containing) {
    assertThat(result.exitCode()).isEqualTo(exitCode);
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.errLines().get(0)).contains(containing).doesNotContain("Exception");
  }

  @Test
  void writesAHistoryThatReplayReads() throws Exception {
    Path out = dir.resolve("history.jsonl");
    Result result =
        generateHistory(
            "--leads",
            "120",
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-31",
            "--seed",
            "3",
            "--out",
            out.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.errLines()).singleElement().asString().startsWith("Generated ");
    assertThat(result.err()).contains("120 leads", "seed 3", out.toString());
    List<String> lines = Files.readAllLines(out);
    List<SpecificRecord> records = new ArrayList<>();
    for (String line : lines) {
      records.add(JsonLines.read(line));
    }
    assertThat(records).filteredOn(r -> r instanceof RepProfile).hasSize(24);
    assertThat(records).filteredOn(r -> r instanceof LeadCreated).hasSize(120);

    Path again = dir.resolve("again.jsonl");
    generateHistory(
        "--leads",
        "120",
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
        "--seed",
        "3",
        "--out",
        again.toString());
    assertThat(Files.readAllLines(again)).isEqualTo(lines);
  }

  @Test
  void everyMistakeIsOneLine() {
    String out = dir.resolve("h.jsonl").toString();
    assertOneLineError(generateHistory(), 2, "Missing required option: '--out=FILE.jsonl'");
    assertOneLineError(
        generateHistory("--from", "1 Jan 2026", "--out", out),
        2,
        "'1 Jan 2026' is not an ISO-8601 date (e.g. 2026-01-01)");
    assertOneLineError(generateHistory("--leads", "many", "--out", out), 2, "--leads");
    assertOneLineError(
        generateHistory("--leads", "0", "--out", out), 1, "--leads must be at least 1, not 0");
    assertOneLineError(
        generateHistory("--from", "2026-12-31", "--to", "2026-01-01", "--out", out),
        1,
        "--to 2026-01-01 is before --from 2026-12-31");
    Path nowhere = dir.resolve("no-such-folder").resolve("h.jsonl");
    assertOneLineError(
        generateHistory("--out", nowhere.toString()),
        1,
        "cannot write " + nowhere + ": the folder " + nowhere.getParent() + " does not exist");
  }
}
