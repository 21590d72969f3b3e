package io.followup.sla.policy;

import java.util.List;

/**
 * A setting out of its range (a warning share above 1, no touches owed...). It names the setting,
 * so the policy loader can report it at the setting's own line.
 */
public final class InvalidSettingException extends IllegalArgumentException {

  private final List<String> path;

  /**
   * @param path the setting's keys within its rule or calendar, e.g. {@code warnAt}, or {@code
   *     bySource} and {@code RFP_REQUEST}
   */
  public InvalidSettingException(String message, String... path) {
    super(message);
    this.path = List.of(path);
  }

  public List<String> path() {
    return path;
  }
}
