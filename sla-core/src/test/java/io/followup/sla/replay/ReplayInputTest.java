package io.followup.sla.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.RepTouched;
import io.followup.sla.events.SlaPolicy;
import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Duration;
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
}
