package io.followup.sla.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The eventIds replay has seen lately, to drop repeats as the live engine does: it remembers an id
 * for its duplicate window after the event arrived, then forgets it. So memory holds a window of
 * ids rather than every id of the history, and a repeat replays as it would have run live.
 */
final class RecentEventIds {

  /** The live engine's default {@code engine.duplicate-window}. */
  static final Duration LIVE_DEFAULT = Duration.ofDays(7);

  private final Duration window;

  /** In arrival order, which replay never goes back on, so the oldest ids come first. */
  private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

  RecentEventIds(Duration window) {
    this.window = window;
  }

  /**
   * True the first time {@code eventId} is seen within the window before {@code now}; remembers it
   * from {@code now}.
   */
  boolean firstSeen(String eventId, Instant now) {
    forgetBefore(now.minus(window));
    if (seen.containsKey(eventId)) {
      return false;
    }
    seen.put(eventId, now);
    return true;
  }

  int size() {
    return seen.size();
  }

  private void forgetBefore(Instant horizon) {
    Iterator<Map.Entry<String, Instant>> oldest = seen.entrySet().iterator();
    while (oldest.hasNext() && oldest.next().getValue().isBefore(horizon)) {
      oldest.remove();
    }
  }
}
