package io.followup.sla.rules;

import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Time zones as rep profiles spell them, each read once: {@link ZoneId#of} checks the id and looks
 * its rules up on every call, and every alert's wording reads a zone or two. A zone id is
 * immutable, so the one read first serves every later alert.
 */
final class ProfileZones {

  /** Far more zones than exist; past it odd data is read each time rather than grow the map. */
  private static final int MAX_CACHED = 1_000;

  private static final Map<String, ZoneId> READ = new ConcurrentHashMap<>();

  private ProfileZones() {}

  /**
   * The zone of a profile's non-blank time zone.
   *
   * @throws java.time.DateTimeException as {@link ZoneId#of} does, for an id that does not read
   */
  static ZoneId of(String timeZone) {
    ZoneId zone = READ.get(timeZone);
    if (zone != null) {
      return zone;
    }
    zone = ZoneId.of(timeZone.strip());
    if (READ.size() < MAX_CACHED) {
      READ.put(timeZone, zone);
    }
    return zone;
  }
}
