package io.followup.sla.access;

/**
 * A login of the query API. A manager's name is their rep id in {@code sales.reps}: the reps whose
 * {@code managerId} it is, and its own profile, give the teams it may see.
 */
public record User(String name, Role role, Credential credential) {}
