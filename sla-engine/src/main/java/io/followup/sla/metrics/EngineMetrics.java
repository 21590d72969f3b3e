package io.followup.sla.metrics;

import io.followup.sla.events.RepTouched;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.RuleId;
import io.followup.sla.rules.AlertKind;
import io.followup.sla.rules.ClockEvent;
import io.followup.sla.rules.ClockStage;
import io.followup.sla.rules.Deadline;
import io.followup.sla.streams.ClockCounts;
import io.followup.sla.streams.DeadLetterReason;
import io.followup.sla.streams.EngineListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * The engine's own metrics, fed by the live driver's hooks. Every label is a bounded set: rule,
 * kind, stage, outcome and event type are fixed; source and team are capped; reps are capped at
 * {@code metrics.max-reps} with the rest under {@code rep="other"}. Never a label per lead or
 * account. The names and labels are the README's table; dashboards and alert rules depend on them.
 */
public final class EngineMetrics implements EngineListener, AutoCloseable {

  public static final int DEFAULT_MAX_REPS = 50;

  /** Teams and sources are few in any sales organisation; past this, they share "other". */
  static final int MAX_TEAMS = 30;

  static final int MAX_SOURCES = 30;

  /** Every dead-letter reason, so "no dead letters" shows as zero, not as no data. */
  static final List<String> DEAD_LETTER_REASONS =
      Arrays.stream(DeadLetterReason.values()).map(DeadLetterReason::token).toList();

  static final List<String> EVENT_TYPES =
      List.of("LeadCreated", "LeadStatusChanged", "ContentEngaged", "RepTouched");

  static final String MET = "met";
  static final String MISSED = "missed";
  static final String STOPPED = "stopped";

  /**
   * Time to first touch: from seconds (the demo's compressed SLAs) to a week (a lead nobody
   * wanted).
   */
  static final Duration[] FIRST_TOUCH_BUCKETS = {
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(20),
    Duration.ofSeconds(30),
    Duration.ofSeconds(45),
    Duration.ofMinutes(1),
    Duration.ofMinutes(2),
    Duration.ofMinutes(5),
    Duration.ofMinutes(15),
    Duration.ofMinutes(30),
    Duration.ofHours(1),
    Duration.ofHours(2),
    Duration.ofHours(4),
    Duration.ofHours(8),
    Duration.ofHours(12),
    Duration.ofDays(1),
    Duration.ofDays(2),
    Duration.ofDays(3),
    Duration.ofDays(7)
  };

  /** Detection delay: healthy is within a punctuation interval or two; an hour is an outage. */
  static final Duration[] DETECTION_DELAY_BUCKETS = {
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(2),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofMinutes(1),
    Duration.ofMinutes(5),
    Duration.ofMinutes(15),
    Duration.ofHours(1)
  };

  private final MeterRegistry registry;
  private final Supplier<Policy> policy;
  private final BoundedLabel reps;
  private final BoundedLabel teams = new BoundedLabel(MAX_TEAMS);
  private final BoundedLabel sources = new BoundedLabel(MAX_SOURCES);
  private final BoundedLabel systems = new BoundedLabel(MAX_SOURCES);

  /** Applied and duplicate counters of each source system, looked up once per event. */
  private final Map<String, Counter[]> bySystem = new ConcurrentHashMap<>();

  /*
   * The meters the stream thread touches per event and per clock change, bound once per label
   * tuple and found by plain map lookups on the values as they come, so the common path builds no
   * tags, ids or keys. Each is registered when first asked for, exactly as through counter().
   */

  /** By event type (the schema's name): the applied counter and where the eventId sits. */
  private final Map<String, EventType> eventTypes = new ConcurrentHashMap<>();

  /** Touches by rep. */
  private final LabelledMeters<Counter> touchesByRep;

  /** Alerts by rule id, kind and team. */
  private final Map<String, Map<String, LabelledMeters<Counter>>> alertsByRuleAndKind =
      new ConcurrentHashMap<>();

