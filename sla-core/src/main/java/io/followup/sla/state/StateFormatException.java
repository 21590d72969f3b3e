package io.followup.sla.state;

/** Stored state that cannot be read: an unknown schema version or bytes that do not decode. */
public final class StateFormatException extends RuntimeException {

  public StateFormatException(String message) {
    super(message);
  }

  public StateFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
