package io.followup.sla.time;

import io.followup.sla.events.RepProfile;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the business calendar of a rep's leads.
 *
 * <p>The business rules: a rep works in their own time zone and working hours when their profile
 * names them; otherwise in those of their region (e.g. {@code US}, {@code DE}, case-insensitive); a
 * rep with no region, or one the policy does not know, in the default region's. Holidays are always
 * the region's. A rep nobody knows (no profile yet) gets the fallback calendar: the default
 * region's unless the builder names another, e.g. {@link SlaCalendar#WALL_CLOCK}. A profile field
 * that does not read (an unknown time zone, working hours with a mistake) is replaced by the
 * region's, with one warning in the log per distinct profile, so that one bad profile never stops
 * the engine.
 *
 * <p>Calendars are cached by (time zone, working hours, region): reps share a few such keys, so a
 * lookup is a map hit. Thread-safe.
 */
public final class CalendarResolver {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarResolver.class);

  /** Beyond this many distinct keys the cache starts over, so odd data cannot grow it forever. */
  private static final int MAX_CACHED = 10_000;

  /** A region's calendar: its time zone, its usual working hours and its holidays. */
  public record RegionDefaults(ZoneId zone, WorkingHours hours, Set<LocalDate> holidays) {

    public RegionDefaults {
      Objects.requireNonNull(zone, "zone");
      Objects.requireNonNull(hours, "hours");
      holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
    }

    /** Reads a zone id and a working-hours spec; both must be valid. */
    public static RegionDefaults of(
        String zone, String workingHours, Collection<LocalDate> holidays) {
      return new RegionDefaults(
          ZoneId.of(zone),
          WorkingHours.parse(workingHours),
          holidays == null ? Set.of() : Set.copyOf(holidays));
    }

    public BusinessCalendar calendar() {
      return BusinessCalendar.of(zone, hours, holidays);
    }
  }

  private record Key(String timeZone, String workingHours, String region) {}

  private final RegionDefaults defaults;
  private final Map<String, RegionDefaults> regions;
  private final SlaCalendar fallback;
  private final Map<Key, SlaCalendar> cache = new ConcurrentHashMap<>();
  private final Map<String, WorkingHours> parsedHours = new ConcurrentHashMap<>();

  private CalendarResolver(
      RegionDefaults defaults, Map<String, RegionDefaults> regions, SlaCalendar fallback) {
    this.defaults = defaults;
    this.regions = Map.copyOf(regions);
    this.fallback = fallback != null ? fallback : defaults.calendar();
  }

  /** A resolver whose default region is {@code defaults}. */
  public static Builder builder(RegionDefaults defaults) {
    return new Builder(Objects.requireNonNull(defaults, "defaults"));
  }

  /** The calendar of a rep; the fallback calendar for a rep nobody knows ({@code null}). */
  public SlaCalendar forRep(RepProfile rep) {
    if (rep == null) {
      return fallback;
    }
    return resolve(rep.getTimeZone(), rep.getWorkingHours(), rep.getRegion());
  }

  /**
   * The calendar for a time zone and working-hours spec (either may be null: the region's) in a
   * region (null or unknown: the default region).
   */
  public SlaCalendar resolve(String timeZone, String workingHours, String region) {
    Key key = new Key(blankToNull(timeZone), blankToNull(workingHours), normaliseRegion(region));
    SlaCalendar cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    return cache.computeIfAbsent(key, this::build);
  }

  /** The calendar of a region's defaults; the default region's for a null or unknown region. */
  public SlaCalendar forRegion(String region) {
    return resolve(null, null, region);
  }

  /** The calendar of reps nobody knows. */
  public SlaCalendar fallback() {
    return fallback;
  }

  private SlaCalendar build(Key key) {
    RegionDefaults region = key.region() == null ? defaults : regions.get(key.region());
    if (region == null) {
      region = defaults;
    }
    ZoneId zone = region.zone();
    if (key.timeZone() != null) {
      try {
        zone = ZoneId.of(key.timeZone());
      } catch (DateTimeException e) {
        LOG.warn(
            "Rep time zone '{}' is not an IANA time zone; using {} of region {}",
            key.timeZone(),
            zone,
            key.region() == null ? "(default)" : key.region());
      }
    }
    WorkingHours hours = region.hours();
    if (key.workingHours() != null) {
      try {
        hours = parsedHours.computeIfAbsent(key.workingHours(), WorkingHours::parse);
      } catch (WorkingHours.InvalidWorkingHoursException e) {
        LOG.warn("Rep {}; using {} of the region", e.getMessage(), hours);
      }
    }
    return BusinessCalendar.of(zone, hours, region.holidays());
  }

  private String normaliseRegion(String region) {
    String name = HolidayCalendar.normalise(region);
    // Unknown regions share the default's cache entry instead of one each.
    return name != null && regions.containsKey(name) ? name : null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Builds a {@link CalendarResolver}. */
  public static final class Builder {
    private final RegionDefaults defaults;
    private final Map<String, RegionDefaults> regions = new HashMap<>();
    private SlaCalendar fallback;

    private Builder(RegionDefaults defaults) {
      this.defaults = defaults;
    }

    /** The defaults of the reps of region {@code name} (case-insensitive). */
    public Builder region(String name, RegionDefaults region) {
      String key = HolidayCalendar.normalise(name);
      if (key == null) {
        throw new IllegalArgumentException("a region needs a name");
      }
      regions.put(key, Objects.requireNonNull(region, "region"));
      return this;
    }

    /** The calendar for reps nobody knows; default: the default region's calendar. */
    public Builder fallback(SlaCalendar calendar) {
      this.fallback = calendar;
      return this;
    }

    public CalendarResolver build() {
      return new CalendarResolver(defaults, regions, fallback);
    }
  }
}
