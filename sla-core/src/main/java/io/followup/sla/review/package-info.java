/**
 * The weekly review of a team: clock breaches and ends folded per team and ISO week (in the team
 * manager's zone) into compliance by rule, by source and by rep, against the week before, with the
 * clocks still overdue at the week's end. Plain Java behind {@link ReviewPorts}, so the live engine
 * (state stores) and replay (in memory) fold the same way.
 */
package io.followup.sla.review;