  /** Clock series by rule id, source and team. */
  private final Map<String, LabelledMeters<LabelledMeters<ClockSeries>>> clocksByRule =
      new ConcurrentHashMap<>();

  /** A rep's met and missed counters, by rep and team. */
  private final LabelledMeters<LabelledMeters<Counter[]>> repClocksByRep;

  private final Counter duplicates;
  private final Timer detectionDelay;
  private final DistributionSummary deadlinesPerTick;

  /** The open clocks of each task this instance runs; the gauges add them up when scraped. */
  private final Map<String, ClockCounts> openClocks = new ConcurrentHashMap<>();

  /** The counters in use, by name and tags; see {@link #counter}. */
  private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

  private final Set<RuleId> gaugedRules = EnumSet.noneOf(RuleId.class);
  private final List<Gauge> gauges = new java.util.ArrayList<>();
  private Gauge policyInfo;

  /**
   * @param policy the policy in force, looked at again whenever a new version is put in force
   * @param leadEventTopics the topics dead letters can come from
   * @param maxReps how many reps get their own series
   */
  public EngineMetrics(
      MeterRegistry registry,
      Supplier<Policy> policy,
      Collection<String> leadEventTopics,
      int maxReps) {
    this.registry = registry;
    this.policy = policy;
    this.reps = new BoundedLabel(maxReps);
    this.touchesByRep =
        new LabelledMeters<>(
            reps,
            rep ->
                counter(
                    "sla.rep.touches",
                    "Rep touches applied, by rep (capped; the rest under rep=\"other\")",
                    "rep",
                    rep));
    this.repClocksByRep =
        new LabelledMeters<>(
            reps,
            rep ->
                new LabelledMeters<>(
                    teams,
                    team ->
                        new Counter[] {repClocks(rep, team, MET), repClocks(rep, team, MISSED)}));
    this.duplicates =
        Counter.builder("sla.events.duplicates")
            .description("Lead events dropped because their eventId was already seen")
            .register(registry);
    this.detectionDelay =
        Timer.builder("sla.detection.delay")
            .description(
                "How long after a clock stage (warning, breach, escalation) was due the engine"
                    + " noticed it")
            .serviceLevelObjectives(DETECTION_DELAY_BUCKETS)
            .register(registry);
    this.deadlinesPerTick =
        DistributionSummary.builder("sla.deadlines.fired.per.tick")
            .description("Deadlines handled by one scan of the deadline index")
            .register(registry);
    for (String type : EVENT_TYPES) {
      eventsApplied(type);
    }
    for (String topic : leadEventTopics) {
      reroutedCounter(topic);
      for (String reason : DEAD_LETTER_REASONS) {
        deadLetters(topic, reason);
      }
    }
    // Registered at zero so a dashboard and an alert rule see the series before the first failure.
    for (RuleId rule : RuleId.values()) {
      deadlineFailures(rule);
    }
    refreshPolicy();
  }

  @Override
  public void eventApplied(SpecificRecord event) {
    EventType type = eventType(event);
    type.applied.increment();
    bySystem(event, type)[0].increment();
    if (event instanceof RepTouched touch) {
      touchesByRep.of(touch.getRepId()).increment();
    }
  }

  @Override
  public void duplicateDropped() {
    duplicates.increment();
  }

  @Override
  public void duplicateDropped(SpecificRecord event) {
    duplicates.increment();
    bySystem(event, eventType(event))[1].increment();
  }

  @Override
  public void alertEmitted(SlaAlert alert) {
    String rule = alert.getRuleId();
    String kind = alert.getKind();
    alertsByRuleAndKind
        .computeIfAbsent(rule, r -> new ConcurrentHashMap<>())
        .computeIfAbsent(
            kind,
            k ->
                new LabelledMeters<>(
                    teams,
                    team ->
                        counter(
                            "sla.alerts",
                            "Alerts emitted, by rule, kind and the responsible rep's team",
                            "rule",
                            rule,
                            "kind",
                            kind,
                            "team",
                            team)))
        .of(alert.getTeam())
        .increment();
    if (AlertKind.BREACHED.name().equals(kind)) {
      // A clock is missed when its deadline passes, not when someone finally handles the lead, so
      // compliance is honest about leads that are never touched.
      clockSeries(rule, alert.getSource(), alert.getTeam()).missed().increment();
      if (alert.getRepId() != null) {
        repClocksByRep.of(alert.getRepId()).of(alert.getTeam())[1].increment();
      }
    }
  }

