package io.followup.sla.query;

import io.followup.sla.rules.LeadState;
import io.followup.sla.rules.SlaClock;

/** One open, not yet breached clock of a lead, as the at-risk lists show it. */
public record OpenClock(LeadState lead, SlaClock clock) {}
