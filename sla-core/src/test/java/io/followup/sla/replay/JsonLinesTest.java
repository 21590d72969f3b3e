package io.followup.sla.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.followup.sla.events.AtRiskClock;
import io.followup.sla.events.ComplianceLine;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.RepLine;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.RepTouched;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.events.TeamWeeklyReview;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesTest {

  @Test
  void readsAnEventWithIsoTimesAndDefaultsForOptionalFields() throws Exception {
    var record =
        JsonLines.read(
            """
            {"type": "LeadCreated", "eventId": "e1", "leadId": "L-1", "occurredAt": "2026-03-06T17:00:00Z", "source": "RFP_REQUEST", "extra": 1}
            """);
    assertThat(record).isInstanceOf(LeadCreated.class);
    LeadCreated created = (LeadCreated) record;
    assertThat(created.getOccurredAt()).isEqualTo(Instant.parse("2026-03-06T17:00:00Z"));
    assertThat(created.getOwnerRepId()).isNull();
    assertThat(created.getSource()).isEqualTo("RFP_REQUEST");
  }

  @Test
  void readsBooleansAndNulls() throws Exception {
    RepTouched touch =
        (RepTouched)
            JsonLines.read(
                """
                {"type":"RepTouched","eventId":"e2","leadId":"L-1","occurredAt":"2026-03-06T18:00:00Z","repId":"R-1",
                 "channel":"EMAIL","direction":"OUTBOUND","personalized":false,"subject":null}
                """
                    .replace("\n", ""));
    assertThat(touch.getPersonalized()).isFalse();
    assertThat(touch.getSubject()).isNull();
  }

  @Test
  void readsAndWritesWhenAnEventWasRecordedAsAnIsoTime() throws Exception {
    RepTouched touch =
        (RepTouched)
            JsonLines.read(
                "{\"type\":\"RepTouched\",\"eventId\":\"e2\",\"leadId\":\"L-1\","
                    + "\"occurredAt\":\"2026-03-06T18:00:00Z\",\"recordedAt\":\"2026-03-07T09:30:00Z\","
                    + "\"repId\":\"R-1\",\"channel\":\"CALL\",\"direction\":\"OUTBOUND\"}");
    assertThat(touch.getRecordedAt()).isEqualTo(Instant.parse("2026-03-07T09:30:00Z"));

    String line = JsonLines.write(touch);
    assertThat(line).contains("\"recordedAt\":\"2026-03-07T09:30:00Z\"");
    assertThat(JsonLines.read(line)).isEqualTo(touch);

    RepTouched unsaid =
        (RepTouched)
            JsonLines.read(
                "{\"type\":\"RepTouched\",\"eventId\":\"e3\",\"leadId\":\"L-1\","
                    + "\"occurredAt\":\"2026-03-06T18:00:00Z\",\"repId\":\"R-1\","
                    + "\"channel\":\"CALL\",\"direction\":\"OUTBOUND\"}");
    assertThat(unsaid.getRecordedAt()).isNull();
  }

  @Test
  void readsAndWritesWhenARepProfileTookEffect() throws Exception {
    RepProfile rep =
        (RepProfile)
            JsonLines.read(
                "{\"type\":\"RepProfile\",\"repId\":\"R-1\",\"name\":\"Dana Ortiz\","
                    + "\"outOfOffice\":true,\"outOfOfficeUntil\":\"2026-03-13T08:00:00Z\","
                    + "\"updatedAt\":\"2026-03-10T00:00:00Z\"}");
    assertThat(rep.getUpdatedAt()).isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
    String line = JsonLines.write(rep);
    assertThat(line).contains("\"updatedAt\":\"2026-03-10T00:00:00Z\"");
    assertThat(JsonLines.read(line)).isEqualTo(rep);
    assertThatThrownBy(
            () ->
                JsonLines.read(
                    "{\"type\":\"RepProfile\",\"repId\":\"R-1\",\"name\":\"D\",\"updatedAt\":\"Tuesday\"}"))
        .hasMessageContaining("RepProfile.updatedAt must be an ISO-8601 UTC time");
  }

  @Test
  void writesAlertsThatReadBackEqual() throws Exception {
    SlaAlert alert =
        SlaAlert.newBuilder()
            .setAlertId("a")
            .setKind("BREACHED")
            .setRuleId("first-touch")
            .setLeadId("L-1")
            .setDueAt(Instant.parse("2026-03-06T17:00:00Z"))
            .setDetectedAt(Instant.parse("2026-03-06T17:00:01Z"))
            .setSummary("s")
            .build();
    String line = JsonLines.write(alert);
    assertThat(line)
        .startsWith("{\"type\":\"SlaAlert\"")
        .contains("\"dueAt\":\"2026-03-06T17:00:00Z\"");
    assertThat(JsonLines.read(line)).isEqualTo(alert);
  }

  @Test
  void badLinesSayWhatIsWrong() {
    assertThatThrownBy(() -> JsonLines.read("{not json")).hasMessageStartingWith("not valid JSON");
    assertThatThrownBy(() -> JsonLines.read("{\"leadId\":\"L-1\"}"))
        .hasMessageStartingWith("missing \"type\"");
    assertThatThrownBy(() -> JsonLines.read("{\"type\":\"LeadDeleted\"}"))
        .hasMessageStartingWith("unknown type \"LeadDeleted\"");
    assertThatThrownBy(
            () ->
                JsonLines.read(
                    "{\"type\":\"LeadCreated\",\"eventId\":\"e\",\"leadId\":\"L\",\"occurredAt\":\"2026-03-06T17:00:00Z\"}"))
        .hasMessage("LeadCreated needs the field \"source\"");
    assertThatThrownBy(
            () ->
                JsonLines.read(
                    "{\"type\":\"LeadCreated\",\"eventId\":\"e\",\"leadId\":\"L\",\"occurredAt\":\"yesterday\",\"source\":\"X\"}"))
        .hasMessageContaining("LeadCreated.occurredAt must be an ISO-8601 UTC time");
  }

  @Test
  void readsALineTheSameWhereverItsTypeStands() throws Exception {
    String typeFirst =
        "{\"type\":\"RepTouched\",\"eventId\":\"e2\",\"leadId\":\"L-1\","
            + "\"occurredAt\":\"2026-03-06T18:00:00Z\",\"repId\":\"R-1\",\"channel\":\"CALL\","
            + "\"direction\":\"OUTBOUND\",\"personalized\":true,\"subject\":\"Pricing\"}";
    String typeLast =
        "{\"eventId\":\"e2\",\"leadId\":\"L-1\",\"occurredAt\":\"2026-03-06T18:00:00Z\","
            + "\"repId\":\"R-1\",\"channel\":\"CALL\",\"direction\":\"OUTBOUND\","
            + "\"personalized\":true,\"subject\":\"Pricing\",\"type\":\"RepTouched\"}";
    assertThat(JsonLines.read(typeLast)).isEqualTo(JsonLines.read(typeFirst));
    assertThat(((RepTouched) JsonLines.read(typeFirst)).getSubject()).isEqualTo("Pricing");
  }

  @Test
  void aRepeatedFieldCountsItsLastValueAsATreeWould() throws Exception {
    RepTouched touch =
        (RepTouched)
            JsonLines.read(
                "{\"type\":\"LeadCreated\",\"eventId\":\"e2\",\"leadId\":\"L-1\","
                    + "\"occurredAt\":\"yesterday\",\"occurredAt\":\"2026-03-06T18:00:00Z\","
                    + "\"repId\":\"R-1\",\"channel\":\"CALL\",\"direction\":\"OUTBOUND\","
                    + "\"subject\":\"Pricing\",\"subject\":null,\"type\":\"RepTouched\"}");
    assertThat(touch.getOccurredAt()).isEqualTo(Instant.parse("2026-03-06T18:00:00Z"));
    assertThat(touch.getSubject()).isNull();
  }

  @Test
  void ofSeveralFaultsTellsTheFirstFieldOfTheSchema() {
    assertThatThrownBy(
            () ->
                JsonLines.read(
                    "{\"type\":\"RepTouched\",\"personalized\":\"yes\",\"eventId\":\"e2\","
                        + "\"leadId\":\"L-1\",\"occurredAt\":\"soon\",\"repId\":\"R-1\","
                        + "\"channel\":\"CALL\",\"direction\":\"OUTBOUND\"}"))
        .hasMessageContaining("RepTouched.occurredAt must be an ISO-8601 UTC time");
    assertThatThrownBy(
            () ->
                JsonLines.read(
                    "{\"type\":\"RepTouched\",\"personalized\":\"yes\",\"eventId\":\"e2\","
                        + "\"leadId\":\"L-1\",\"occurredAt\":\"2026-03-06T18:00:00Z\"}"))
        .hasMessage("RepTouched needs the field \"repId\"");
    assertThatThrownBy(
            () ->
                JsonLines.read(
                    "{\"type\":\"RepTouched\",\"personalized\":\"yes\",\"eventId\":\"e2\","
                        + "\"leadId\":\"L-1\",\"occurredAt\":\"2026-03-06T18:00:00Z\","
                        + "\"repId\":\"R-1\",\"channel\":\"CALL\",\"direction\":\"OUTBOUND\"}"))
        .hasMessage("RepTouched.personalized must be true or false");
  }

  @Test
  void aLineBrokenAfterAGoodStartIsNotValidJson() {
    assertThatThrownBy(
            () -> JsonLines.read("{\"type\":\"RepTouched\",\"eventId\":\"e2\",\"leadId\":"))
        .hasMessageStartingWith("not valid JSON");
    assertThatThrownBy(() -> JsonLines.read("[1, 2]")).hasMessage("expected a JSON object");
  }

  @Test
  void listsTakeTheTextOfEachItem() throws Exception {
    SlaAlert alert =
        (SlaAlert)
            JsonLines.read(
                "{\"type\":\"SlaAlert\",\"alertId\":\"a\",\"kind\":\"BREACHED\","
                    + "\"ruleId\":\"buying-group-coverage\",\"dueAt\":1772816400000,"
                    + "\"detectedAt\":\"2026-03-06T17:00:01Z\",\"summary\":7,"
                    + "\"uncoveredLeadIds\":[\"L-1\",2,1.5,true,null,{\"a\":1}]}");
    assertThat(alert.getDueAt()).isEqualTo(Instant.ofEpochMilli(1772816400000L));
    assertThat(alert.getSummary()).isEqualTo("7");
    assertThat(alert.getUncoveredLeadIds()).containsExactly("L-1", "2", "1.5", "true", "null", "");
  }

  @Test
  void aLineWriterWritesTheLinesWriteGives() throws Exception {
    SlaAlert alert =
        SlaAlert.newBuilder()
            .setAlertId("a")
            .setKind("BREACHED")
            .setRuleId("buying-group-coverage")
            .setAccountId("A-1")
            .setDueAt(Instant.parse("2026-03-06T17:00:00Z"))
            .setDetectedAt(Instant.parse("2026-03-06T17:00:01Z"))
            .setSummary("Account \"Acme\": 2 of 7 members — short")
            .setUncoveredLeadIds(java.util.List.of("L-1", "L-2"))
            .build();
    java.io.StringWriter text = new java.io.StringWriter();
    try (JsonLines.LineWriter out = new JsonLines.LineWriter(text)) {
      out.write(alert);
      out.write(alert);
    }
    String line = JsonLines.write(alert);
    assertThat(text.toString())
        .isEqualTo(line + System.lineSeparator() + line + System.lineSeparator());
    assertThat(JsonLines.read(line)).isEqualTo(alert);
  }

  private static SlaAlert numbered(int n) {
    return SlaAlert.newBuilder()
        .setAlertId("a-" + n)
        .setKind("WARNING")
        .setRuleId("first-touch")
        .setLeadId("L-" + n)
        .setDueAt(Instant.parse("2026-03-06T17:00:00.250Z").plusSeconds(n))
        .setDetectedAt(Instant.parse("2026-03-06T16:00:00Z").plusSeconds(n))
        .setSummary("Lead L-" + n + " is due")
        .build();
  }

  @Test
  void aLineWriterWritesManyBatchesInTheOrderGiven() throws Exception {
    java.io.StringWriter text = new java.io.StringWriter();
    StringBuilder expected = new StringBuilder();
    try (JsonLines.LineWriter out = new JsonLines.LineWriter(text)) {
      for (int n = 0; n < 10_001; n++) {
        out.write(numbered(n));
        expected.append(JsonLines.write(numbered(n))).append(System.lineSeparator());
      }
    }
    assertThat(text.toString()).isEqualTo(expected.toString());
  }

  @Test
  void aLineWriterThatCannotWriteSaysSoByTheTimeItIsClosed() {
    java.io.Writer full =
        new java.io.Writer() {
          private long written;

          @Override
          public void write(char[] buffer, int offset, int length) throws java.io.IOException {
            written += length;
            if (written > 100_000) {
              throw new java.io.IOException("no space left on device");
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    // Far more than the writer holds back: the caller must not wait on a writer that gave up.
    JsonLines.LineWriter out = new JsonLines.LineWriter(full);
    assertThatThrownBy(
            () -> {
              for (int n = 0; n < 50_000; n++) {
                out.write(numbered(n));
              }
              out.close();
            })
        .isInstanceOf(java.io.IOException.class)
        .hasMessage("no space left on device");
    assertThatThrownBy(out::close).hasMessage("no space left on device");
  }

  @Test
  void writesAWeeklyReviewWithItsLinesAsObjectsOfTheirFields() {
    ComplianceLine all = new ComplianceLine("ALL", 3, 1, 2, 2);
    TeamWeeklyReview review =
        TeamWeeklyReview.newBuilder()
            .setReviewId("West/2026-W10")
            .setTeam("West")
            .setWeek("2026-W10")
            .setTimeZone("America/Los_Angeles")
            .setWeekStart(Instant.parse("2026-03-02T08:00:00Z"))
            .setWeekEnd(Instant.parse("2026-03-09T07:00:00Z"))
            .setGeneratedAt(Instant.parse("2026-03-09T07:00:00Z"))
            .setOverall(all)
            .setByRule(List.of(new ComplianceLine("first-touch", 3, 1, 2, 2)))
            .setBySource(List.of())
            .setBestReps(List.of(new RepLine("R-1", null, 3, 1)))
            .setWorstReps(List.of())
            .setAtRiskCount(1)
            .setAtRisk(
                List.of(
                    new AtRiskClock(
                        "first-touch",
                        "L-1",
                        null,
                        "R-1",
                        "WEBINAR",
                        Instant.parse("2026-03-07T09:00:00Z"))))
            .build();

    assertThat(JsonLines.write(review))
        .isEqualTo(
            "{\"type\":\"TeamWeeklyReview\",\"reviewId\":\"West/2026-W10\",\"team\":\"West\","
                + "\"week\":\"2026-W10\",\"timeZone\":\"America/Los_Angeles\","
                + "\"weekStart\":\"2026-03-02T08:00:00Z\",\"weekEnd\":\"2026-03-09T07:00:00Z\","
                + "\"generatedAt\":\"2026-03-09T07:00:00Z\","
                + "\"overall\":{\"name\":\"ALL\",\"met\":3,\"missed\":1,\"previousMet\":2,"
                + "\"previousMissed\":2},"
                + "\"byRule\":[{\"name\":\"first-touch\",\"met\":3,\"missed\":1,\"previousMet\":2,"
                + "\"previousMissed\":2}],"
                + "\"bySource\":[],"
                + "\"bestReps\":[{\"repId\":\"R-1\",\"repName\":null,\"met\":3,\"missed\":1}],"
                + "\"worstReps\":[],\"atRiskCount\":1,"
                + "\"atRisk\":[{\"ruleId\":\"first-touch\",\"leadId\":\"L-1\",\"accountId\":null,"
                + "\"repId\":\"R-1\",\"source\":\"WEBINAR\",\"dueAt\":\"2026-03-07T09:00:00Z\"}]}");
  }
}
