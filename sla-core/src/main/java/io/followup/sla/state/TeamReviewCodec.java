package io.followup.sla.state;

import io.followup.sla.policy.RuleId;
import io.followup.sla.review.ClockOutcome;
import io.followup.sla.review.Counts;
import io.followup.sla.review.FirstTouches;
import io.followup.sla.review.OpenClock;
import io.followup.sla.review.ReviewWeek;
import io.followup.sla.review.TeamClock;
import io.followup.sla.review.TeamWeek;
import io.followup.sla.review.WeekTally;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The weekly review's stored forms: a team's week ({@link TeamWeekRecord}), one open clock ({@link
 * OpenClockRecord}) and a clock event on its way to the team's task ({@link TeamClockRecord}), each
 * behind a version byte.
 */
public final class TeamReviewCodec {

  /**
   * Version 2 of the week adds each rep's first touches, version 2 of the clock event the hand-off
   * and the time to first touch. Version 1 of each is read through its schema as it shipped, a copy
   * of which travels with the schemas.
   */
  private static final VersionedAvro<TeamWeekRecord> WEEKS =
      new VersionedAvro<>(
          TeamWeekRecord.getClassSchema(), 2, Map.of(1, shippedSchema("TeamWeekRecord-v1.avsc")));

  private static final VersionedAvro<OpenClockRecord> OPEN =
      new VersionedAvro<>(OpenClockRecord.getClassSchema(), 1, Map.of());
  private static final VersionedAvro<TeamClockRecord> CLOCKS =
      new VersionedAvro<>(
          TeamClockRecord.getClassSchema(), 2, Map.of(1, shippedSchema("TeamClockRecord-v1.avsc")));

  private TeamReviewCodec() {}

  public static byte[] encodeWeek(TeamWeek week) {
    return WEEKS.encode(
        new TeamWeekRecord(
            week.team(),
            week.zone().getId(),
            week.week().zone().getId(),
            week.week().start(),
            week.week().end(),
            toRecord(week.current()),
            week.previous() == null ? null : toRecord(week.previous())));
  }

  public static TeamWeek decodeWeek(byte[] bytes) {
    TeamWeekRecord r = WEEKS.decode(bytes);
    // The week keeps the bounds and zone it started with, also if the team's zone changed since.
    ReviewWeek week = new ReviewWeek(r.getWeekStart(), r.getWeekEnd(), ZoneId.of(r.getWeekZone()));
    return new TeamWeek(
        r.getTeam(),
        ZoneId.of(r.getZone()),
        week,
        fromRecord(r.getCurrent()),
        r.getPrevious() == null ? null : fromRecord(r.getPrevious()));
  }

  public static byte[] encodeOpen(OpenClock c) {
    return OPEN.encode(
        new OpenClockRecord(c.accountId(), c.source(), c.repId(), c.dueAt(), c.missCounted()));
  }

  /** The open clock stored under {@code rule} and {@code key}. */
  public static OpenClock decodeOpen(RuleId rule, String key, byte[] bytes) {
    OpenClockRecord r = OPEN.decode(bytes);
    return new OpenClock(
        rule, key, r.getAccountId(), r.getSource(), r.getRepId(), r.getDueAt(), r.getMissCounted());
  }

  public static byte[] encodeClock(TeamClock c) {
    return CLOCKS.encode(
        new TeamClockRecord(
            RuleRecord.valueOf(c.rule().name()),
            c.key(),
            c.accountId(),
            c.source(),
            c.repId(),
            c.dueAt(),
            ClockOutcomeRecord.valueOf(c.outcome().name()),
            c.firstTouch() == null ? null : c.firstTouch().toMillis()));
  }

  /** The clock event, or null for a rule or outcome this engine does not know (a newer one's). */
  public static TeamClock decodeClock(byte[] bytes) {
    TeamClockRecord r = CLOCKS.decode(bytes);
    if (r.getRule() == RuleRecord.UNKNOWN || r.getOutcome() == ClockOutcomeRecord.UNKNOWN) {
      return null;
    }
    return new TeamClock(
        RuleId.valueOf(r.getRule().name()),
        r.getKey(),
        r.getAccountId(),
        r.getSource(),
        r.getRepId(),
        r.getDueAt(),
        ClockOutcome.valueOf(r.getOutcome().name()),
        r.getFirstTouchMillis() == null ? null : Duration.ofMillis(r.getFirstTouchMillis()));
  }

  private static TallyRecord toRecord(WeekTally t) {
    Map<String, FirstTouchRecord> firstTouches = new HashMap<>();
    t.firstTouches()
        .forEach(
            (rep, f) ->
                firstTouches.put(
                    rep, new FirstTouchRecord(f.handedOff(), f.touched(), f.firstTouchMillis())));
    return new TallyRecord(
        records(t.rules()), records(t.sources()), records(t.reps()), firstTouches);
  }

  private static WeekTally fromRecord(TallyRecord r) {
    Map<String, FirstTouches> firstTouches = new HashMap<>();
    r.getFirstTouches()
        .forEach(
            (rep, f) ->
                firstTouches.put(
                    rep,
                    new FirstTouches(f.getHandedOff(), f.getTouched(), f.getFirstTouchMillis())));
    return new WeekTally(
        counts(r.getRules()), counts(r.getSources()), counts(r.getReps()), firstTouches);
  }

  private static Map<String, CountsRecord> records(Map<String, Counts> counts) {
    Map<String, CountsRecord> out = new HashMap<>();
    counts.forEach((k, c) -> out.put(k, new CountsRecord(c.met(), c.missed())));
    return out;
  }

  private static Map<String, Counts> counts(Map<String, CountsRecord> records) {
    Map<String, Counts> out = new HashMap<>();
    records.forEach((k, c) -> out.put(k, new Counts(c.getMet(), c.getMissed())));
    return out;
  }

  /**
   * A schema as it shipped. A team clock names the rule type of the clock record, so that is known
   * to the parser first.
   */
  private static Schema shippedSchema(String name) {
    try (InputStream in = TeamWeekRecord.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the team review state schema " + name + " is missing");
      }
      Schema.Parser parser = new Schema.Parser();
      parser.parse(ClockRecord.getClassSchema().toString());
      return parser.parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the team review state schema " + name, e);
    }
  }
}
