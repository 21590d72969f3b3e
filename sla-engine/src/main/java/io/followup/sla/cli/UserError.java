package io.followup.sla.cli;

/** Something the user can fix; its message is the one line the CLI prints. */
public final class UserError extends RuntimeException {

  public UserError(String message) {
    super(message);
  }

  public UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
