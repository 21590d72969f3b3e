package io.followup.sla.connect.alerts.routing;

import java.time.ZoneId;

/**
 * A person (or the default route) an alert goes to, with what the channels and quiet hours need.
 *
 * @param id the repId, or {@code default} / {@code on-call} for the routes that are not a person
 * @param workingHours a working-hours spec such as {@code MON-FRI 09:00-17:00}; null means the
 *     connector's default
 */
public record Recipient(
    String id,
    String name,
    Role role,
    String email,
    String slackMemberId,
    String team,
    ZoneId zone,
    String workingHours) {

  public static final String DEFAULT_ID = "default";
  public static final String ON_CALL_ID = "on-call";

  public Recipient withRole(Role newRole) {
    return new Recipient(id, name, newRole, email, slackMemberId, team, zone, workingHours);
  }

  /** The same person; no contact details, which are lead-adjacent data and stay out of logs. */
  @Override
  public String toString() {
    return "Recipient[" + role.configName() + "]";
  }
}
