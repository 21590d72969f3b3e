package io.followup.sla.embedded;

/**
 * The embedded broker could not start. The message is one line meant for the person at the terminal
 * (what went wrong and what to do about it), so the CLI can print it as it is.
 */
public class EmbeddedKafkaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EmbeddedKafkaException(String message) {
    super(message);
  }

  public EmbeddedKafkaException(String message, Throwable cause) {
    super(message, cause);
  }
}
