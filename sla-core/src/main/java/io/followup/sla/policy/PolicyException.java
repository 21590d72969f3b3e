package io.followup.sla.policy;

/** A policy that does not validate; the message names the line and the field. */
public final class PolicyException extends Exception {

  public PolicyException(String message) {
    super(message);
  }

  public PolicyException(String message, Throwable cause) {
    super(message, cause);
  }
}
