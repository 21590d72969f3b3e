package io.followup.sla.connect.alerts.delivery;

import static io.followup.sla.connect.alerts.testing.Alerts.alert;
import static io.followup.sla.connect.alerts.testing.Alerts.delivery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.followup.sla.connect.alerts.channel.SendException;
import io.followup.sla.connect.alerts.channel.Sender;
import io.followup.sla.connect.alerts.routing.Channel;
import io.followup.sla.connect.alerts.routing.Message;
import io.followup.sla.connect.alerts.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryAndRateLimitTest {

  private final TestClock clock = new TestClock(Instant.parse("2026-03-11T14:00:00Z"));
  private final Message message =
      Message.of(
          List.of(
              delivery(
                  alert("first-touch:L-1:1", "WARNING").build(), Channel.SLACK, "https://h", 1)));

  /** Answers with the queued failures in turn, then succeeds; counts attempts. */
  private static final class Answers implements Sender {
    final Deque<SendException> failures = new ArrayDeque<>();
    int attempts;

    @Override
    public void send(Message m) throws SendException {
      attempts++;
      SendException next = failures.poll();
      if (next != null) {
        throw next;
      }
    }
  }

  @Test
  void failuresWorthRetryingAreRetriedWithDoublingBackoffAndRetryAfterWins() throws Exception {
    Answers answers = new Answers();
    answers.failures.add(SendException.retryable("HTTP 500", null));
    answers.failures.add(new SendException("HTTP 429", true, Duration.ofSeconds(7), null));
    answers.failures.add(SendException.retryable("HTTP 503", null));
    Retry retry = new Retry(5, Duration.ofSeconds(1), Duration.ofSeconds(30), clock);

    retry.send(answers, message);

    assertThat(answers.attempts).isEqualTo(4);
    assertThat(clock.sleeps())
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(7), Duration.ofSeconds(4));
  }

  @Test
  void aPermanentFailureIsNotRetriedAndTheLastFailureNamesTheAttempts() {
    Answers refused = new Answers();
    refused.failures.add(SendException.permanent("HTTP 400", null));
    Retry retry = new Retry(5, Duration.ofSeconds(1), Duration.ofSeconds(30), clock);
    assertThatThrownBy(() -> retry.send(refused, message)).hasMessage("HTTP 400");
    assertThat(refused.attempts).isEqualTo(1);

    Answers down = new Answers();
    for (int i = 0; i < 5; i++) {
      down.failures.add(new SendException("HTTP 502", true, Duration.ofMinutes(10), null));
    }
    Retry three = new Retry(3, Duration.ofSeconds(1), Duration.ofSeconds(30), clock);
    assertThatThrownBy(() -> three.send(down, message))
        .hasMessage("HTTP 502 (gave up after 3 attempts)");
    // A Retry-After of ten minutes is capped at the maximum backoff.
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30));
  }

  @Test
  void slackGetsAtMostOneMessageASecondPerWebhook() throws Exception {
    RateLimit limit = new RateLimit(Map.of(Channel.SLACK, 1.0), clock, clock);

    limit.acquire(Channel.SLACK, "https://east");
    limit.acquire(Channel.SLACK, "https://west");
    limit.acquire(Channel.SLACK, "https://east");
    limit.acquire(Channel.EMAIL, "sam@example.com");
    limit.acquire(Channel.EMAIL, "sam@example.com");

    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(1));
  }
}
