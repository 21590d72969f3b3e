package io.followup.sla.rules;

import java.time.Instant;

/** A lead's engagement with marketing content, as the follow-up rule needs it. */
public record Engagement(Instant at, String assetType, String assetTitle, Integer intentScore) {}
