package io.followup.sla.connect.alerts.delivery;

import io.followup.sla.connect.alerts.channel.SendException;
import io.followup.sla.connect.alerts.channel.Sender;
import io.followup.sla.connect.alerts.routing.Message;
import java.time.Duration;

/**
 * The retry stage: a send that fails in a way worth retrying is tried again after an exponential
 * backoff (doubling from the initial wait up to the maximum), or after the wait the service asked
 * for in Retry-After, capped by the same maximum so one slow webhook cannot stall the task for
 * long. After the last attempt the failure stands, and the caller sends it to the dead letter
 * queue.
 */
public final class Retry {

  private final int maxAttempts;
  private final Duration initial;
  private final Duration max;
  private final Sleeper sleeper;

  public Retry(int maxAttempts, Duration initial, Duration max, Sleeper sleeper) {
    this.maxAttempts = Math.max(1, maxAttempts);
    this.initial = initial;
    this.max = max;
    this.sleeper = sleeper;
  }

  /**
   * @throws SendException the last failure, its reason saying how many attempts were made
   */
  public void send(Sender sender, Message message) throws SendException {
    Duration wait = initial;
    for (int attempt = 1; ; attempt++) {
      try {
        sender.send(message);
        return;
      } catch (SendException e) {
        if (!e.retryable() || attempt >= maxAttempts) {
          throw new SendException(
              e.getMessage() + (e.retryable() ? " (gave up after " + attempt + " attempts)" : ""),
              e.retryable(),
              null,
              e);
        }
        Duration pause = e.retryAfter().orElse(wait);
        try {
          sleeper.sleep(pause.compareTo(max) > 0 ? max : pause);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
        wait = wait.multipliedBy(2).compareTo(max) > 0 ? max : wait.multipliedBy(2);
      }
    }
  }
}
