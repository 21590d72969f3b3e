package io.followup.sla.bench;

import io.followup.sla.streams.TopicNames;
import java.util.List;

/** The engine's topics under a prefix, one set per part of the run, so the parts do not mix. */
final class BenchTopics {

  private BenchTopics() {}

  static TopicNames prefixed(String prefix) {
    TopicNames d = TopicNames.DEFAULTS;
    return new TopicNames(
        prefix + d.leadCreated(),
        prefix + d.statusChanged(),
        prefix + d.contentEngaged(),
        prefix + d.repTouched(),
        prefix + d.reps(),
        prefix + d.policies(),
        prefix + d.alerts(),
        prefix + d.deadLetters(),
        prefix + d.buyingGroupMembers(),
        prefix + d.misplacedEvents(),
        prefix + d.weeklyReviews(),
        prefix + d.teamClocks());
  }

  /** What the bench creates before producing: the four lead-event topics and the reps. */
  static List<String> inputs(TopicNames topics) {
    return List.of(
        topics.leadCreated(),
        topics.statusChanged(),
        topics.contentEngaged(),
        topics.repTouched(),
        topics.reps());
  }
}
