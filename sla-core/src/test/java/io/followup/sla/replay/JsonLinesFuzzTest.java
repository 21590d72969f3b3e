package io.followup.sla.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.RepTouched;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.avro.specific.SpecificRecord;

/**
 * The replay reader under arbitrary lines: a line reads into a record or is refused with {@link
 * JsonLines.InvalidLineException}; a whole file is replayed or stopped with {@link
 * ReplayInput.BadLineException} naming a line of it; within a bound, never another exception; and
 * every record written as a line reads back equal.
 */
class JsonLinesFuzzTest {

  private static final Duration BOUND = Duration.ofSeconds(2);

  private static final List<String> VALID =
      List.of(
          "{\"type\":\"LeadCreated\",\"eventId\":\"e1\",\"leadId\":\"L-1\","
              + "\"occurredAt\":\"2026-03-06T09:00:00Z\",\"source\":\"WEBINAR\",\"ownerRepId\":\"R-1\"}",
          "{\"type\":\"RepTouched\",\"eventId\":\"e2\",\"leadId\":\"L-1\","
              + "\"occurredAt\":\"2026-03-06T10:00:00Z\",\"repId\":\"R-1\",\"channel\":\"CALL\","
              + "\"direction\":\"OUTBOUND\",\"personalized\":true,\"subject\":\"hi\"}",
          "{\"type\":\"LeadStatusChanged\",\"eventId\":\"e3\",\"leadId\":\"L-1\","
              + "\"occurredAt\":1772790000000,\"status\":\"CLOSED\"}",
          "{\"type\":\"ContentEngaged\",\"eventId\":\"e4\",\"leadId\":\"L-1\","
              + "\"occurredAt\":\"2026-03-06T11:00:00Z\",\"assetId\":\"A\",\"assetType\":\"WEBINAR\","
              + "\"intentScore\":70}",
          "{\"type\":\"RepProfile\",\"repId\":\"R-1\",\"name\":\"Dana\",\"managerId\":\"M-1\"}",
          "{\"type\":\"SlaPolicy\",\"policyId\":\"default\",\"version\":\"2\","
              + "\"document\":\"policyId: default\",\"publishedAt\":\"2026-03-06T08:00:00Z\"}",
          "{\"type\":\"SlaAlert\",\"alertId\":\"a\",\"kind\":\"BREACHED\",\"ruleId\":\"first-touch\","
              + "\"dueAt\":\"2026-03-06T08:00:00Z\",\"detectedAt\":\"2026-03-06T08:00:00Z\","
              + "\"summary\":\"s\",\"uncoveredLeadIds\":[\"L-1\"]}");

  @Property
  void anyLineReadsOrIsRefusedWithTheDocumentedException(@ForAll("lines") String line) {
    assertTimeoutPreemptively(BOUND, () -> readOrNull(line));
  }

  @Property
  void anyStringAtAllReadsOrIsRefused(@ForAll String line) {
    assertTimeoutPreemptively(BOUND, () -> readOrNull(line));
  }

  @Property
  void aFileReplaysOrStopsAtALineOfIt(@ForAll("files") List<String> lines) {
    String text = String.join("\n", lines);
    List<ReplayInput.Line> handedOn = new ArrayList<>();
    assertTimeoutPreemptively(
        BOUND,
        () -> {
          try {
            ReplayInput.read(
                new BufferedReader(new StringReader(text)), Duration.ofHours(24), handedOn::add);
          } catch (ReplayInput.BadLineException stopped) {
            assertThat(stopped.line()).isBetween(1L, (long) lines.size());
            assertThat(stopped.getMessage()).isNotBlank();
          } catch (IOException e) {
            throw new AssertionError("a string cannot fail to be read", e);
          }
        });
    assertThat(handedOn).hasSizeLessThanOrEqualTo(lines.size());
  }

  @Property
  void aWrittenEventReadsBackEqual(@ForAll("events") SpecificRecord event) throws Exception {
    assertThat(JsonLines.read(JsonLines.write(event))).isEqualTo(event);
  }

  private static SpecificRecord readOrNull(String line) {
    try {
      return JsonLines.read(line);
    } catch (JsonLines.InvalidLineException refused) {
      assertThat(refused.getMessage()).isNotBlank();
      return null;
    }
  }

  /** Valid lines with a few characters changed, and JSON-ish text. */
  @Provide
  Arbitrary<String> lines() {
    Arbitrary<String> mutated =
        Combinators.combine(
                Arbitraries.of(VALID),
                Arbitraries.integers().between(0, 400),
                Arbitraries.integers().between(0, 12),
                Arbitraries.strings().withChars("{}[]\":,0123456789-tTZe.\\u ").ofMaxLength(5))
            .as(
                (line, at, cut, insert) -> {
                  int from = Math.min(at, line.length());
                  int to = Math.min(from + cut, line.length());
                  return line.substring(0, from) + insert + line.substring(to);
                });
    Arbitrary<String> jsonish =
        Arbitraries.strings().withChars("{}[]\":,0123456789-abtyTZenul.\\ ").ofMaxLength(60);
    return Arbitraries.oneOf(mutated, mutated, jsonish);
  }

  @Provide
  Arbitrary<List<String>> files() {
    return Arbitraries.oneOf(Arbitraries.of(VALID), lines(), Arbitraries.of("", " "))
        .list()
        .ofMaxSize(12);
  }

  /** Events with arbitrary text (any Unicode), times and flags, as a producer could send them. */
  @Provide
  Arbitrary<SpecificRecord> events() {
    Arbitrary<String> text = Arbitraries.strings().ofMaxLength(20);
    Arbitrary<Instant> at =
        Arbitraries.longs()
            .between(
                Instant.parse("0001-01-01T00:00:00Z").toEpochMilli(),
                Instant.parse("9999-12-31T23:59:59Z").toEpochMilli())
            .map(Instant::ofEpochMilli);
    Arbitrary<SpecificRecord> created =
        Combinators.combine(text, text, at, text, text.injectNull(0.3), text.injectNull(0.3))
            .as(
                (eventId, leadId, occurredAt, source, owner, account) ->
                    LeadCreated.newBuilder()
                        .setEventId(eventId)
                        .setLeadId(leadId)
                        .setOccurredAt(occurredAt)
                        .setSource(source)
                        .setOwnerRepId(owner)
                        .setAccountId(account)
                        .build());
    Arbitrary<SpecificRecord> touched =
        Combinators.combine(
                text,
                text,
                at,
                text,
                Arbitraries.of(true, false).injectNull(0.3),
                text.injectNull(0.3))
            .as(
                (eventId, leadId, occurredAt, repId, personalized, subject) ->
                    RepTouched.newBuilder()
                        .setEventId(eventId)
                        .setLeadId(leadId)
                        .setOccurredAt(occurredAt)
                        .setRepId(repId)
                        .setChannel("EMAIL")
                        .setDirection("OUTBOUND")
                        .setPersonalized(personalized)
                        .setSubject(subject)
                        .build());
    return Arbitraries.oneOf(created, touched);
  }
}
