package io.followup.sla.rules;

import io.followup.sla.policy.RuleId;
import java.time.Instant;

/** A point in time at which one rule's clock of one lead (or account) must be looked at again. */
public record Deadline(Instant at, String key, RuleId rule) {}