  @Override
  public void clockChanged(ClockEvent event) {
    // Looked up for every change, so sources and teams are admitted to their caps in the order
    // they come, whatever the change.
    ClockSeries series = clockSeries(event.rule().id(), event.source(), event.team());
    if (event.isStart()) {
      series.started().increment();
      // Every outcome series of the clock exists from its start, so ratios by source or rule
      // never lose a series for want of a first met or missed clock.
      series.met();
      series.missed();
      series.stopped();
      if (event.repId() != null) {
        repClocksByRep.of(event.repId()).of(event.team());
      }
      return;
    }
    if (event.met()) {
      series.met().increment();
      if (event.repId() != null) {
        repClocksByRep.of(event.repId()).of(event.team())[0].increment();
      }
    } else if (event.closure() == ClockEvent.Closure.STOPPED && !event.breached()) {
      series.stopped().increment();
    }
    // A breached clock was counted as missed when its BREACHED alert went out.
    if (event.rule() == RuleId.FIRST_TOUCH && event.closure() == ClockEvent.Closure.SATISFIED) {
      Duration taken = Duration.between(event.startedAt(), event.at());
      series.timeToFirstTouch().record(taken.isNegative() ? Duration.ZERO : taken);
    }
  }

  private ClockSeries clockSeries(String rule, String source, String team) {
    return clocksByRule
        .computeIfAbsent(
            rule,
            r ->
                new LabelledMeters<>(
                    sources, s -> new LabelledMeters<>(teams, t -> new ClockSeries(r, s, t))))
        .of(source)
        .of(team);
  }

  /**
   * The meters of one (rule, source, team). Each is registered on first use, as through {@link
   * #counter}, so a series appears exactly when it did before; a race between stream threads only
   * looks the same meter up twice.
   */
  private final class ClockSeries {

    private final String rule;
    private final String source;
    private final String team;
    private volatile Counter started;
    private volatile Counter met;
    private volatile Counter missed;
    private volatile Counter stopped;
    private volatile Timer timeToFirstTouch;

    ClockSeries(String rule, String source, String team) {
      this.rule = rule;
      this.source = source;
      this.team = team;
    }

    Counter started() {
      Counter c = started;
      if (c == null) {
        c =
            counter(
                "sla.clocks.started",
                "SLA clocks started, by rule and lead source",
                "rule",
                rule,
                "source",
                source);
        started = c;
      }
      return c;
    }

    Counter met() {
      Counter c = met;
      if (c == null) {
        c = clockOutcome(rule, source, team, MET);
        met = c;
      }
      return c;
    }

    Counter missed() {
      Counter c = missed;
      if (c == null) {
        c = clockOutcome(rule, source, team, MISSED);
        missed = c;
      }
      return c;
    }

    Counter stopped() {
      Counter c = stopped;
      if (c == null) {
        c = clockOutcome(rule, source, team, STOPPED);
        stopped = c;
      }
      return c;
    }

    Timer timeToFirstTouch() {
      Timer t = timeToFirstTouch;
      if (t == null) {
        t = EngineMetrics.this.timeToFirstTouch(source);
        timeToFirstTouch = t;
      }
      return t;
    }
  }

  @Override
  public void deadlinesFired(List<Deadline> fired, Instant now) {
    deadlinesPerTick.record(fired.size());
    for (Deadline deadline : fired) {
      Duration late = Duration.between(deadline.at(), now);
      detectionDelay.record(late.isNegative() ? Duration.ZERO : late);
    }
  }

