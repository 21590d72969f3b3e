package io.followup.sla.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.replay.JsonLines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./sla replay} end to end: arrival time, rep profiles and policies that change during the
 * history, and files out of order. T0 is Friday 2026-03-06 09:00 UTC; the built-in policy gives a
 * webinar lead 48h to its first touch, warns at 36h and escalates 24h after the breach.
 */
class ReplayCommandTest {

  @TempDir Path dir;

  private SlaRun replay(String events, String... more) throws Exception {
    Path file = dir.resolve("events.jsonl");
    Files.writeString(file, events);
    List<String> args =
        new ArrayList<>(
            List.of(
                "replay",
                "--events",
                file.toString(),
                "--alerts-out",
                dir.resolve("alerts.jsonl").toString()));
    args.addAll(List.of(more));
    return SlaRun.of(args.toArray(String[]::new));
  }

  private List<SlaAlert> alerts() throws Exception {
    List<SlaAlert> alerts = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("alerts.jsonl"))) {
      alerts.add((SlaAlert) JsonLines.read(line));
    }
    return alerts;
  }

  private static final String TEAM =
      """
      {"type":"RepProfile","repId":"R-1","name":"Dana Ortiz","managerId":"M-1"}
      {"type":"RepProfile","repId":"M-1","name":"Sam Patel"}
      """;

  @Test
  void aTouchLoggedAfterTheDeadlineBreachesAndIsThenWithdrawnAsLive() throws Exception {
    SlaRun result =
        replay(
            TEAM
                + """
                {"type":"LeadCreated","eventId":"e1","leadId":"L-LATE","occurredAt":"2026-03-06T09:00:00Z","source":"WEBINAR","ownerRepId":"R-1"}
                {"type":"LeadCreated","eventId":"e2","leadId":"L-LIVE","occurredAt":"2026-03-06T09:00:00Z","source":"WEBINAR","ownerRepId":"R-1"}
                {"type":"RepTouched","eventId":"e3","leadId":"L-LATE","occurredAt":"2026-03-08T08:00:00Z","recordedAt":"2026-03-08T11:00:00Z","repId":"R-1","channel":"CALL","direction":"OUTBOUND"}
                {"type":"RepTouched","eventId":"e4","leadId":"L-LIVE","occurredAt":"2026-03-08T08:00:00Z","repId":"R-1","channel":"CALL","direction":"OUTBOUND"}
                """);

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<SlaAlert> alerts = alerts();
    assertThat(alerts)
        .filteredOn(a -> a.getLeadId().equals("L-LATE"))
        .extracting(SlaAlert::getKind, SlaAlert::getDetectedAt)
        .containsExactly(
            tuple("WARNING", Instant.parse("2026-03-07T21:00:00Z")),
            tuple("BREACHED", Instant.parse("2026-03-08T09:00:00Z")),
            tuple("RESOLVED", Instant.parse("2026-03-08T11:00:00Z")));
    assertThat(alerts.get(alerts.size() - 1).getSummary()).contains("withdrawn");
    assertThat(alerts)
        .filteredOn(a -> a.getLeadId().equals("L-LIVE"))
        .extracting(SlaAlert::getKind)
        .containsExactly("WARNING", "RESOLVED");
    assertThat(result.err()).contains("Replayed 4 events of 2 leads");
  }

  @Test
  void aRepWhoGoesOutOfOfficeOnTuesdayHasLaterWarningsGoToTheManager() throws Exception {
    // Dana's new profile is listed first, but takes effect at its updatedAt, Tuesday 00:00.
    SlaRun result =
        replay(
            TEAM
                + """
                {"type":"RepProfile","repId":"R-1","name":"Dana Ortiz","managerId":"M-1","outOfOffice":true,"outOfOfficeUntil":"2026-03-16T08:00:00Z","updatedAt":"2026-03-10T00:00:00Z"}
                {"type":"LeadCreated","eventId":"e1","leadId":"L-FRI","occurredAt":"2026-03-06T09:00:00Z","source":"WEBINAR","ownerRepId":"R-1"}
                {"type":"LeadCreated","eventId":"e2","leadId":"L-MON","occurredAt":"2026-03-09T09:00:00Z","source":"WEBINAR","ownerRepId":"R-1"}
                """,
            "--as-of",
            "2026-03-12T12:00:00Z");

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<SlaAlert> alerts = alerts();
    assertThat(alerts)
        .extracting(SlaAlert::getLeadId, SlaAlert::getKind, SlaAlert::getRecipientId)
        .containsExactly(
            tuple("L-FRI", "WARNING", "R-1"),
            tuple("L-FRI", "BREACHED", "R-1"),
            tuple("L-FRI", "ESCALATED", "M-1"),
            tuple("L-MON", "WARNING", "M-1"),
            tuple("L-MON", "BREACHED", "M-1"),
            tuple("L-MON", "ESCALATED", "M-1"));
    assertThat(alerts.get(0).getSummary()).doesNotContain("out of office");
    assertThat(alerts.get(3).getSummary()).startsWith("Rep Dana Ortiz is out of office until ");
  }

  private static final String POLICIES =
      """
      {"type":"SlaPolicy","policyId":"default","version":"v2","document":"policyId: default\\nversion: v2\\nrules:\\n  first-touch: {sla: PT24H}\\n","publishedAt":"2026-03-06T08:00:00Z"}
      {"type":"SlaPolicy","policyId":"default","version":"v3","document":"policyId: default\\nversion: v3\\nrules:\\n  first-touch:\\n    sla: two days\\n","publishedAt":"2026-03-06T08:30:00Z"}
      {"type":"SlaPolicy","policyId":"emea","version":"e1","document":"policyId: emea\\nversion: e1\\nrules: {}\\n","publishedAt":"2026-03-06T08:40:00Z"}
      {"type":"LeadCreated","eventId":"e1","leadId":"L-1","occurredAt":"2026-03-06T09:00:00Z","source":"WEBINAR","ownerRepId":"R-1"}
      """;

  @Test
  void aPolicyThatDoesNotValidateIsOneWarningAndTheReplayGoesOn() throws Exception {
    SlaRun result = replay(TEAM + POLICIES, "--as-of", "2026-03-08T12:00:00Z");

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<String> lines = result.errLines();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0))
        .startsWith("sla: warning: " + dir.resolve("events.jsonl") + " line 4: ")
        .contains("refused policy default version v3")
        .contains("v3: document line 5: rule first-touch: 'sla' must be an ISO-8601 duration")
        .endsWith("; version v2 stays in force")
        .doesNotContain("Exception");
    assertThat(lines.get(1))
        .startsWith("sla: warning: " + dir.resolve("events.jsonl") + " line 5: ")
        .endsWith("passed over policy emea version e1: the replay follows policy default");
    assertThat(lines.get(2))
        .startsWith("Replayed 1 events of 1 leads")
        .contains(
            "policy default v2 at the end; 1 published version applied, 1 refused,"
                + " 1 of other policies passed over");

    assertThat(alerts())
        .filteredOn(a -> a.getKind().equals("BREACHED"))
        .singleElement()
        .satisfies(
            breach -> {
              assertThat(breach.getPolicyVersion()).isEqualTo("v2");
              assertThat(breach.getDueAt()).isEqualTo(Instant.parse("2026-03-07T09:00:00Z"));
            });
  }

  @Test
  void withoutPublishedPoliciesTheClosingLineNamesThePolicyUsedThroughout() throws Exception {
    SlaRun result =
        replay(
            """
            {"type":"LeadCreated","eventId":"e1","leadId":"L-1","occurredAt":"2026-03-06T09:00:00Z","source":"WEBINAR","ownerRepId":"R-1"}
            """);
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.errLines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith(
                        "Replayed 1 events of 1 leads (policy default builtin-1 throughout)"));
  }

  private static final String SHUFFLED =
      """
      {"type":"LeadCreated","eventId":"e1","leadId":"L-1","occurredAt":"2026-03-06T09:00:00Z","source":"WEBINAR","ownerRepId":"R-1"}
      {"type":"LeadCreated","eventId":"e2","leadId":"L-2","occurredAt":"2026-03-06T11:00:00Z","source":"WEBINAR","ownerRepId":"R-1"}
      {"type":"LeadCreated","eventId":"e3","leadId":"L-3","occurredAt":"2026-03-09T09:00:00Z","source":"WEBINAR","ownerRepId":"R-1"}
      {"type":"RepTouched","eventId":"e4","leadId":"L-1","occurredAt":"2026-03-06T10:00:00Z","repId":"R-1","channel":"CALL","direction":"OUTBOUND"}
      """;

  @Test
  void aLineTooFarOutOfOrderIsOneLineAndLeavesNoAlerts() throws Exception {
    SlaRun result = replay(SHUFFLED);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("sla: " + dir.resolve("events.jsonl") + " line 4: RepTouched")
                    .contains("arrived at 2026-03-06T10:00:00Z")
                    .contains("--reorder-window PT24H")
                    .doesNotContain("Exception"));
    assertThat(dir.resolve("alerts.jsonl")).doesNotExist();
  }

  @Test
  void aWiderWindowReplaysTheSameFileAsIfItWereSorted() throws Exception {
    SlaRun wide = replay(SHUFFLED, "--reorder-window", "P3D");
    assertThat(wide.exitCode()).as(wide.err()).isZero();
    List<SlaAlert> reordered = alerts();

    List<String> lines = new ArrayList<>(SHUFFLED.lines().toList());
    lines.add(1, lines.remove(3));
    SlaRun sorted = replay(String.join("\n", lines));
    assertThat(sorted.exitCode()).as(sorted.err()).isZero();

    assertThat(reordered).isNotEmpty().isEqualTo(alerts());
    assertThat(reordered).noneMatch(a -> a.getLeadId().equals("L-1"));
  }

  @Test
  void aNegativeWindowIsOneLine() throws Exception {
    SlaRun result = replay("", "--reorder-window", "-PT1H");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .singleElement()
        .satisfies(
            line -> assertThat(line).startsWith("sla: --reorder-window must not be negative"));
  }

  /**
   * A team in New York and one in Berlin, a lead each touched in time and one each never touched;
   * the last event arrives Monday 2026-03-09 02:00 UTC, after Monday 00:00 in Berlin (23:00 UTC)
   * and before it in New York (04:00 UTC).
   */
  private static final String TWO_TEAMS =
      """
      {"type":"RepProfile","repId":"R-NY","name":"Ana Ruiz","managerId":"M-NY","team":"East","timeZone":"America/New_York"}
      {"type":"RepProfile","repId":"M-NY","name":"Lee Chen","team":"East","timeZone":"America/New_York"}
      {"type":"RepProfile","repId":"R-BE","name":"Jonas Weber","managerId":"M-BE","team":"Central","timeZone":"Europe/Berlin"}
      {"type":"RepProfile","repId":"M-BE","name":"Eva Braun","team":"Central","timeZone":"Europe/Berlin"}
      {"type":"LeadCreated","eventId":"e1","leadId":"L-NY-1","occurredAt":"2026-03-06T09:00:00Z","source":"WEBINAR","ownerRepId":"R-NY"}
      {"type":"LeadCreated","eventId":"e2","leadId":"L-NY-2","occurredAt":"2026-03-06T09:00:00Z","source":"WEBINAR","ownerRepId":"R-NY"}
      {"type":"LeadCreated","eventId":"e3","leadId":"L-BE-1","occurredAt":"2026-03-06T09:00:00Z","source":"WEBINAR","ownerRepId":"R-BE"}
      {"type":"LeadCreated","eventId":"e4","leadId":"L-BE-2","occurredAt":"2026-03-06T09:00:00Z","source":"WEBINAR","ownerRepId":"R-BE"}
      {"type":"RepTouched","eventId":"e5","leadId":"L-NY-1","occurredAt":"2026-03-06T10:00:00Z","repId":"R-NY","channel":"CALL","direction":"OUTBOUND"}
      {"type":"RepTouched","eventId":"e6","leadId":"L-BE-1","occurredAt":"2026-03-06T10:00:00Z","repId":"R-BE","channel":"CALL","direction":"OUTBOUND"}
      {"type":"LeadCreated","eventId":"e7","leadId":"L-NY-3","occurredAt":"2026-03-09T02:00:00Z","source":"WEBINAR","ownerRepId":"R-NY"}
      """;

  private List<JsonNode> reviews() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> reviews = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("reviews.jsonl"))) {
      reviews.add(json.readTree(line));
    }
    return reviews;
  }

  @Test
  void reviewsOfTheWeeksEndedByTheLastEventAreWrittenOneALineAndCounted() throws Exception {
    String reviewsOut = dir.resolve("reviews.jsonl").toString();
    SlaRun result = replay(TWO_TEAMS, "--reviews-out", reviewsOut);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.errLines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("Replayed 7 events of 5 leads")
                    .endsWith("; 1 weekly review written to " + reviewsOut));
    // Berlin's week 10 has ended; New York's is still running at the last event: not reviewed.
    List<JsonNode> reviews = reviews();
    assertThat(reviews).hasSize(1);
    JsonNode berlin = reviews.get(0);
    assertThat(berlin.get("type").asText()).isEqualTo("TeamWeeklyReview");
    assertThat(berlin.get("reviewId").asText()).isEqualTo("Central/2026-W10");
    assertThat(berlin.get("timeZone").asText()).isEqualTo("Europe/Berlin");
    assertThat(berlin.get("weekEnd").asText()).isEqualTo("2026-03-08T23:00:00Z");
    assertThat(berlin.get("overall").get("met").asInt()).isEqualTo(1);
    assertThat(berlin.get("overall").get("missed").asInt()).isEqualTo(1);
    assertThat(berlin.get("atRisk").get(0).get("leadId").asText()).isEqualTo("L-BE-2");
    assertThat(berlin.get("bestReps").get(0).get("repName").asText()).isEqualTo("Jonas Weber");

    SlaRun later =
        replay(TWO_TEAMS, "--reviews-out", reviewsOut, "--as-of", "2026-03-09T04:00:00Z");
    assertThat(later.exitCode()).as(later.err()).isZero();
    assertThat(later.err()).contains("; 2 weekly reviews written to ");
    assertThat(reviews())
        .extracting(r -> r.get("reviewId").asText())
        .containsExactly("Central/2026-W10", "East/2026-W10");
  }

  @Test
  void aReplayThatStopsLeavesNoReviews() throws Exception {
    Path reviewsOut = dir.resolve("reviews.jsonl");
    SlaRun result = replay(SHUFFLED, "--reviews-out", reviewsOut.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(reviewsOut).doesNotExist();
    assertThat(dir.resolve("alerts.jsonl")).doesNotExist();
  }

  @Test
  void aReviewsFileInAFolderThatDoesNotExistIsOneLine() throws Exception {
    Path nowhere = dir.resolve("no-such-folder").resolve("reviews.jsonl");
    SlaRun result = replay(TWO_TEAMS, "--reviews-out", nowhere.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .singleElement()
        .satisfies(line -> assertThat(line).startsWith("sla: cannot write " + nowhere));
  }
}
