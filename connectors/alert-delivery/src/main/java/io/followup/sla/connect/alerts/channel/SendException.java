package io.followup.sla.connect.alerts.channel;

import java.time.Duration;
import java.util.Optional;

/**
 * A send that failed, with a one-line reason fit for a dead-letter header (no addresses, no alert
 * text), whether a retry may help, and how long the service asked us to wait.
 */
public final class SendException extends Exception {

  private final boolean retryable;
  private final Duration retryAfter;

  public SendException(String reason, boolean retryable, Duration retryAfter, Throwable cause) {
    super(reason, cause);
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  public static SendException retryable(String reason, Throwable cause) {
    return new SendException(reason, true, null, cause);
  }

  public static SendException permanent(String reason, Throwable cause) {
    return new SendException(reason, false, null, cause);
  }

  public boolean retryable() {
    return retryable;
  }

  /** The wait the service asked for (HTTP Retry-After), if it asked. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
