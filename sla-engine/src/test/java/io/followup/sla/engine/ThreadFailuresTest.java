package io.followup.sla.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ThreadFailuresTest {

  private final FakeClock clock = new FakeClock(Instant.parse("2026-03-06T09:00:00Z"));
  private final ThreadFailures failures = new ThreadFailures(clock, 3, Duration.ofMinutes(5));

  @Test
  void aThreadThatKeepsFailingIsReportedAndAOneOffIsNot() {
    failures.failed();
    assertThat(failures.failingRepeatedly()).isFalse();
    clock.advance(Duration.ofSeconds(10));
    failures.failed();
    clock.advance(Duration.ofSeconds(10));
    failures.failed();
    assertThat(failures.failingRepeatedly()).isTrue();
    assertThat(failures.recent()).isEqualTo(3);
  }

  @Test
  void failuresOlderThanTheWindowAreForgottenSoTheEngineIsReadyAgain() {
    failures.failed();
    failures.failed();
    failures.failed();
    assertThat(failures.failingRepeatedly()).isTrue();
    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    assertThat(failures.failingRepeatedly()).isFalse();
    assertThat(failures.recent()).isZero();
  }

  @Test
  void theLogLineNamesWhatFailedWithoutTheMessagesThatMayQuoteLeadData() {
    IllegalStateException root = new IllegalStateException("lead acme-17 from jane@acme.example");
    RuntimeException outer = new RuntimeException("while processing lead acme-17", root);

    String described = ThreadFailures.describe(outer);

    assertThat(described)
        .startsWith("java.lang.RuntimeException <- java.lang.IllegalStateException at ")
        .contains(ThreadFailuresTest.class.getName())
        .doesNotContain("acme-17")
        .doesNotContain("jane@");
  }

  @Test
  void aCauseChainThatLoopsIsDescribedInBoundedLength() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);

    assertThat(ThreadFailures.describe(b).split(" <- ")).hasSize(10);
  }

  /** A clock the test moves: the window is five minutes of wall time. */
  private static final class FakeClock extends Clock {
    private Instant now;

    FakeClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
