package io.followup.sla.access;

import java.util.Locale;
import java.util.Optional;

/** What a login may read: every team ({@code ops}) or the teams of the reps it manages. */
public enum Role {
  OPS,
  MANAGER;

  public static Optional<Role> parse(String text) {
    for (Role role : values()) {
      if (role.name().equalsIgnoreCase(text)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
