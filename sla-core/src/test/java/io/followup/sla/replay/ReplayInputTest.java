package io.followup.sla.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.RepTouched;
import io.followup.sla.events.SlaPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayInputTest {

  private final List<ReplayInput.Line> out = new ArrayList<>();

  private void read(String text, Duration window) throws Exception {
    ReplayInput.read(new BufferedReader(new StringReader(text)), window, out::add);
  }

  private List<Long> lineNumbers() {
    return out.stream().map(ReplayInput.Line::number).toList();
  }

  @Test
  void handsOnRecordsInArrivalOrderWithTheirLineNumbers() throws Exception {
    read(
        """
        {"type":"RepProfile","repId":"R-1","name":"Dana Ortiz"}
        {"type":"LeadCreated","eventId":"e1","leadId":"L-1","occurredAt":"2026-03-06T09:00:00Z","source":"WEBINAR","ownerRepId":"R-1"}
        {"type":"RepTouched","eventId":"e2","leadId":"L-1","occurredAt":"2026-03-06T10:00:00Z","recordedAt":"2026-03-06T13:00:00Z","repId":"R-1","channel":"CALL","direction":"OUTBOUND"}

        {"type":"LeadStatusChanged","eventId":"e3","leadId":"L-1","occurredAt":"2026-03-06T11:00:00Z","status":"ACCEPTED"}
        {"type":"SlaAlert","alertId":"a","kind":"WARNING","ruleId":"first-touch","dueAt":"2026-03-06T12:00:00Z","detectedAt":"2026-03-06T12:00:00Z","summary":"s"}
        {"type":"RepProfile","repId":"R-1","name":"Dana Ortiz","outOfOffice":true}
        {"type":"SlaPolicy","policyId":"default","version":"v2","document":"x","publishedAt":"2026-03-06T12:00:00Z"}
        {"type":"RepProfile","repId":"R-1","name":"Dana Ortiz","updatedAt":"2026-03-06T14:00:00Z"}
        """,
        Duration.ZERO);

    // The touch recorded at 13:00 comes after the 12:00 policy; the alert line is skipped; the
    // profile without a time stays after the 11:00 status change it follows.
    assertThat(lineNumbers()).containsExactly(1L, 2L, 5L, 7L, 8L, 3L, 9L);
    assertThat(out.get(0).record()).isInstanceOf(RepProfile.class);
    assertThat(out.get(1).record()).isInstanceOf(LeadCreated.class);
    assertThat(out.get(4).record()).isInstanceOf(SlaPolicy.class);
    assertThat(out.get(5).record()).isInstanceOf(RepTouched.class);
    assertThat(out.get(6).record()).isInstanceOf(RepProfile.class);
  }

  @Test
  void anEmptyFileHasNoRecords() throws Exception {
    read("\n\n", Duration.ofHours(1));
    assertThat(out).isEmpty();
  }

  @Test
  void aProfileOrPolicyDatedAheadDoesNotUseUpTheWindowOfTheEventsBeforeIt() throws Exception {
    // Published on Friday, in force from Tuesday; the events after it are an hour out of order.
    read(
        """
        {"type":"LeadCreated","eventId":"e1","leadId":"L-1","occurredAt":"2026-03-06T09:00:00Z","source":"WEBINAR"}
        {"type":"LeadCreated","eventId":"e2","leadId":"L-2","occurredAt":"2026-03-06T11:00:00Z","source":"WEBINAR"}
        {"type":"RepProfile","repId":"R-1","name":"Dana Ortiz","outOfOffice":true,"updatedAt":"2026-03-10T00:00:00Z"}
        {"type":"SlaPolicy","policyId":"default","version":"v2","document":"x","publishedAt":"2026-03-10T00:00:00Z"}
        {"type":"LeadCreated","eventId":"e3","leadId":"L-3","occurredAt":"2026-03-06T10:00:00Z","source":"WEBINAR"}
        {"type":"LeadCreated","eventId":"e4","leadId":"L-4","occurredAt":"2026-03-10T09:00:00Z","source":"WEBINAR"}
        """,
        Duration.ofHours(2));
    assertThat(lineNumbers()).containsExactly(1L, 5L, 2L, 3L, 4L, 6L);
  }

  @Test
  void aProfileInForceSinceBeforeWhatWasReplayedTakesEffectWhereTheReplayHasGot() throws Exception {
    read(
        """
        {"type":"LeadCreated","eventId":"e1","leadId":"L-1","occurredAt":"2026-03-06T09:00:00Z","source":"WEBINAR"}
        {"type":"LeadCreated","eventId":"e2","leadId":"L-2","occurredAt":"2026-03-08T09:00:00Z","source":"WEBINAR"}
        {"type":"RepProfile","repId":"R-1","name":"Dana Ortiz","updatedAt":"2025-11-02T00:00:00Z"}
        {"type":"LeadCreated","eventId":"e3","leadId":"L-3","occurredAt":"2026-03-08T10:00:00Z","source":"WEBINAR"}
        """,
        Duration.ZERO);
    assertThat(lineNumbers()).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void aLineThatIsNotARecordNamesItsNumber() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    {"type":"LeadCreated","eventId":"e1","leadId":"L-1","occurredAt":"2026-03-06T09:00:00Z","source":"WEBINAR"}
                    {"type":"LeadCreated","eventId":"e2","leadId":"L-2","occurredAt":"soon","source":"WEBINAR"}
                    """,
                    Duration.ZERO))
        .isInstanceOfSatisfying(
            ReplayInput.BadLineException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.outOfOrder()).isFalse();
            })
        .hasMessageContaining("LeadCreated.occurredAt must be an ISO-8601 UTC time");
  }

  @Test
  void anEventTooFarOutOfOrderNamesItsLineTypeAndTimes() {
    String file =
        """
        {"type":"LeadCreated","eventId":"e1","leadId":"L-1","occurredAt":"2026-03-06T09:00:00Z","source":"WEBINAR"}
        {"type":"LeadCreated","eventId":"e2","leadId":"L-2","occurredAt":"2026-03-06T11:00:00Z","source":"WEBINAR"}
        {"type":"LeadCreated","eventId":"e3","leadId":"L-3","occurredAt":"2026-03-08T09:00:00Z","source":"WEBINAR"}
        {"type":"RepTouched","eventId":"e4","leadId":"L-1","occurredAt":"2026-03-06T10:00:00Z","repId":"R-1","channel":"CALL","direction":"OUTBOUND"}
        """;
    assertThatThrownBy(() -> read(file, Duration.ofHours(6)))
        .isInstanceOfSatisfying(
            ReplayInput.BadLineException.class,
            e -> {
              assertThat(e.line()).isEqualTo(4);
              assertThat(e.outOfOrder()).isTrue();
            })
        .hasMessage(
            "RepTouched arrived at 2026-03-06T10:00:00Z, before records already replayed (up to"
                + " 2026-03-06T11:00:00Z)");
  }

  @Test
  void theSameFileReplaysWithAWiderWindow() throws Exception {
    String file =
        """
        {"type":"LeadCreated","eventId":"e1","leadId":"L-1","occurredAt":"2026-03-06T09:00:00Z","source":"WEBINAR"}
        {"type":"LeadCreated","eventId":"e2","leadId":"L-2","occurredAt":"2026-03-06T11:00:00Z","source":"WEBINAR"}
        {"type":"LeadCreated","eventId":"e3","leadId":"L-3","occurredAt":"2026-03-08T09:00:00Z","source":"WEBINAR"}
        {"type":"RepTouched","eventId":"e4","leadId":"L-1","occurredAt":"2026-03-06T10:00:00Z","repId":"R-1","channel":"CALL","direction":"OUTBOUND"}
        """;
    read(file, Duration.ofDays(2));
    assertThat(lineNumbers()).containsExactly(1L, 4L, 2L, 3L);
  }

  /** A day of events, one a minute, each a lead of its own, lines numbered from 1. */
  private static String minutes(int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(
          String.format(
              "{\"type\":\"LeadCreated\",\"eventId\":\"e%d\",\"leadId\":\"L-%d\","
                  + "\"occurredAt\":\"%s\",\"source\":\"WEBINAR\"}%n",
              i, i, Instant.parse("2026-03-06T00:00:00Z").plusSeconds(60L * i)));
    }
    return text.toString();
  }

  private static boolean readerRunning() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("replay-reader") && t.isAlive());
  }

  @Test
  void aLongFileReadAheadComesInTheFilesOrderWithItsLineNumbers() throws Exception {
    // More lines than the reading thread may hold ahead, so it has to wait for the rules.
    int count = 20_000;
    read(minutes(count), Duration.ZERO);
    assertThat(lineNumbers()).hasSize(count);
    for (int i = 0; i < count; i++) {
      assertThat(out.get(i).number()).isEqualTo(i + 1L);
      assertThat(((LeadCreated) out.get(i).record()).getLeadId()).isEqualTo("L-" + i);
    }
    assertThat(readerRunning()).isFalse();
  }

  @Test
  void aBadLineFarIntoTheFileComesAfterEveryRecordBeforeIt() {
    String file = minutes(5_000) + "{\"type\":\"LeadCreated\"\n" + minutes(5_000);
    assertThatThrownBy(() -> read(file, Duration.ZERO))
        .isInstanceOf(ReplayInput.BadLineException.class)
        .satisfies(e -> assertThat(((ReplayInput.BadLineException) e).line()).isEqualTo(5_001L));
    assertThat(out).hasSize(5_000);
    assertThat(out.get(4_999).number()).isEqualTo(5_000L);
    assertThat(readerRunning()).isFalse();
  }

  @Test
  void aReadErrorComesWhenItsTurnComesAndTheRulesFailureStopsTheReading() {
    String text = minutes(3_000);
    BufferedReader failing =
        new BufferedReader(
            new Reader() {
              private final StringReader lines = new StringReader(text);

              @Override
              public int read(char[] buffer, int offset, int length) throws IOException {
                int n = lines.read(buffer, offset, length);
                if (n < 0) {
                  throw new IOException("disk gone");
                }
                return n;
              }

              @Override
              public void close() {}
            });
    assertThatThrownBy(() -> ReplayInput.read(failing, Duration.ZERO, out::add))
        .isInstanceOf(IOException.class)
        .hasMessage("disk gone");
    assertThat(out).hasSize(3_000);

    // Rules that fail on the tenth record: the failure is the caller's, and the thread reading
    // ahead stops although the file goes on far beyond what it may hold.
    List<ReplayInput.Line> seen = new ArrayList<>();
    assertThatThrownBy(
            () ->
                ReplayInput.read(
                    new BufferedReader(new StringReader(minutes(50_000))),
                    Duration.ZERO,
                    line -> {
                      seen.add(line);
                      if (seen.size() == 10) {
                        throw new IllegalStateException("rule failed");
                      }
                    }))
        .hasMessage("rule failed");
    assertThat(seen).hasSize(10);
    assertThat(readerRunning()).isFalse();
  }
}
