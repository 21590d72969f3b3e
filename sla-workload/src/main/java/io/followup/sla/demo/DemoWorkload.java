package io.followup.sla.demo;

import io.followup.sla.events.ContentEngaged;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.LeadStatusChanged;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.RepTouched;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The synthetic workload of {@code ./sla demo}: a life-science supplier's lead flow in compressed
 * time. A new lead arrives every one to three seconds from one of about twelve biopharma and
 * diagnostics accounts, each with a buying group of five to nine people, and six reps with
 * recognisable habits work them. The slow rep and the rep who ignores syndication leads make the
 * first breaches appear well within the first minute, while most leads are handled in time.
 *
 * <p>The story is a pure function of the seed and the start instant: {@link #script} returns it as
 * a list, and {@link #start} plays the same story live, sending each event to the sink when its
 * time comes. Every {@code occurredAt} is the start instant read from the injected clock plus the
 * event's place in the story.
 */
public final class DemoWorkload {

  public static final Duration DEFAULT_MIN_LEAD_GAP = Duration.ofSeconds(1);
  public static final Duration DEFAULT_MAX_LEAD_GAP = Duration.ofSeconds(3);

  private static final Logger log = LoggerFactory.getLogger(DemoWorkload.class);

  /** How often the live mode takes the next slice of the story. */
  private static final long PLAN_PERIOD_MS = 500;

  /** How far ahead of the present a slice reaches, so no event waits for the next slice. */
  private static final long LOOKAHEAD_MS = 1_500;

  private final Clock clock;
  private final long seed;
  private final DemoEventSink sink;
  private final Duration minLeadGap;
  private final Duration maxLeadGap;
  private final Map<String, RepHabit> habits;

  private final Object sendLock = new Object();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  // Live state, guarded by this.
  private ScheduledExecutorService executor;
  private ScheduledFuture<?> planner;
  private DemoStory story;
  private Instant startInstant;
  private long startNanos;
  private final Deque<SpecificRecord> pending = new ArrayDeque<>();
  private boolean running;
  private int firstLeadNumber = DemoStory.FIRST_LEAD_NUMBER;

  /** A workload for {@link #script} only; {@link #start} needs a sink. */
  public DemoWorkload(Clock clock, long seed) {
    this(clock, seed, null, DEFAULT_MIN_LEAD_GAP, DEFAULT_MAX_LEAD_GAP);
  }

  /** A new lead every one to three seconds. */
  public DemoWorkload(Clock clock, long seed, DemoEventSink sink) {
    this(clock, seed, sink, DEFAULT_MIN_LEAD_GAP, DEFAULT_MAX_LEAD_GAP);
  }

  /**
   * @param minLeadGap shortest time between two new leads (at least 1 ms)
   * @param maxLeadGap longest time between two new leads (at least minLeadGap)
   */
  public DemoWorkload(
      Clock clock, long seed, DemoEventSink sink, Duration minLeadGap, Duration maxLeadGap) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.seed = seed;
    this.sink = sink;
    if (minLeadGap.toMillis() < 1 || maxLeadGap.compareTo(minLeadGap) < 0) {
      throw new IllegalArgumentException(
          "lead gaps must satisfy 1 ms <= min <= max, were " + minLeadGap + " and " + maxLeadGap);
    }
    this.minLeadGap = minLeadGap;
    this.maxLeadGap = maxLeadGap;
    this.habits =
        DemoCast.REPS.stream()
            .collect(Collectors.toUnmodifiableMap(DemoCast.Rep::repId, DemoCast.Rep::habit));
  }

  /**
   * Numbers this workload's leads from {@code number} on (1001 by default). A demo run on data kept
   * from an earlier run starts past that run's leads, so its leads are new to the engine.
   */
  public synchronized DemoWorkload startingAtLead(int number) {
    if (running) {
      throw new IllegalStateException("the workload is already running");
    }
    this.firstLeadNumber = number;
    return this;
  }

  /** The sales team: the two managers first, then the six reps who own leads. */
  public List<RepProfile> reps() {
    return java.util.stream.Stream.concat(DemoCast.MANAGERS.stream(), DemoCast.REPS.stream())
        .map(DemoCast.Rep::profile)
        .toList();
  }

  /** The habit of a rep who owns leads; null for a manager or an unknown id. */
  public RepHabit habitOf(String repId) {
    return habits.get(repId);
  }

  /**
   * The whole story from {@code start} for {@code length}, in time order: the rep profiles first,
   * then every event whose occurredAt is before {@code start + length}. The same seed, start and
   * lead gaps give the same list; a shorter length gives a prefix of a longer one.
   */
  public List<SpecificRecord> script(Instant start, Duration length) {
    DemoStory s = new DemoStory(seed, start, minLeadGap, maxLeadGap, firstLeadNumber);
    return s.advanceTo(start.plus(length));
  }

  /**
   * Plays the story live from now (the clock's instant): the rep profiles at once, then each event
   * at its time, sent from the executor's threads one at a time and in story order. The executor
   * stays the caller's; {@link #stop()} ends the story.
   */
  public synchronized void start(ScheduledExecutorService executor) {
    if (sink == null) {
      throw new IllegalStateException("this demo workload has no sink; it can only script");
    }
    if (running || story != null) {
      throw new IllegalStateException("the demo workload was already started");
    }
    this.executor = Objects.requireNonNull(executor, "executor");
    this.startInstant = clock.instant();
    this.startNanos = System.nanoTime();
    this.story = new DemoStory(seed, startInstant, minLeadGap, maxLeadGap, firstLeadNumber);
    this.running = true;
    log.info(
        "Demo workload started: {} reps, a new lead every {}-{} ms (seed {})",
        DemoCast.REPS.size(),
        minLeadGap.toMillis(),
        maxLeadGap.toMillis(),
        seed);
    planner =
        executor.scheduleAtFixedRate(this::planNextSlice, 0, PLAN_PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  /** Stops sending; events not yet sent are dropped. Safe to call more than once. */
  public synchronized void stop() {
    if (!running) {
      return;
    }
    running = false;
    if (planner != null) {
      planner.cancel(false);
    }
    pending.clear();
    log.info(
        "Demo workload stopped after {} events ({} could not be sent)", sent.get(), failed.get());
  }

  public synchronized boolean isRunning() {
    return running;
  }

  /**
   * The clock's instant when {@link #start} was called: the start of the live story; null before.
   */
  public synchronized Instant startedAt() {
    return startInstant;
  }

  /** Events handed to the sink so far (failed sends included). */
  public long eventsSent() {
    return sent.get();
  }

  private void planNextSlice() {
    try {
      List<SpecificRecord> slice;
      synchronized (this) {
        if (!running) {
          return;
        }
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        slice = story.advanceTo(startInstant.plusMillis(elapsedMs + LOOKAHEAD_MS));
        pending.addAll(slice);
      }
      // One wake-up per event at its due time; each drains whatever is due by then, in
      // order, so events of one lead never overtake each other on a pool of threads.
      for (SpecificRecord event : slice) {
        executor.schedule(
            this::drainDue, Math.max(0, dueNanos(event) - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (RejectedExecutionException e) {
      log.info("Demo workload stops: its executor was shut down");
      stop();
    } catch (RuntimeException e) {
      log.warn("Demo workload could not plan its next events: {}", e.toString());
      log.debug("Planning failure", e);
    }
  }

  private void drainDue() {
    synchronized (sendLock) {
      while (true) {
        SpecificRecord next;
        synchronized (this) {
          if (!running) {
            return;
          }
          next = pending.peekFirst();
          if (next == null || dueNanos(next) > System.nanoTime()) {
            return;
          }
          pending.removeFirst();
        }
        send(next);
      }
    }
  }

  private void send(SpecificRecord event) {
    try {
      sink.send(event);
      if (log.isDebugEnabled()) {
        log.debug("Demo event sent: {}", event);
      }
    } catch (RuntimeException e) {
      // The message may quote the record, so it stays at DEBUG; one WARN says what broke.
      if (failed.getAndIncrement() == 0) {
        log.warn(
            "A demo {} could not be sent ({}); further failures are logged at DEBUG",
            event.getSchema().getName(),
            e.getClass().getSimpleName());
      }
      log.debug("Demo event could not be sent", e);
    } finally {
      sent.incrementAndGet();
    }
  }

  /** System.nanoTime() at which an event is due; rep profiles are due at once. */
  private long dueNanos(SpecificRecord event) {
    Instant at = occurredAt(event);
    if (at == null) {
      return startNanos;
    }
    return startNanos
        + TimeUnit.MILLISECONDS.toNanos(at.toEpochMilli() - startInstant.toEpochMilli());
  }

  /** The occurredAt of an input event; null for a RepProfile, which has none. */
  public static Instant occurredAt(SpecificRecord event) {
    return OCCURRED_AT.getOrDefault(event.getClass(), e -> null).apply(event);
  }

  /** The leadId of an input event; null for a RepProfile. */
  public static String leadId(SpecificRecord event) {
    return LEAD_ID.getOrDefault(event.getClass(), e -> null).apply(event);
  }

  private static final Map<Class<?>, Function<SpecificRecord, Instant>> OCCURRED_AT =
      Map.of(
          LeadCreated.class, e -> ((LeadCreated) e).getOccurredAt(),
          LeadStatusChanged.class, e -> ((LeadStatusChanged) e).getOccurredAt(),
          ContentEngaged.class, e -> ((ContentEngaged) e).getOccurredAt(),
          RepTouched.class, e -> ((RepTouched) e).getOccurredAt());

  private static final Map<Class<?>, Function<SpecificRecord, String>> LEAD_ID =
      Map.of(
          LeadCreated.class, e -> ((LeadCreated) e).getLeadId(),
          LeadStatusChanged.class, e -> ((LeadStatusChanged) e).getLeadId(),
          ContentEngaged.class, e -> ((ContentEngaged) e).getLeadId(),
          RepTouched.class, e -> ((RepTouched) e).getLeadId());
}
