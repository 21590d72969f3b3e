package io.followup.sla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./sla replay --report FILE.html}: the page next to the alerts, or one clear line. */
class ReplayReportCommandTest {

  @TempDir Path dir;

  private static final String EVENTS =
      """
      {"type":"RepProfile","repId":"R-1","name":"Dana Ortiz","managerId":"M-1"}
      {"type":"LeadCreated","eventId":"e1","leadId":"L-1","occurredAt":"2026-03-06T09:00:00Z","accountId":"A-1","source":"RFP_REQUEST","ownerRepId":"R-1"}
      {"type":"LeadCreated","eventId":"e2","leadId":"L-2","occurredAt":"2026-03-06T09:00:00Z","accountId":"A-1","source":"RFP_REQUEST","ownerRepId":"R-1"}
      {"type":"RepTouched","eventId":"e3","leadId":"L-2","occurredAt":"2026-03-06T10:00:00Z","repId":"R-1","channel":"CALL","direction":"OUTBOUND"}
      {"type":"LeadStatusChanged","eventId":"e4","leadId":"L-2","occurredAt":"2026-03-08T10:00:00Z","status":"CLOSED"}
      """;

  private static SlaRun sla(String... args) {
    return SlaRun.of(args);
  }

  @Test
  void writesTheReportAndSaysWhere() throws Exception {
    Path events = dir.resolve("events.jsonl");
    Files.writeString(events, EVENTS);
    Path report = dir.resolve("report.html");
    SlaRun result =
        sla(
            "replay",
            "--events",
            events.toString(),
            "--alerts-out",
            dir.resolve("alerts.jsonl").toString(),
            "--report",
            report.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).contains("Report written to " + report);
    String page = Files.readString(report);
    // L-1 breached its 4h RFP deadline and is still open at the last event, 49h later.
    assertThat(page)
        .contains("policy <strong>default</strong>")
        .contains("Dana Ortiz")
        .contains("<code>L-1</code>")
        .contains("1 of 2");
  }

  @Test
  void aReportInAMissingFolderIsOneLineBeforeAnyWork() throws Exception {
    Path events = dir.resolve("events.jsonl");
    Files.writeString(events, EVENTS);
    Path alerts = dir.resolve("alerts.jsonl");
    SlaRun result =
        sla(
            "replay",
            "--events",
            events.toString(),
            "--alerts-out",
            alerts.toString(),
            "--report",
            dir.resolve("nowhere/report.html").toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().lines().toList())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("sla: ")
                    .contains("cannot write")
                    .contains("does not exist"));
    assertThat(alerts).doesNotExist();
  }
}
