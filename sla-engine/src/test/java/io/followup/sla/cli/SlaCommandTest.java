package io.followup.sla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.events.SlaAlert;
import io.followup.sla.replay.JsonLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person sees at the command line: one clear line for every mistake, never a stack trace.
 */
class SlaCommandTest {

  @TempDir Path dir;

  private static SlaRun sla(String... args) {
    return SlaRun.of(args);
  }

  /** Replays {@code events} into a.jsonl beside them. */
  private SlaRun replay(Path events) {
    return sla(
        "replay", "--events", events.toString(), "--alerts-out", dir.resolve("a.jsonl").toString());
  }

  /** Replays no events under {@code policy}: what the policy file alone makes of the command. */
  private SlaRun replayWithPolicy(Path policy) throws IOException {
    Path events = Files.writeString(dir.resolve("events.jsonl"), "");
    return sla(
        "replay",
        "--events",
        events.toString(),
        "--alerts-out",
        dir.resolve("a.jsonl").toString(),
        "--policy",
        policy.toString());
  }

  private static void assertOneLineError(SlaRun result, int exitCode, String containing) {
    assertThat(result.exitCode()).isEqualTo(exitCode);
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.errLines().get(0))
        .startsWith("sla: ")
        .contains(containing)
        .doesNotContain("Exception");
  }

  @Test
  void noCommandAndUnknownOptionsAreOneLine() {
    assertOneLineError(sla(), 2, "name a command");
    assertOneLineError(
        sla("replay", "--events", "e", "--alerts-out", "a", "--frobnicate"),
        2,
        "Unknown option: '--frobnicate'");
    assertOneLineError(sla("demo", "--duration", "two minutes"), 2, "--duration");
    assertOneLineError(sla("replay"), 2, "Missing required options");
    assertOneLineError(sla("fly"), 2, "Unmatched argument");
  }

  @Test
  void anUnknownOptionIsReportedAsUnknownEvenWithRequiredOnesMissing() {
    assertOneLineError(sla("replay", "--frobnicate"), 2, "Unknown option: '--frobnicate'");
    assertOneLineError(
        sla("replay", "--event", "e.jsonl", "--alerts-out", "a.jsonl"),
        2,
        "Unknown options: '--event'");
    assertThat(sla("replay", "--frobnicate").err()).doesNotContain("Missing required");
  }

  @Test
  void aPolicyWithADuplicateKeyIsRefusedWithTheKeysLine() throws Exception {
    Path policy = dir.resolve("policy.yaml");
    Files.writeString(
        policy,
        "policyId: p\nversion: \"1\"\nrules:\n  first-touch:\n    sla: PT4H\n    sla: PT8H\n");
    assertOneLineError(
        replayWithPolicy(policy),
        1,
        "policy.yaml line 6: 'sla' is given twice (also on line 5); keep one");
  }

  @Test
  void aReplayLineWithAnEmptyIdIsRefusedWithItsNumber() throws Exception {
    Path events = dir.resolve("events.jsonl");
    Files.writeString(
        events,
        """
        {"type":"LeadCreated","eventId":"e1","leadId":"L-1","occurredAt":"2026-03-06T09:00:00Z","source":"WEBINAR"}
        {"type":"LeadCreated","eventId":"e2","leadId":"","occurredAt":"2026-03-06T09:00:00Z","source":"WEBINAR"}
        """);
    Path alerts = dir.resolve("a.jsonl");
    assertOneLineError(
        sla("replay", "--events", events.toString(), "--alerts-out", alerts.toString()),
        1,
        "events.jsonl line 2: LeadCreated.leadId is empty");
    assertThat(alerts).doesNotExist();

    Files.writeString(
        events,
        """
        {"type":"SlaPolicy","policyId":" ","version":"2","document":"policyId: default","publishedAt":"2026-03-06T09:00:00Z"}
        """);
    assertOneLineError(
        sla("replay", "--events", events.toString(), "--alerts-out", alerts.toString()),
        1,
        "events.jsonl line 1: SlaPolicy.policyId is empty");
  }

  @Test
  void anInvalidPublishedPolicyInReplayIsReportedWithItsLineAndTheReplayGoesOn() throws Exception {
    // As live: a published version that does not validate is refused and the one in force stays.
    Path events = dir.resolve("events.jsonl");
    Files.writeString(
        events,
        """
        {"type":"SlaPolicy","policyId":"default","version":"2","document":"rules: [","publishedAt":"2026-03-06T08:00:00Z"}
        {"type":"LeadCreated","eventId":"e1","leadId":"L-1","occurredAt":"2026-03-06T09:00:00Z","source":"WEBINAR"}
        """);
    SlaRun result = replay(events);
    assertThat(result.exitCode()).isZero();
    assertThat(result.errLines().get(0))
        .startsWith("sla: warning: " + events + " line 1: refused policy default version 2:")
        .contains("not valid YAML");
    assertThat(result.errLines().get(1)).contains("1 refused");
  }

  @Test
  void inputThatIsNotUtf8NamesItsFileAndLine() throws Exception {
    Path events = dir.resolve("events.jsonl");
    byte[] latin1 =
        ("{\"type\":\"LeadCreated\",\"eventId\":\"e1\",\"leadId\":\"L-1\","
                + "\"occurredAt\":\"2026-03-06T09:00:00Z\",\"source\":\"WEBINAR\"}\n"
                + "{\"type\":\"LeadCreated\",\"eventId\":\"e2\",\"leadId\":\"L-M\u00fcller\","
                + "\"occurredAt\":\"2026-03-06T09:00:00Z\",\"source\":\"WEBINAR\"}\n")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Files.write(events, latin1);
    SlaRun replay = replay(events);
    assertOneLineError(replay, 1, events + " line 2 is not UTF-8 text");
    assertThat(replay.err()).doesNotContain("Input length");

    Path policy = dir.resolve("policy.yaml");
    Files.write(
        policy,
        "policyId: p\nversion: \"1\"\n# f\u00fcr\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertOneLineError(replayWithPolicy(policy), 1, policy + " line 3 is not UTF-8 text");

    Path reps = dir.resolve("reps.csv");
    Files.write(
        reps,
        ("repId,name,email,managerId,team,timeZone,workingHours\n"
                + "R-1,J\u00fcrgen,j@x.io,,T,UTC,\n")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertOneLineError(sla("reps", "import", reps.toString()), 1, reps + " line 2 is not UTF-8");
  }

  @Test
  void missingFilesAreOneLine() {
    assertOneLineError(
        sla(
            "replay",
            "--events",
            dir.resolve("nope.jsonl").toString(),
            "--alerts-out",
            dir.resolve("a.jsonl").toString()),
        1,
        "events file " + dir.resolve("nope.jsonl") + " does not exist");
    assertOneLineError(
        sla("run", "--config", dir.resolve("engine.properties").toString()), 1, "does not exist");
  }

  @Test
  void anInvalidPolicyNamesItsLineAndField() throws Exception {
    Path policy = dir.resolve("policy.yaml");
    Files.writeString(
        policy, "policyId: p\nversion: \"1\"\nrules:\n  first-touch:\n    sla: two days\n");
    assertOneLineError(
        replayWithPolicy(policy),
        1,
        "policy.yaml line 5: rule first-touch: 'sla' must be an ISO-8601 duration");
    assertOneLineError(
        sla("run", "--policy", policy.toString()),
        1,
        "policy.yaml line 5: rule first-touch: 'sla' must be an ISO-8601 duration");
  }

  @Test
  void aBadEventLineNamesItsNumber() throws Exception {
    Path events = dir.resolve("events.jsonl");
    Files.writeString(
        events,
        """
        {"type":"LeadCreated","eventId":"e1","leadId":"L-1","occurredAt":"2026-03-06T09:00:00Z","source":"WEBINAR","ownerRepId":"R-1"}

        {"type":"RepTouched","eventId":"e2","leadId":"L-1","occurredAt":"soon"}
        """);
    assertOneLineError(
        replay(events),
        1,
        "events.jsonl line 3: RepTouched.occurredAt must be an ISO-8601 UTC time");
  }

  @Test
  void halfConfiguredInfrastructureIsRefused() throws Exception {
    Path config = dir.resolve("engine.properties");
    Files.writeString(config, "kafka.bootstrap-servers=localhost:1\n");
    assertOneLineError(
        sla("run", "--config", config.toString()),
        1,
        "set both kafka.bootstrap-servers and schema-registry.url");
  }

  @Test
  void anUnreachableRegistryIsOneLine() throws Exception {
    Path config = dir.resolve("engine.properties");
    Files.writeString(
        config, "kafka.bootstrap-servers=localhost:1\nschema-registry.url=http://localhost:1\n");
    assertOneLineError(
        sla("run", "--config", config.toString()),
        1,
        "the schema registry at http://localhost:1 is unreachable");
  }

  @Test
  void replayWritesTheAlertsLiveRunningWouldHaveProduced() throws Exception {
    Path events = dir.resolve("events.jsonl");
    Files.writeString(
        events,
        """
        {"type":"RepProfile","repId":"R-1","name":"Dana Ortiz","managerId":"M-1"}
        {"type":"LeadCreated","eventId":"e1","leadId":"L-1","occurredAt":"2026-03-06T09:00:00Z","source":"RFP_REQUEST","ownerRepId":"R-1"}
        {"type":"LeadCreated","eventId":"e2","leadId":"L-2","occurredAt":"2026-03-06T09:00:00Z","source":"RFP_REQUEST","ownerRepId":"R-1"}
        {"type":"RepTouched","eventId":"e3","leadId":"L-2","occurredAt":"2026-03-06T10:00:00Z","repId":"R-1","channel":"CALL","direction":"OUTBOUND"}
        {"type":"LeadStatusChanged","eventId":"e4","leadId":"L-2","occurredAt":"2026-03-08T10:00:00Z","status":"CLOSED"}
        """);
    Path alerts = dir.resolve("alerts.jsonl");
    SlaRun result = sla("replay", "--events", events.toString(), "--alerts-out", alerts.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).contains("Replayed 4 events of 2 leads");
    List<SlaAlert> written =
        Files.readAllLines(alerts).stream()
            .map(
                line -> {
                  try {
                    return (SlaAlert) JsonLines.read(line);
                  } catch (JsonLines.InvalidLineException e) {
                    throw new AssertionError(e);
                  }
                })
            .toList();
    assertThat(written)
        .extracting(SlaAlert::getLeadId, SlaAlert::getKind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("L-1", "WARNING"),
            org.assertj.core.groups.Tuple.tuple("L-1", "BREACHED"),
            org.assertj.core.groups.Tuple.tuple("L-1", "ESCALATED"));
    assertThat(written.get(1).getSummary()).contains("Dana Ortiz");
    assertThat(written.get(2).getManagerId()).isEqualTo("M-1");
  }
}
