package io.followup.sla.rules;

import java.time.Instant;

/**
 * An event applied to a lead, remembered for the duplicate window so that a re-delivery is dropped.
 * The rules never read it; the step keeps it in the lead's state, so dedup costs no store of its
 * own.
 *
 * @param at when the event arrived (the driver's time, not the event's {@code occurredAt})
 */
public record SeenEvent(String eventId, Instant at) {}
