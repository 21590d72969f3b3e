package io.followup.sla.connect.crm.payload;

import org.apache.kafka.connect.errors.DataException;

/**
 * A vendor payload that cannot become an event, with the reason on one line. A {@link
 * DataException}, so Connect's error handling ({@code errors.tolerance=all} with a dead letter
 * queue) records the original record and this message in its {@code __connect.errors.*} headers and
 * the task keeps running. The message names fields and vocabulary, never a person's data beyond the
 * one value that could not be mapped.
 */
public final class MappingException extends DataException {

  private static final int MAX_QUOTED = 80;

  public MappingException(String reason) {
    super(oneLine(reason));
  }

  /** A value from the payload, shortened and on one line, fit to quote in a reason. */
  public static String quote(String value) {
    String line = oneLine(value);
    return "'" + (line.length() > MAX_QUOTED ? line.substring(0, MAX_QUOTED) + "..." : line) + "'";
  }

  private static String oneLine(String text) {
    return text.replace("\r", "\\r").replace("\n", "\\n");
  }
}
