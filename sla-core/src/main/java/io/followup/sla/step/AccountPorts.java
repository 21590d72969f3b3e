package io.followup.sla.step;

import io.followup.sla.rules.AccountState;

/** What a driver lends the account step: its stores and indexes, and where its outputs go. */
public record AccountPorts(
    StateStore<AccountState> accounts,
    TimeIndex deadlines,
    RetentionSchedule retention,
    StepOutput<AccountState> output) {}
