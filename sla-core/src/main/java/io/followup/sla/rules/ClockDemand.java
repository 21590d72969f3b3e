package io.followup.sla.rules;

import java.time.Duration;
import java.time.Instant;

/**
 * What a rule asks for, given a lead's facts: a clock that runs from {@code startedAt} for {@code
 * sla}, with {@code repId} responsible. A demand with another start than the running clock's
 * replaces that clock (a reassignment, a new engagement).
 */
public record ClockDemand(Instant startedAt, Duration sla, String repId) {}
