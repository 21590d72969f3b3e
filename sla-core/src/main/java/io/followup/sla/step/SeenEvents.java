package io.followup.sla.step;

import java.time.Instant;

/**
 * Port: the event ids applied within the duplicate window. Sources re-deliver (at-least-once
 * connectors, a CRM's retries); an id seen within the window is dropped. Ids older than the window
 * are forgotten by the port, so it holds a window of ids, not all of them.
 */
public interface SeenEvents {

  boolean contains(String eventId, Instant now);

  void add(String eventId, Instant now);
}