  @Override
  public void deadlineFailed(Deadline deadline) {
    deadlineFailures(deadline.rule()).increment();
  }

  @Override
  public void deadLettered(String sourceTopic, String reasonCode) {
    deadLetters(sourceTopic, reasonCode).increment();
  }

  @Override
  public void rerouted(String sourceTopic) {
    reroutedCounter(sourceTopic).increment();
  }

  @Override
  public void openClocks(String owner, ClockCounts counts) {
    openClocks.put(owner, counts);
    for (RuleId rule : counts.rules()) {
      gaugeRule(rule);
    }
  }

  @Override
  public void openClocksDropped(String owner) {
    openClocks.remove(owner);
  }

  /** Open clocks of one rule and stage on this instance, as the gauges report them. */
  long openClocks(RuleId rule, ClockStage stage) {
    long sum = 0;
    for (ClockCounts counts : openClocks.values()) {
      sum += counts.get(rule, stage);
    }
    return sum;
  }

  @Override
  public void policyInForce(Policy inForce) {
    refreshPolicy();
  }

  @Override
  public void policyRefused(String policyId) {
    counter(
            "sla.policy.refused",
            "Published policy versions refused because they did not validate",
            "policy",
            policyId == null ? BoundedLabel.NONE : policyId)
        .increment();
  }

  /**
   * Shows the policy in force and gauges every rule it turns on; called at start and whenever a new
   * version is put in force.
   */
  synchronized void refreshPolicy() {
    Policy current = policy.get();
    if (current == null) {
      return;
    }
    for (RuleId rule : RuleId.values()) {
      if (current.rule(rule).isPresent()) {
        gaugeRule(rule);
      }
    }
    String id = current.policyId() == null ? BoundedLabel.NONE : current.policyId();
    String version = current.version() == null ? BoundedLabel.NONE : current.version();
    if (policyInfo != null
        && id.equals(policyInfo.getId().getTag("policy"))
        && version.equals(policyInfo.getId().getTag("version"))) {
      return;
    }
    if (policyInfo != null) {
      registry.remove(policyInfo);
    }
    policyInfo =
        Gauge.builder("sla.policy.info", () -> 1)
            .description("The SLA policy in force: always 1, its id and version in the labels")
            .tag("policy", id)
            .tag("version", version)
            .register(registry);
  }

  private synchronized void gaugeRule(RuleId rule) {
    if (!gaugedRules.add(rule)) {
      return;
    }
    for (ClockStage stage : ClockStage.values()) {
      gauges.add(
          Gauge.builder("sla.clocks.open", this, m -> m.openClocks(rule, stage))
              .description("Open SLA clocks on this instance, by rule and stage")
              .tag("rule", rule.id())
              .tag("stage", stage.name().toLowerCase(Locale.ROOT))
              .strongReference(true)
              .register(registry));
    }
    gauges.add(
        Gauge.builder("sla.leads.at.risk", this, m -> m.openClocks(rule, ClockStage.WARNED))
            .description("Leads warned and not yet breached, by rule: the ones to act on now")
            .tag("rule", rule.id())
            .strongReference(true)
            .register(registry));
  }

  /** Removes the gauges that read this engine's state; counters stay, as counters do. */
  @Override
  public synchronized void close() {
    gauges.forEach(registry::remove);
    gauges.clear();
    gaugedRules.clear();
    if (policyInfo != null) {
      registry.remove(policyInfo);
      policyInfo = null;
    }
  }

  private Counter eventsApplied(String type) {
    return counter(
        "sla.events.applied", "Lead events applied to lead state, by type", "type", type);
  }

  /**
   * The applied and duplicate counters of the system the event came from: the namespace of its
   * eventId ({@code hubspot:webhook:...} is hubspot), as the CRM connectors write them; "none" for
   * an id without one. Capped like sources, so a producer with odd ids cannot grow the series.
   */
  private Counter[] bySystem(SpecificRecord event, EventType type) {
    Object id = type.eventIdPos < 0 ? null : event.get(type.eventIdPos);
    String text = id == null ? "" : id.toString();
    int colon = text.indexOf(':');
    String system = systems.of(colon > 0 ? text.substring(0, colon) : null);
    return bySystem.computeIfAbsent(
        system, s -> new Counter[] {systemCounter(s, "applied"), systemCounter(s, "duplicate")});
  }

