package io.followup.sla.connect.alerts.routing;

import java.util.Locale;

/** Where a message goes. Each has its own sender, rate limit and message shape. */
public enum Channel {
  EMAIL,
  SLACK,
  TEAMS,
  WEBHOOK;

  /** The name in config: {@code email}, {@code slack}, {@code teams}, {@code webhook}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Channel fromConfig(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT));
  }

  /**
   * Whether several alerts may share one message. On-call tools want one event per alert (their own
   * dedup key), so the webhook never batches.
   */
  public boolean digests() {
    return this != WEBHOOK;
  }
}
