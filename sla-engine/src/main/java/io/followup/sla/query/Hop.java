package io.followup.sla.query;

import java.util.Optional;

/**
 * How a request reached this instance, carried in the {@value #HEADER} header: from a user, or
 * forwarded by another instance, which then wants this one's own stores only (no forwarding on, so
 * a request never loops), active ones or, asked for a standby's answer, stale ones too.
 */
public enum Hop {
  USER,
  LOCAL,
  STALE_OK;

  public static final String HEADER = "X-Sla-Hop";

  public static Hop of(String header) {
    if (header == null) {
      return USER;
    }
    return Optional.of(header).filter(h -> h.equals("stale-ok")).map(h -> STALE_OK).orElse(LOCAL);
  }

  public String header() {
    return this == STALE_OK ? "stale-ok" : "local";
  }
}
