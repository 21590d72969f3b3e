package io.followup.sla.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

  private static final DeadLetters.Source SOURCE =
      new DeadLetters.Source("leads.lead-created", 2, 4711);

  @Test
  void keepsKeyValueAndHeadersAndSaysWhereTheRecordCameFromAndWhy() {
    Headers original = new RecordHeaders().add("trace-id", bytes("t-1"));

    DeadLetters.Letter letter =
        DeadLetters.of(
            bytes("L-1"),
            bytes("value"),
            original,
            SOURCE,
            DeadLetterReason.INVALID_FIELD,
            "leadId is blank");

    assertThat(letter.key()).isEqualTo(bytes("L-1"));
    assertThat(letter.value()).isEqualTo(bytes("value"));
    assertThat(text(letter.headers(), "trace-id")).isEqualTo("t-1");
    assertThat(text(letter.headers(), DeadLetters.TOPIC)).isEqualTo("leads.lead-created");
    assertThat(text(letter.headers(), DeadLetters.PARTITION)).isEqualTo("2");
    assertThat(text(letter.headers(), DeadLetters.OFFSET)).isEqualTo("4711");
    assertThat(text(letter.headers(), DeadLetters.REASON))
        .isEqualTo("invalid-field: leadId is blank");
    assertThat(letter.headers().lastHeader(DeadLetters.DROPPED)).isNull();
  }

  @Test
  void aRecordDeadLetteredBeforeCarriesOneSetOfOurHeadersAndNoneOfKafkaStreams() {
    Headers original =
        new RecordHeaders()
            .add(DeadLetters.REASON, bytes("undecodable: from an earlier round"))
            .add(DeadLetters.OFFSET, bytes("1"))
            .add("__streams.errors.exception", bytes("java.lang.RuntimeException"))
            .add("__streams.errors.stacktrace", bytes("at somewhere"))
            .add("trace-id", bytes("t-1"));

    Headers headers =
        DeadLetters.of(bytes("L-1"), bytes("v"), original, SOURCE, DeadLetterReason.RULE_ERROR, "x")
            .headers();

    assertThat(StreamSupport.stream(headers.spliterator(), false).map(Header::key))
        .containsExactlyInAnyOrder(
            "trace-id",
            DeadLetters.TOPIC,
            DeadLetters.PARTITION,
            DeadLetters.OFFSET,
            DeadLetters.REASON);
    assertThat(text(headers, DeadLetters.REASON)).isEqualTo("rule-error: x");
    assertThat(original.lastHeader("__streams.errors.exception"))
        .as("the original headers are not changed")
        .isNotNull();
  }

  @Test
  void aReasonWithoutASentenceIsTheTokenAloneAndALongSentenceIsCut() {
    assertThat(letter(null).reason()).isEqualTo("rule-error");
    String reason = letter("x".repeat(10_000)).reason();
    assertThat(reason)
        .startsWith("rule-error: xxx")
        .endsWith("...")
        .hasSize("rule-error: ".length() + DeadLetters.MAX_REASON_CHARS);
  }

  @Test
  void aValueTooLargeForTheBrokerIsLeftOutAndTheHeadersSaySo() {
    byte[] value = new byte[1024 * 1024];
    Arrays.fill(value, (byte) 'x');

    DeadLetters.Letter letter =
        DeadLetters.of(
            bytes("L-1"),
            value,
            new RecordHeaders().add("trace-id", bytes("t-1")),
            SOURCE,
            DeadLetterReason.UNDECODABLE,
            "not in the wire format");

    assertThat(letter.value()).isNull();
    assertThat(letter.key()).isEqualTo(bytes("L-1"));
    assertThat(text(letter.headers(), "trace-id")).isEqualTo("t-1");
    assertThat(text(letter.headers(), DeadLetters.REASON)).startsWith("undecodable");
    assertThat(text(letter.headers(), DeadLetters.DROPPED))
        .startsWith("the value (1048576 bytes) left out")
        .contains(Integer.toString(DeadLetters.MAX_BYTES));
    assertThat(letter.sizeInBytes()).isLessThanOrEqualTo(DeadLetters.MAX_BYTES);
  }

  @Test
  void aValueThatFitsAloneButNotWithTheDeadLetterHeadersIsLeftOut() {
    byte[] value = new byte[DeadLetters.MAX_BYTES - 10];

    DeadLetters.Letter letter =
        DeadLetters.of(
            bytes("L-1"), value, new RecordHeaders(), SOURCE, DeadLetterReason.RULE_ERROR, "x");

    assertThat(letter.value()).isNull();
    assertThat(letter.sizeInBytes()).isLessThanOrEqualTo(DeadLetters.MAX_BYTES);
  }

  @Test
  void hugeHeadersGoBeforeASmallValueAndAHugeKeyGoesLast() {
    Headers original = new RecordHeaders().add("blob", new byte[DeadLetters.MAX_BYTES]);
    DeadLetters.Letter headersDropped =
        DeadLetters.of(
            bytes("L-1"), bytes("v"), original, SOURCE, DeadLetterReason.UNDECODABLE, null);
    assertThat(headersDropped.headers().lastHeader("blob")).isNull();
    assertThat(headersDropped.key()).isEqualTo(bytes("L-1"));
    assertThat(headersDropped.value()).isEqualTo(bytes("v"));
    assertThat(text(headersDropped.headers(), DeadLetters.DROPPED))
        .startsWith("the original headers (")
        .doesNotContain("the value");
    assertThat(headersDropped.sizeInBytes()).isLessThanOrEqualTo(DeadLetters.MAX_BYTES);

    DeadLetters.Letter keyDropped =
        DeadLetters.of(
            new byte[DeadLetters.MAX_BYTES],
            null,
            new RecordHeaders(),
            SOURCE,
            DeadLetterReason.NULL_VALUE,
            null);
    assertThat(keyDropped.key()).isNull();
    assertThat(text(keyDropped.headers(), DeadLetters.DROPPED))
        .startsWith("the key (" + DeadLetters.MAX_BYTES + " bytes)");
    assertThat(text(keyDropped.headers(), DeadLetters.OFFSET)).isEqualTo("4711");
    assertThat(keyDropped.sizeInBytes()).isLessThanOrEqualTo(DeadLetters.MAX_BYTES);
  }

  @Test
  void aSmallerLimitFromTheClusterIsKeptWithKafkasFramingCounted() {
    int limit = 100_000;
    // Fits the limit by its bytes alone, not once our headers and the record framing are added.
    byte[] value = new byte[limit - 200];

    DeadLetters.Letter letter =
        DeadLetters.of(
            bytes("L-1"),
            value,
            new RecordHeaders().add("trace-id", bytes("t-1")),
            SOURCE,
            DeadLetterReason.UNDECODABLE,
            "not in the wire format",
            limit);

    assertThat(letter.value()).isNull();
    assertThat(text(letter.headers(), DeadLetters.DROPPED))
        .startsWith("the value (" + value.length + " bytes) left out")
        .contains("under " + limit + " bytes");
    assertThat(letter.sizeInBytes()).isLessThanOrEqualTo(limit);
    assertThat(letter.sizeInBytes())
        .as("framing counted")
        .isGreaterThan(
            letter.key().length
                + StreamSupport.stream(letter.headers().spliterator(), false)
                    .mapToInt(h -> h.key().length() + h.value().length)
                    .sum());
  }

  @Test
  void aValueThatFitsTheLimitWithItsFramingIsKept() {
    byte[] value = new byte[50_000];
    DeadLetters.Letter letter =
        DeadLetters.of(
            bytes("L-1"),
            value,
            new RecordHeaders(),
            SOURCE,
            DeadLetterReason.UNDECODABLE,
            "x",
            DeadLetters.MIN_MAX_BYTES + 60_000);
    assertThat(letter.value()).hasSize(50_000);
    assertThat(letter.headers().lastHeader(DeadLetters.DROPPED)).isNull();
  }

  private static DeadLetters.Letter letter(String detail) {
    return DeadLetters.of(
        bytes("L-1"), bytes("v"), new RecordHeaders(), SOURCE, DeadLetterReason.RULE_ERROR, detail);
  }

  private static String text(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