  private EventType eventType(SpecificRecord event) {
    Schema schema = event.getSchema();
    return eventTypes.computeIfAbsent(schema.getName(), name -> new EventType(this, schema));
  }

  /** What the metrics need of one event type, found once. */
  private static final class EventType {

    final Counter applied;

    /** The position of the eventId field; -1 for a type without one. */
    final int eventIdPos;

    EventType(EngineMetrics metrics, Schema schema) {
      this.applied = metrics.eventsApplied(schema.getName());
      Schema.Field field = schema.getField("eventId");
      this.eventIdPos = field == null ? -1 : field.pos();
    }
  }

  private Counter systemCounter(String system, String outcome) {
    return Counter.builder("sla.events.by.system")
        .description(
            "Lead events applied, or dropped as duplicates, by the source system named in their"
                + " eventId (salesforce, hubspot, marketo, ...; capped, the rest under"
                + " system=\"other\")")
        .tag("system", system)
        .tag("outcome", outcome)
        .register(registry);
  }

  private Counter deadlineFailures(RuleId rule) {
    return counter(
        "sla.deadline.failures",
        "Due deadlines on which rule code threw; each was dropped so the others go on, and its"
            + " clock will not advance",
        "rule",
        rule.id());
  }

  private Counter reroutedCounter(String topic) {
    return counter(
        "sla.events.rerouted",
        "Lead events found on another partition than their key's (a producer with another"
            + " partitioner) and re-routed to it, by the topic they came on",
        "topic",
        topic);
  }

  private Counter deadLetters(String topic, String reason) {
    return counter(
        "sla.dead.letters",
        "Records sent to the dead-letter topic, by source topic and reason",
        "topic",
        topic,
        "reason",
        reason);
  }

  private Counter clockOutcome(String rule, String source, String team, String outcome) {
    return counter(
        "sla.clock.outcomes",
        "SLA clocks that came due, by outcome: met (satisfied by the deadline), missed (the"
            + " deadline passed), stopped (no longer applied before its deadline)",
        "rule",
        rule,
        "source",
        source,
        "team",
        team,
        "outcome",
        outcome);
  }

  private Counter repClocks(String rep, String team, String outcome) {
    Counter met =
        counter(
            "sla.rep.clocks",
            "SLA clocks a rep met or missed (breached), by rep (capped; the rest under"
                + " rep=\"other\")",
            "rep",
            rep,
            "team",
            team,
            "outcome",
            MET);
    Counter missed =
        counter(
            "sla.rep.clocks",
            "SLA clocks a rep met or missed (breached), by rep (capped; the rest under"
                + " rep=\"other\")",
            "rep",
            rep,
            "team",
            team,
            "outcome",
            MISSED);
    return MET.equals(outcome) ? met : missed;
  }

  private Timer timeToFirstTouch(String source) {
    return Timer.builder("sla.time.to.first.touch")
        .description(
            "From a lead's first-touch clock starting (created or assigned) to the touch or"
                + " acceptance that satisfied it, by lead source")
        .tag("source", source)
        .serviceLevelObjectives(FIRST_TOUCH_BUCKETS)
        .register(registry);
  }

  /**
   * The counter of this name and these tags (key, value, key, value...), registered on first use.
   * Counters are looked up here, not through their builder: the registry's own lookup sorts the
   * tags and builds an id on every call, several times per event on the stream thread.
   */
  private Counter counter(String name, String description, String... tags) {
    String[] key = new String[tags.length + 1];
    key[0] = name;
    System.arraycopy(tags, 0, key, 1, tags.length);
    return counters.computeIfAbsent(
        List.of(key),
        k -> Counter.builder(name).description(description).tags(tags).register(registry));
  }
}
