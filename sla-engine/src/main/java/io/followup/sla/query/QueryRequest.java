package io.followup.sla.query;

import io.followup.sla.access.Scope;

/**
 * Who asks and how the request came: what they may see, whether another instance forwarded it, and
 * what to forward on (the path with its query, the caller's own credentials).
 */
public record QueryRequest(Scope scope, Hop hop, String pathAndQuery, String authorization) {}
