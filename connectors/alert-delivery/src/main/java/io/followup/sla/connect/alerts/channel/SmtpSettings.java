package io.followup.sla.connect.alerts.channel;

/**
 * How to reach the SMTP server.
 *
 * @param password from a Connect config provider; never logged
 */
public record SmtpSettings(
    String host,
    int port,
    String username,
    String password,
    boolean startTls,
    boolean ssl,
    String from,
    int timeoutMs) {

  @Override
  public String toString() {
    return "SmtpSettings[" + host + ":" + port + "]";
  }
}
