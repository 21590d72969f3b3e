package io.followup.sla.review;

/**
 * A team's running week and the one before it.
 *
 * @param zone the zone of the team's newest event, where the next week will run; the running week
 *     keeps the bounds it started with
 * @param previous null when the team had no record of the week before
 */
public record TeamWeek(
    String team, java.time.ZoneId zone, ReviewWeek week, WeekTally current, WeekTally previous) {

  TeamWeek inZone(java.time.ZoneId newest) {
    return newest.equals(zone) ? this : new TeamWeek(team, newest, week, current, previous);
  }
}
