package io.followup.sla.policy;

/**
 * A policy that does not validate; the message names the line and the field. It is one line, since
 * the CLI prints it as one: a line break in text quoted from the document (a key or value written
 * with {@code \n} in quotes) is shown as {@code \n}.
 */
public final class PolicyException extends Exception {

  public PolicyException(String message) {
    super(oneLine(message));
  }

  public PolicyException(String message, Throwable cause) {
    super(oneLine(message), cause);
  }

  private static String oneLine(String message) {
    return message == null ? null : message.replaceAll("\r\n|[\r\n\u0085\u2028\u2029]", "\\\\n");
  }
}
