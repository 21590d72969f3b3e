package io.followup.sla.history;

import static io.followup.sla.demo.LifeSciencesCast.CONTENT_SYNDICATION;
import static io.followup.sla.demo.LifeSciencesCast.PURCHASED_LIST;
import static io.followup.sla.demo.LifeSciencesCast.RFP_REQUEST;
import static io.followup.sla.demo.StoryEvents.status;
import static io.followup.sla.demo.StoryEvents.touch;

import io.followup.sla.demo.LifeSciencesCast;
import io.followup.sla.demo.LifeSciencesCast.Asset;
import io.followup.sla.demo.LifeSciencesCast.CompanyName;
import io.followup.sla.demo.LifeSciencesCast.Persona;
import io.followup.sla.demo.RepHabit;
import io.followup.sla.demo.StoryDice;
import io.followup.sla.events.ContentEngaged;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.RepProfile;
import io.followup.sla.history.HistoryCast.Person;
import io.followup.sla.history.HistoryCast.Site;
import io.followup.sla.replay.JsonLines;
import io.followup.sla.time.BusinessCalendar;
import io.followup.sla.time.HolidayCalendar;
import io.followup.sla.time.WorkingHours;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * A believable history of B2B life-science leads for {@code ./sla replay}: reps and managers first,
 * then every lead event of a period in time order, in real time (minutes, hours and days).
 *
 * <p>What the history holds:
 *
 * <ul>
 *   <li>Twenty reps in four teams with their managers, in US and European time zones, working
 *       MON-FRI 09:00-17:00; each rep has a {@link RepHabit} (prompt, steady, slow, ignores content
 *       syndication, one generic email and silence, solid but misses one lead in seven).
 *   <li>Leads arrive mostly in their company's working hours on weekdays; syndicated and bought
 *       lists also arrive in nightly imports. About three in four are assigned at creation, most of
 *       the rest within hours, a few never.
 *   <li>Companies have buying groups of five to nine people (about seven), who arrive over weeks;
 *       their leads share the {@code accountId} and carry a {@code buyingRole}.
 *   <li>Reps touch their leads in their own working hours as their habit says: personalised
 *       subjects, or generic ones ("Just checking in", "Following up", "Touching base", "Any
 *       update?"); prospects sometimes reply; leads engage with content after touches and the rep
 *       follows up (or not); statuses ACCEPTED, QUALIFIED, NURTURE, DISQUALIFIED and CONVERTED come
 *       later; managers take some neglected leads away from slow reps.
 * </ul>
 *
 * <p>All randomness comes from one generator seeded by {@link Settings#seed()}, so the same
 * settings always give the same history, event ids included. Events are produced as they are read:
 * a lead's future is planned when it arrives and waits in a queue, so memory holds the leads in
 * flight, not the year. Nothing after the end of the period is produced.
 */
public final class HistoryGenerator implements Iterable<SpecificRecord> {

  /**
   * What to generate: {@code leads} leads arriving from {@code from} to {@code to} (both days
   * included, UTC), with the reps off on the holidays of their region.
   */
  public record Settings(
      int leads, LocalDate from, LocalDate to, long seed, HolidayCalendar holidays) {

    public Settings {
      if (leads < 1) {
        throw new IllegalArgumentException("the number of leads must be at least 1, not " + leads);
      }
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (to.isBefore(from)) {
        throw new IllegalArgumentException(
            "the period ends (" + to + ") before it starts (" + from + ")");
      }
      holidays = holidays == null ? HolidayCalendar.NONE : holidays;
    }

    public Settings(int leads, LocalDate from, LocalDate to, long seed) {
      this(leads, from, to, seed, HolidayCalendar.NONE);
    }
  }

  /** A person of the history: a rep with a habit, or a manager (habit null). */
  public record Rep(RepProfile profile, RepHabit habit) {}

  /** What a history holds: records in all, leads, reps and managers, and records per type. */
  public record Summary(long records, long leads, long reps, Map<String, Long> byType) {}

  private static final long MINUTE = 60_000L;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;

  /** A working day of the reps' calendars, for delays given in working days. */
  private static final long WORKING_DAY = 8 * HOUR;

  /** A weekend day brings this share of a weekday's leads. */
  private static final double WEEKEND_WEIGHT = 0.15;

  private final Settings settings;

  public HistoryGenerator(Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public Settings settings() {
    return settings;
  }

  /** The managers, then the reps, as the history introduces them. */
  public List<Rep> reps() {
    List<Rep> reps = new ArrayList<>();
    HistoryCast.MANAGERS.forEach(p -> reps.add(new Rep(p.profile(), null)));
    HistoryCast.REPS.forEach(p -> reps.add(new Rep(p.profile(), p.habit())));
    return List.copyOf(reps);
  }

  /** The history from its beginning: each call tells it anew, identically. */
  @Override
  public Iterator<SpecificRecord> iterator() {
    return new Story();
  }

  public Stream<SpecificRecord> stream() {
    return StreamSupport.stream(spliterator(), false);
  }

  /** Writes the history as JSON Lines (the replay format), one record a line. */
  public Summary writeJsonLines(Writer out) throws IOException {
    long records = 0;
    long leads = 0;
    long reps = 0;
    Map<String, Long> byType = new TreeMap<>();
    for (SpecificRecord record : this) {
      out.write(JsonLines.write(record));
      out.write('\n');
      records++;
      if (record instanceof LeadCreated) {
        leads++;
      } else if (record instanceof RepProfile) {
        reps++;
      }
      byType.merge(record.getSchema().getName(), 1L, Long::sum);
    }
    out.flush();
    return new Summary(records, leads, reps, Collections.unmodifiableMap(byType));
  }

  /** Writes the history of {@code settings} to the file {@code out}, replacing it. */
  public static Summary writeJsonLines(Path out, Settings settings) throws IOException {
    try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      return new HistoryGenerator(settings).writeJsonLines(writer);
    }
  }

  private enum Assignment {
    AT_CREATION,
    LATER,
    NEVER
  }

  private static final class Account {
    final String accountId;
    final String name;
    final String focus;
    final Site site;
    final Person owner;
    final Deque<Contact> roster;

    Account(
        String accountId,
        String name,
        String focus,
        Site site,
        Person owner,
        Deque<Contact> roster) {
      this.accountId = accountId;
      this.name = name;
      this.focus = focus;
      this.site = site;
      this.owner = owner;
      this.roster = roster;
    }
  }

  private record Contact(String name, Persona persona) {}

  /** A lead that will arrive: drawn when its day is planned, numbered when it arrives. */
  private record Arrival(Account account, Contact contact, Site site, String source) {}

  private record Lead(
      String leadId, Account account, Contact contact, Site site, String source, String priority) {
    String accountId() {
      return account == null ? null : account.accountId;
    }
  }

  /** A queued event, or the arrival of a lead. */
  private record Planned(long atMs, long seq, SpecificRecordBase record, Arrival arrival) {}

  /** How a rep works one lead: drawn from their habit. */
  private record Plan(
      boolean ignored,
      long firstDelay,
      int touches,
      long minGap,
      long maxGap,
      double personalisedShare,
      double genericLater,
      long minReaction,
      long maxReaction,
      double reactionChance) {}

  /** One telling of the history. */
  private final class Story implements Iterator<SpecificRecord> {

    private final StoryDice dice = new StoryDice(settings.seed());
    private final long periodStartMs;
    private final long periodEndMs;
    private final LocalDate lastDay;
    private final double totalDayWeight;
    private final int openAccountTarget;
    private final PriorityQueue<Planned> queue =
        new PriorityQueue<>(
            Comparator.comparingLong(Planned::atMs).thenComparingLong(Planned::seq));
    private final Deque<SpecificRecord> profiles = new ArrayDeque<>();
    private final Map<String, BusinessCalendar> repCalendars = new HashMap<>();
    private final Map<ZoneId, BusinessCalendar> officeCalendars = new HashMap<>();
    private final Map<String, List<Person>> repsByRegion = new HashMap<>();
    private final Map<String, Integer> ownerRotation = new HashMap<>();
    private final List<Account> openAccounts = new ArrayList<>();
    private final List<CompanyName> companyNames;
    private final int siteWeightTotal;

    private LocalDate nextDay;
    private double expectedSoFar;
    private long plannedSoFar;
    private long seq;
    private long eventCounter;
    private int leadCounter;
    private int accountCounter;
    private SpecificRecord lookahead;
    private boolean finished;

    Story() {
      periodStartMs = settings.from().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      periodEndMs =
          settings.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      lastDay = settings.to();
      nextDay = settings.from();
      double total = 0;
      for (LocalDate d = settings.from(); !d.isAfter(lastDay); d = d.plusDays(1)) {
        total += dayWeight(d);
      }
      totalDayWeight = total;
      long days = ChronoUnit.DAYS.between(settings.from(), lastDay) + 1;
      // About four days of leads in open accounts: a buying group fills over a few weeks.
      openAccountTarget =
          (int) Math.max(3, Math.min(150, Math.round(4.0 * settings.leads() / days)));

      WorkingHours hours = WorkingHours.parse(LifeSciencesCast.WORKING_HOURS);
      for (Person manager : HistoryCast.MANAGERS) {
        profiles.add(manager.profile());
      }
      for (Person rep : HistoryCast.REPS) {
        profiles.add(rep.profile());
        repCalendars.put(
            rep.repId(),
            BusinessCalendar.of(
                ZoneId.of(rep.timeZone()), hours, settings.holidays().holidays(rep.region())));
        String leadRegion = rep.region().equals("DE") ? "EMEA" : "NA";
        repsByRegion.computeIfAbsent(leadRegion, r -> new ArrayList<>()).add(rep);
      }
      repsByRegion.values().forEach(dice::shuffle);

      companyNames = dice.companyNames(HistoryCast.NAME_STEMS);
      siteWeightTotal = HistoryCast.SITES.stream().mapToInt(Site::weight).sum();
    }

    @Override
    public boolean hasNext() {
      if (lookahead == null && !finished) {
        lookahead = advance();
        finished = lookahead == null;
      }
      return lookahead != null;
    }

    @Override
    public SpecificRecord next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      SpecificRecord record = lookahead;
      lookahead = null;
      return record;
    }

    private SpecificRecord advance() {
      if (!profiles.isEmpty()) {
        return profiles.poll();
      }
      planDaysDue();
      Planned next = queue.poll();
      if (next == null || next.atMs() >= periodEndMs) {
        // Every day is planned by now, so nothing earlier can follow.
        queue.clear();
        return null;
      }
      if (next.arrival() != null) {
        return arrive(next.atMs(), next.arrival());
      }
      next.record().put("eventId", nextEventId());
      return next.record();
    }

    /**
     * Plans arrival days until the queue's first entry is safe to hand out: the leads of a day
     * arrive no earlier than a day before it starts in UTC (its first hours in Europe).
     */
    private void planDaysDue() {
      while (nextDay != null
          && (queue.isEmpty() || startMs(nextDay) - DAY <= queue.peek().atMs())) {
        planDay(nextDay);
        nextDay = nextDay.isBefore(lastDay) ? nextDay.plusDays(1) : null;
      }
    }

    private void planDay(LocalDate day) {
      expectedSoFar += settings.leads() * dayWeight(day) / totalDayWeight;
      long count = Math.round(expectedSoFar) - plannedSoFar;
      if (day.equals(lastDay)) {
        count = settings.leads() - plannedSoFar;
      }
      plannedSoFar += count;
      for (long i = 0; i < count; i++) {
        Account account = dice.chance(0.06) ? null : pickAccount();
        Contact contact;
        Site site;
        if (account == null) {
          site = drawSite();
          contact = new Contact(dice.drawName(new HashSet<>()), HistoryCast.INDIVIDUAL);
        } else {
          site = account.site;
          contact = account.roster.removeFirst();
          if (account.roster.isEmpty()) {
            openAccounts.remove(account);
          }
        }
        String source = dice.drawSource();
        long at = arrivalTime(day, site.zone(), source);
        // A local day reaches into the UTC days around it; at the ends of the period, draw again.
        for (int tries = 0; (at < periodStartMs || at >= periodEndMs) && tries < 20; tries++) {
          at = arrivalTime(day, site.zone(), source);
        }
        at = Math.max(periodStartMs, Math.min(periodEndMs - 1, at));
        queue.add(new Planned(at, seq++, null, new Arrival(account, contact, site, source)));
      }
    }

    private long arrivalTime(LocalDate day, ZoneId zone, String source) {
      boolean list = source.equals(CONTENT_SYNDICATION) || source.equals(PURCHASED_LIST);
      if (list && dice.chance(0.6)) {
        // The nightly import of syndicated and bought lists.
        return startMs(day) + 5 * HOUR + dice.between(0, 10 * MINUTE);
      }
      boolean weekday = day.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue();
      long secondOfDay =
          weekday && dice.chance(0.85)
              ? dice.between(8 * 3600, 18 * 3600 - 1)
              : dice.between(0, 24 * 3600 - 1);
      return ZonedDateTime.of(day, LocalTime.ofSecondOfDay(secondOfDay), zone)
              .toInstant()
              .toEpochMilli()
          + dice.between(0, 999);
    }

    private SpecificRecord arrive(long atMs, Arrival arrival) {
      String leadId = String.format(Locale.ROOT, "L-%06d", ++leadCounter);
      Lead lead =
          new Lead(
              leadId,
              arrival.account(),
              arrival.contact(),
              arrival.site(),
              arrival.source(),
              dice.priorityFor(arrival.source()));
      Person owner =
          lead.account() != null && dice.chance(0.8)
              ? lead.account().owner
              : dice.pick(repsByRegion.get(lead.site().region()));
      Assignment assignment = drawAssignment(lead);

      LeadCreated created =
          LeadCreated.newBuilder()
              .setEventId(nextEventId())
              .setLeadId(leadId)
              .setOccurredAt(Instant.ofEpochMilli(atMs))
              .setAccountId(lead.accountId())
              .setSource(lead.source())
              .setPriority(lead.priority())
              .setOwnerRepId(assignment == Assignment.AT_CREATION ? owner.repId() : null)
              .setBuyingRole(lead.contact().persona().buyingRole())
              .setAccountName(lead.account() == null ? null : lead.account().name)
              .setContactName(lead.contact().name())
              .setContactTitle(lead.contact().persona().title())
              .setRegion(lead.site().region())
              .build();

      List<Planned> steps = new ArrayList<>();
      switch (assignment) {
        case AT_CREATION -> work(lead, owner, atMs, steps, true);
        case LATER -> {
          long assignedAt = salesOps(lead).deadline(instant(atMs), routingDelay()).toEpochMilli();
          assignedAt = Math.max(atMs + 1000, assignedAt + dice.between(0, 59_999));
          steps.add(
              planned(
                  assignedAt,
                  status(
                      lead.leadId(),
                      assignedAt,
                      "ASSIGNED",
                      owner.repId(),
                      dice.pick(LifeSciencesCast.ASSIGN_REASONS))));
          work(lead, owner, assignedAt, steps, true);
        }
        case NEVER -> {
          if (dice.chance(0.4)) {
            long at = atMs + dice.between(3 * DAY, 10 * DAY);
            steps.add(
                planned(
                    at,
                    status(
                        lead.leadId(),
                        at,
                        "NURTURE",
                        null,
                        "Recycled to nurture: never routed to sales")));
          }
        }
      }
      queue.addAll(steps);
      return created;
    }

    private Assignment drawAssignment(Lead lead) {
      double r = dice.nextDouble();
      // Hot leads are routed at once more often; nobody forgets an RFP entirely.
      double atCreation =
          lead.source().equals(RFP_REQUEST) || "HOT".equals(lead.priority()) ? 0.85 : 0.75;
      if (r < atCreation) {
        return Assignment.AT_CREATION;
      }
      if (r < 0.95 || lead.source().equals(RFP_REQUEST)) {
        return Assignment.LATER;
      }
      return Assignment.NEVER;
    }

    /** How long sales ops take to route a lead, in their working time. */
    private Duration routingDelay() {
      double r = dice.nextDouble();
      long ms =
          r < 0.6
              ? dice.between(10 * MINUTE, 2 * HOUR)
              : r < 0.9 ? dice.between(2 * HOUR, 8 * HOUR) : dice.between(8 * HOUR, 24 * HOUR);
      return Duration.ofMillis(ms);
    }

    /**
     * Plans what {@code rep} does with the lead from {@code ownerAt} on, according to their habit,
     * into {@code steps}: touches, replies, engagements and the rep's reactions, and statuses.
     */
    private void work(
        Lead lead, Person rep, long ownerAt, List<Planned> steps, boolean mayReassign) {
      BusinessCalendar calendar = repCalendars.get(rep.repId());
      Plan plan = plan(rep.habit(), lead);
      int firstStep = steps.size();

      if (plan.ignored()) {
        if (rep.habit() == RepHabit.IGNORES_SYNDICATION && dice.chance(0.35)) {
          long at = after(calendar, ownerAt, dice.between(10 * WORKING_DAY, 20 * WORKING_DAY));
          steps.add(
              planned(
                  at,
                  status(
                      lead.leadId(),
                      at,
                      "NURTURE",
                      rep.repId(),
                      "Recycled to nurture: no sales follow-up")));
        } else if (mayReassign && dice.chance(0.25)) {
          reassign(
              lead,
              rep,
              after(calendar, ownerAt, dice.between(3 * WORKING_DAY, 5 * WORKING_DAY)),
              steps);
        }
        return;
      }

      long first = after(calendar, ownerAt, plan.firstDelay());
      if (mayReassign
          && (rep.habit() == RepHabit.SLOW || plan.firstDelay() > 3 * WORKING_DAY)
          && dice.chance(0.15)) {
        long reassignAt = after(calendar, ownerAt, dice.between(3 * WORKING_DAY, 5 * WORKING_DAY));
        if (reassignAt < first) {
          reassign(lead, rep, reassignAt, steps);
          return;
        }
      }

      if (rep.habit() == RepHabit.ONE_AND_DONE) {
        if (dice.chance(0.25)) {
          long at = Math.max(ownerAt + 1000, first - dice.between(MINUTE, 30 * MINUTE));
          steps.add(planned(at, status(lead.leadId(), at, "ACCEPTED", rep.repId(), null)));
        }
        steps.add(
            planned(
                first,
                touch(
                    lead.leadId(),
                    rep.repId(),
                    first,
                    "EMAIL",
                    "OUTBOUND",
                    false,
                    dice.pick(HistoryCast.GENERIC_SUBJECTS))));
      } else {
        long at = first;
        for (int i = 0; i < plan.touches(); i++) {
          if (i > 0) {
            at = after(calendar, at, dice.between(plan.minGap(), plan.maxGap()));
          }
          String channel = i == 0 ? dice.drawFirstChannel() : dice.drawLaterChannel(i);
          boolean generic = i > 0 && dice.chance(plan.genericLater());
          boolean personalised = !generic && dice.chance(plan.personalisedShare());
          String subject =
              personalised
                  ? personalSubject(lead, channel)
                  : dice.pick(HistoryCast.GENERIC_SUBJECTS);
          // Some CRMs do not say whether a message was personalised.
          Boolean flag = dice.chance(0.06) ? null : personalised;
          steps.add(
              planned(
                  at, touch(lead.leadId(), rep.repId(), at, channel, "OUTBOUND", flag, subject)));
          if (personalised && channel.equals("EMAIL") && dice.chance(0.12)) {
            long replyAt = at + dice.between(HOUR, 36 * HOUR);
            steps.add(
                planned(
                    replyAt,
                    touch(
                        lead.leadId(),
                        rep.repId(),
                        replyAt,
                        "EMAIL",
                        "INBOUND",
                        null,
                        "Re: " + subject)));
          }
        }
        if (dice.chance(rep.habit() == RepHabit.SLOW ? 0.4 : 0.55)) {
          long acceptedAt = Math.max(ownerAt + 1000, first - dice.between(MINUTE, 20 * MINUTE));
          steps.add(
              planned(
                  acceptedAt, status(lead.leadId(), acceptedAt, "ACCEPTED", rep.repId(), null)));
        }
      }

      // Re-engagement: the prospect reads or watches something after being contacted.
      if (dice.chance(0.4)) {
        BusinessCalendar prospect = office(lead.site().zone());
        long engagedAt = after(prospect, first, dice.between(4 * HOUR, 80 * HOUR));
        engage(lead, rep, calendar, plan, engagedAt, steps);
        if (dice.chance(0.3)) {
          engage(
              lead,
              rep,
              calendar,
              plan,
              after(prospect, engagedAt, dice.between(16 * HOUR, 200 * HOUR)),
              steps);
        }
      }

      long lastActivity =
          steps.subList(firstStep, steps.size()).stream()
              .mapToLong(Planned::atMs)
              .max()
              .orElse(first);
      outcome(lead, rep, calendar, first, lastActivity, steps, firstStep);
    }

    private void engage(
        Lead lead,
        Person rep,
        BusinessCalendar calendar,
        Plan plan,
        long engagedAt,
        List<Planned> steps) {
      Asset asset = dice.pick(HistoryCast.ASSETS);
      steps.add(
          planned(
              engagedAt,
              ContentEngaged.newBuilder()
                  .setEventId("")
                  .setLeadId(lead.leadId())
                  .setOccurredAt(instant(engagedAt))
                  .setAccountId(lead.accountId())
                  .setAssetId(asset.assetId())
                  .setAssetType(asset.assetType())
                  .setIntentScore((int) dice.between(asset.minIntent(), asset.maxIntent()))
                  .setAssetTitle(asset.title())
                  .build()));
      if (plan.reactionChance() > 0 && dice.chance(plan.reactionChance())) {
        long at = after(calendar, engagedAt, dice.between(plan.minReaction(), plan.maxReaction()));
        String channel = dice.chance(0.6) ? "EMAIL" : "CALL";
        steps.add(
            planned(
                at,
                touch(
                    lead.leadId(),
                    rep.repId(),
                    at,
                    channel,
                    "OUTBOUND",
                    true,
                    LifeSciencesCast.withChannel(channel, "Your questions on " + asset.title()))));
      }
    }

    /** At {@code at}, the manager gives a neglected lead to a better rep of the team. */
    private void reassign(Lead lead, Person rep, long at, List<Planned> steps) {
      List<Person> candidates =
          HistoryCast.REPS.stream()
              .filter(r -> r.team().equals(rep.team()) && !r.repId().equals(rep.repId()))
              .filter(r -> r.habit() == RepHabit.PROMPT || r.habit() == RepHabit.STEADY)
              .toList();
      if (candidates.isEmpty()) {
        return;
      }
      Person next = dice.pick(candidates);
      steps.add(
          planned(
              at,
              status(
                  lead.leadId(),
                  at,
                  "ASSIGNED",
                  next.repId(),
                  dice.pick(HistoryCast.REASSIGN_REASONS))));
      work(lead, next, at, steps, false);
    }

    private void outcome(
        Lead lead,
        Person rep,
        BusinessCalendar calendar,
        long first,
        long lastActivity,
        List<Planned> steps,
        int firstStep) {
      double r = dice.nextDouble();
      String repId = rep.repId();
      long closedAt = Long.MAX_VALUE;
      if (r < 0.22) {
        long qualifiedAt =
            after(calendar, lastActivity, dice.between(WORKING_DAY, 8 * WORKING_DAY));
        steps.add(
            planned(
                qualifiedAt,
                status(
                    lead.leadId(),
                    qualifiedAt,
                    "QUALIFIED",
                    repId,
                    dice.pick(HistoryCast.QUALIFY_REASONS))));
        if (r < 0.08) {
          closedAt = after(calendar, qualifiedAt, dice.between(10 * WORKING_DAY, 45 * WORKING_DAY));
          steps.add(
              planned(
                  closedAt,
                  status(
                      lead.leadId(),
                      closedAt,
                      "CONVERTED",
                      repId,
                      dice.pick(LifeSciencesCast.CONVERT_REASONS))));
        }
      } else if (r < 0.36) {
        closedAt = after(calendar, first, dice.between(WORKING_DAY, 15 * WORKING_DAY));
        steps.add(
            planned(
                closedAt,
                status(
                    lead.leadId(),
                    closedAt,
                    "DISQUALIFIED",
                    repId,
                    dice.pick(LifeSciencesCast.DISQUALIFY_REASONS))));
      } else if (r < 0.52) {
        closedAt = after(calendar, first, dice.between(5 * WORKING_DAY, 30 * WORKING_DAY));
        steps.add(
            planned(
                closedAt,
                status(
                    lead.leadId(),
                    closedAt,
                    "NURTURE",
                    repId,
                    dice.pick(LifeSciencesCast.NURTURE_REASONS))));
      }
      if (closedAt != Long.MAX_VALUE) {
        // Nobody works a lead after it is closed out, and prospects drift away.
        long cut = closedAt;
        List<Planned> mine = steps.subList(firstStep, steps.size());
        mine.removeIf(p -> p.atMs() > cut);
      }
    }

    private Plan plan(RepHabit habit, Lead lead) {
      return switch (habit) {
        case PROMPT ->
            new Plan(
                false,
                logBetween(5 * MINUTE, 60 * MINUTE),
                (int) dice.between(4, 7),
                WORKING_DAY,
                3 * WORKING_DAY,
                0.95,
                0.03,
                15 * MINUTE,
                90 * MINUTE,
                0.95);
        case STEADY ->
            new Plan(
                false,
                logBetween(HOUR, 8 * HOUR),
                (int) dice.between(3, 5),
                2 * WORKING_DAY,
                4 * WORKING_DAY,
                0.85,
                0.1,
                2 * HOUR,
                8 * HOUR,
                0.8);
        case SLOW ->
            new Plan(
                false,
                dice.between(6 * HOUR, 28 * HOUR),
                (int) dice.between(1, 3),
                4 * WORKING_DAY,
                8 * WORKING_DAY,
                0.6,
                0.35,
                16 * HOUR,
                48 * HOUR,
                0.5);
        case IGNORES_SYNDICATION ->
            new Plan(
                lead.source().equals(CONTENT_SYNDICATION),
                logBetween(15 * MINUTE, 3 * HOUR),
                (int) dice.between(3, 5),
                WORKING_DAY,
                3 * WORKING_DAY,
                0.9,
                0.05,
                HOUR,
                4 * HOUR,
                0.9);
        case ONE_AND_DONE -> new Plan(false, dice.between(HOUR, 12 * HOUR), 1, 0, 0, 0, 1, 0, 0, 0);
        case SOLID_BUT_MISSES -> {
          if (dice.chance(1.0 / 7)) {
            // A miss: the lead slips through, found days later or never.
            yield new Plan(
                dice.chance(0.5),
                dice.between(24 * HOUR, 64 * HOUR),
                (int) dice.between(1, 2),
                2 * WORKING_DAY,
                4 * WORKING_DAY,
                0.8,
                0.3,
                HOUR,
                6 * HOUR,
                0.5);
          }
          yield new Plan(
              false,
              logBetween(30 * MINUTE, 4 * HOUR),
              (int) dice.between(3, 5),
              2 * WORKING_DAY,
              3 * WORKING_DAY,
              0.9,
              0.15,
              HOUR,
              6 * HOUR,
              0.8);
        }
      };
    }

    private Account pickAccount() {
      while (openAccounts.size() < openAccountTarget) {
        openAccounts.add(openAccount());
      }
      return dice.pick(openAccounts);
    }

    private Account openAccount() {
      int index = accountCounter++;
      CompanyName base = companyNames.get(index % companyNames.size());
      int round = index / companyNames.size();
      String name = LifeSciencesCast.affiliateName(base.name(), round, HistoryCast.AFFILIATES);
      Site site = drawSite();
      List<Person> owners = repsByRegion.get(site.region());
      int turn = ownerRotation.merge(site.region(), 1, Integer::sum) - 1;
      Person owner = owners.get(turn % owners.size());

      // A buying group of five to nine, about seven on average, in different roles.
      int size = (int) dice.between(5, 9);
      List<Persona> personas = new ArrayList<>(LifeSciencesCast.BUYING_GROUP);
      dice.shuffle(personas);
      Set<String> names = new HashSet<>();
      Deque<Contact> roster = new ArrayDeque<>();
      for (Persona persona : personas.subList(0, size)) {
        roster.add(new Contact(dice.drawName(names), persona));
      }
      return new Account(
          String.format(Locale.ROOT, "A-%05d", index + 1), name, base.focus(), site, owner, roster);
    }

    private Site drawSite() {
      long r = dice.between(0, siteWeightTotal - 1);
      for (Site site : HistoryCast.SITES) {
        r -= site.weight();
        if (r < 0) {
          return site;
        }
      }
      throw new IllegalStateException("site weights");
    }

    private String personalSubject(Lead lead, String channel) {
      String account = lead.account() == null ? "your lab" : lead.account().name;
      String focus = lead.account() == null ? "research" : lead.account().focus;
      return dice.personalSubject(lead.contact().persona(), account, focus, channel);
    }

    private BusinessCalendar salesOps(Lead lead) {
      return office(
          lead.site().region().equals("EMEA")
              ? ZoneId.of("Europe/Berlin")
              : ZoneId.of("America/New_York"));
    }

    /** Weekday office hours in a zone: when prospects read and sales ops route. */
    private BusinessCalendar office(ZoneId zone) {
      return officeCalendars.computeIfAbsent(
          zone, z -> BusinessCalendar.of(z, WorkingHours.parse("MON-FRI 08:00-18:00"), Set.of()));
    }

    /** {@code workingMs} of working time after {@code fromMs}, plus a few seconds. */
    private long after(BusinessCalendar calendar, long fromMs, long workingMs) {
      long at = calendar.deadline(instant(fromMs), Duration.ofMillis(workingMs)).toEpochMilli();
      return Math.max(fromMs + 1000, at + dice.between(0, 59_999));
    }

    private Planned planned(long atMs, SpecificRecordBase record) {
      return new Planned(atMs, seq++, record, null);
    }

    private String nextEventId() {
      return "ev-" + settings.seed() + "-" + (++eventCounter);
    }

    private double dayWeight(LocalDate day) {
      DayOfWeek dow = day.getDayOfWeek();
      return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? WEEKEND_WEIGHT : 1.0;
    }

    private long startMs(LocalDate day) {
      return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /**
     * Between lo and hi, short delays as likely as long ones on a log scale, as reply times are.
     */
    private long logBetween(long lo, long hi) {
      return Math.round(Math.exp(Math.log(lo) + dice.nextDouble() * (Math.log(hi) - Math.log(lo))));
    }
  }

  private static Instant instant(long epochMs) {
    return Instant.ofEpochMilli(epochMs);
  }
}
