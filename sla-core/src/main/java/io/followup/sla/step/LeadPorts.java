package io.followup.sla.step;

import io.followup.sla.rules.BuyingGroupMember;
import io.followup.sla.rules.LeadState;
import java.util.function.Consumer;

/**
 * What a driver lends the lead step: its stores and indexes, and where its outputs go.
 *
 * @param members the lead-to-account fan-out: a changed buying-group view of a lead, for the
 *     account step (live through a topic keyed by account, in replay directly)
 */
public record LeadPorts(
    StateStore<LeadState> leads,
    TimeIndex deadlines,
    RetentionSchedule retention,
    StepOutput<LeadState> output,
    Consumer<BuyingGroupMember> members) {}
