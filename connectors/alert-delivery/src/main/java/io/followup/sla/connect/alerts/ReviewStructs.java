package io.followup.sla.connect.alerts;

import io.followup.sla.events.AtRiskClock;
import io.followup.sla.events.ComplianceLine;
import io.followup.sla.events.RepLine;
import io.followup.sla.events.TeamWeeklyReview;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * A record value of the weekly-reviews topic as the converter hands it over (a struct of the {@code
 * TeamWeeklyReview} schema, any compatible version) back to the generated class. Counts a writer
 * lacks read as 0, lists as empty.
 */
final class ReviewStructs {

  private ReviewStructs() {}

  static TeamWeeklyReview toReview(Object value) {
    if (!(value instanceof Struct struct)) {
      throw new DataException(
          "not a TeamWeeklyReview: the value is "
              + (value == null ? "null" : "a " + value.getClass().getSimpleName())
              + "; set value.converter to an Avro converter");
    }
    return TeamWeeklyReview.newBuilder()
        .setReviewId(required(struct, "reviewId"))
        .setTeam(required(struct, "team"))
        .setWeek(required(struct, "week"))
        .setTimeZone(required(struct, "timeZone"))
        .setWeekStart(instant(struct, "weekStart"))
        .setWeekEnd(instant(struct, "weekEnd"))
        .setGeneratedAt(instant(struct, "generatedAt"))
        .setOverall(line(structField(struct, "overall")))
        .setByRule(list(struct, "byRule", ReviewStructs::line))
        .setBySource(list(struct, "bySource", ReviewStructs::line))
        .setBestReps(list(struct, "bestReps", ReviewStructs::rep))
        .setWorstReps(list(struct, "worstReps", ReviewStructs::rep))
        .setAtRiskCount(count(struct, "atRiskCount"))
        .setAtRisk(list(struct, "atRisk", ReviewStructs::atRisk))
        .build();
  }

  private static ComplianceLine line(Struct s) {
    return new ComplianceLine(
        required(s, "name"),
        count(s, "met"),
        count(s, "missed"),
        count(s, "previousMet"),
        count(s, "previousMissed"));
  }

  private static RepLine rep(Struct s) {
    return new RepLine(
        required(s, "repId"), optional(s, "repName"), count(s, "met"), count(s, "missed"));
  }

  private static AtRiskClock atRisk(Struct s) {
    return new AtRiskClock(
        required(s, "ruleId"),
        required(s, "leadId"),
        optional(s, "accountId"),
        optional(s, "repId"),
        optional(s, "source"),
        instant(s, "dueAt"));
  }

  private static Struct structField(Struct struct, String name) {
    Field field = struct.schema().field(name);
    Object value = field == null ? null : struct.get(field);
    if (!(value instanceof Struct s)) {
      throw new DataException("not a TeamWeeklyReview: the field " + name + " is missing");
    }
    return s;
  }

  private static <T> List<T> list(Struct struct, String name, Function<Struct, T> item) {
    Field field = struct.schema().field(name);
    List<T> out = new ArrayList<>();
    if (field != null && struct.get(field) != null) {
      for (Object o : struct.getArray(name)) {
        if (o instanceof Struct s) {
          out.add(item.apply(s));
        }
      }
    }
    return out;
  }

  private static int count(Struct struct, String name) {
    Field field = struct.schema().field(name);
    Object value = field == null ? null : struct.get(field);
    return value instanceof Number n ? n.intValue() : 0;
  }

  private static String required(Struct struct, String name) {
    String value = optional(struct, name);
    if (value == null) {
      throw new DataException("not a TeamWeeklyReview: the field " + name + " is missing");
    }
    return value;
  }

  private static String optional(Struct struct, String name) {
    Field field = struct.schema().field(name);
    Object value = field == null ? null : struct.get(field);
    return value == null ? null : value.toString();
  }

  private static Instant instant(Struct struct, String name) {
    Field field = struct.schema().field(name);
    Object value = field == null ? null : struct.get(field);
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof Number n) {
      return Instant.ofEpochMilli(n.longValue());
    }
    throw new DataException("not a TeamWeeklyReview: the field " + name + " is not a timestamp");
  }
}
