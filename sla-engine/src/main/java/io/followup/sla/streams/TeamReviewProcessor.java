package io.followup.sla.streams;

import io.followup.sla.events.TeamWeeklyReview;
import io.followup.sla.review.ReviewZone;
import io.followup.sla.review.TeamClock;
import io.followup.sla.review.WeeklyReviewFold;
import io.followup.sla.rules.RepDirectory;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The live driver of the weekly review: clock events keyed by team folded into the task's team
 * stores; a wall-clock punctuator closes each team's week once Monday 00:00 has passed in its
 * manager's zone and publishes the review, keyed by team.
 */
final class TeamReviewProcessor implements Processor<String, TeamClock, String, TeamWeeklyReview> {

  private final WeeklyReviewFold fold = new WeeklyReviewFold();
  private final EngineSettings settings;

  private ProcessorContext<String, TeamWeeklyReview> context;
  private TeamReviewStores ports;
  private RepDirectory reps;

  TeamReviewProcessor(EngineSettings settings) {
    this.settings = settings;
  }

  @Override
  public void init(ProcessorContext<String, TeamWeeklyReview> context) {
    this.context = context;
    this.reps = new StoreRepDirectory(context.getStateStore(StoreNames.REPS));
    this.ports =
        new TeamReviewStores(
            context.getStateStore(StoreNames.TEAM_WEEKS),
            context.getStateStore(StoreNames.TEAM_OPEN_CLOCKS));
    context.schedule(
        settings.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, this::closeWeeks);
  }

  @Override
  public void process(Record<String, TeamClock> record) {
    TeamClock clock = record.value();
    if (record.key() == null || clock == null) {
      // Written by a newer engine (a rule or outcome this one does not know): nothing to count.
      return;
    }
    long now = context.currentSystemTimeMs();
    List<TeamWeeklyReview> reviews;
    try {
      reviews =
          fold.onClock(
              record.key(),
              clock,
              ReviewZone.of(clock.repId(), reps),
              Instant.ofEpochMilli(now),
              ports,
              reps);
    } catch (RuntimeException e) {
      ports.forgetDecoded();
      throw e;
    }
    publish(reviews, now);
  }

  void closeWeeks(long wallClockMs) {
    List<TeamWeeklyReview> reviews;
    try {
      reviews = fold.onTick(Instant.ofEpochMilli(wallClockMs), ports, reps);
    } catch (RuntimeException e) {
      ports.forgetDecoded();
      throw e;
    }
    publish(reviews, wallClockMs);
  }

  private void publish(List<TeamWeeklyReview> reviews, long time) {
    for (TeamWeeklyReview review : reviews) {
      context.forward(new Record<>(review.getTeam(), review, time));
    }
  }
}
