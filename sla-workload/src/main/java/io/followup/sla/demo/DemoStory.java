package io.followup.sla.demo;

import static io.followup.sla.demo.LifeSciencesCast.CONTENT_SYNDICATION;
import static io.followup.sla.demo.LifeSciencesCast.INBOUND_FORM;
import static io.followup.sla.demo.LifeSciencesCast.RFP_REQUEST;
import static io.followup.sla.demo.LifeSciencesCast.TRADE_SHOW;
import static io.followup.sla.demo.LifeSciencesCast.WEBINAR;
import static io.followup.sla.demo.StoryEvents.status;
import static io.followup.sla.demo.StoryEvents.touch;

import io.followup.sla.demo.DemoCast.Company;
import io.followup.sla.demo.DemoCast.Rep;
import io.followup.sla.demo.LifeSciencesCast.Asset;
import io.followup.sla.demo.LifeSciencesCast.CompanyName;
import io.followup.sla.demo.LifeSciencesCast.Persona;
import io.followup.sla.events.ContentEngaged;
import io.followup.sla.events.LeadCreated;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The demo's story, told in time order and on demand. A lead's whole future (touches, status
 * changes, engagements) is planned when the lead arrives and waits in a queue until the story is
 * advanced past its time. All randomness comes from one seeded generator consumed in story order,
 * so a seed and a start instant always tell the same story, however it is advanced: in one call for
 * a script, or second by second for a live demo.
 */
final class DemoStory {

  static final int OPEN_ACCOUNTS = 12;
  static final int FIRST_LEAD_NUMBER = 1001;

  private enum Assignment {
    AT_CREATION,
    LATER,
    NEVER
  }

  private record Opening(String source, String ownerRepId, Assignment assignment) {}

  /**
   * The first leads are cast rather than drawn, so that the first minute always shows the engine at
   * work: a hot RFP for the slow rep (first-touch breach at about 20 s), a syndication lead for the
   * rep who ignores them, a lead handled in time, one nobody ever takes, and one that gets a single
   * generic email.
   */
  private static final List<Opening> OPENING =
      List.of(
          new Opening(RFP_REQUEST, "R-DANA", Assignment.AT_CREATION),
          new Opening(CONTENT_SYNDICATION, "R-LUKAS", Assignment.AT_CREATION),
          new Opening(INBOUND_FORM, "R-SAM", Assignment.AT_CREATION),
          new Opening(TRADE_SHOW, null, Assignment.NEVER),
          new Opening(WEBINAR, "R-KEVIN", Assignment.AT_CREATION));

  private record Person(String name, Persona persona) {}

  private static final class Account {
    final String accountId;
    final Company company;
    final Rep owner;
    final Deque<Person> roster;

    Account(String accountId, Company company, Rep owner, Deque<Person> roster) {
      this.accountId = accountId;
      this.company = company;
      this.owner = owner;
      this.roster = roster;
    }
  }

  private record Lead(
      String leadId, Account account, Person person, String source, String priority) {}

  /** A queued event, or (record == null) the arrival of the next lead. */
  private record Planned(long atMs, long seq, SpecificRecordBase record) {}

  private final StoryDice dice;
  private final long startMs;
  private final long minGapMs;
  private final long maxGapMs;
  private final String eventIdPrefix;
  private final PriorityQueue<Planned> queue =
      new PriorityQueue<>(Comparator.comparingLong(Planned::atMs).thenComparingLong(Planned::seq));
  private final List<Account> openAccounts = new ArrayList<>();
  private final List<Rep> accountOwnerRotation;
  private List<CompanyName> laterNames;
  private int laterCompanyIndex;
  private long seq;
  private long eventCounter;
  private int leadCounter;
  private int accountCounter;
  private boolean repsTold;
  private final int firstLeadNumber;

  DemoStory(
      long seed, Instant start, Duration minLeadGap, Duration maxLeadGap, int firstLeadNumber) {
    this.firstLeadNumber = firstLeadNumber;
    this.dice = new StoryDice(seed);
    this.startMs = start.toEpochMilli();
    this.minGapMs = minLeadGap.toMillis();
    this.maxGapMs = maxLeadGap.toMillis();
    // The start second makes event ids of two demo runs differ: the engine drops an event
    // whose id it has seen, and a restarted demo on the same data would otherwise be ignored.
    this.eventIdPrefix = "demo-" + Long.toString(Math.floorDiv(startMs, 1000L), 36) + "-";
    List<Rep> rotation = new ArrayList<>(DemoCast.REPS);
    dice.shuffle(rotation);
    this.accountOwnerRotation = List.copyOf(rotation);
    queue.add(new Planned(startMs + minGapMs, seq++, null));
  }

  /**
   * Everything that happens before {@code until}, in order; the rep profiles come first, on the
   * first call. Events not yet due stay planned for a later call.
   */
  List<SpecificRecord> advanceTo(Instant until) {
    List<SpecificRecord> out = new ArrayList<>();
    if (!repsTold) {
      repsTold = true;
      DemoCast.MANAGERS.forEach(r -> out.add(r.profile()));
      DemoCast.REPS.forEach(r -> out.add(r.profile()));
    }
    long untilMs = until.toEpochMilli();
    while (!queue.isEmpty() && queue.peek().atMs() < untilMs) {
      Planned next = queue.poll();
      if (next.record() == null) {
        arrive(next.atMs());
      } else {
        next.record().put("eventId", eventIdPrefix + (++eventCounter));
        out.add(next.record());
      }
    }
    return out;
  }

  private void arrive(long atMs) {
    int n = leadCounter++;
    Opening opening = n < OPENING.size() ? OPENING.get(n) : null;
    Account account = pickAccount();
    Person person = account.roster.removeFirst();
    if (account.roster.isEmpty()) {
      openAccounts.remove(account);
    }
    String source = opening != null ? opening.source() : dice.drawSource();
    Lead lead =
        new Lead("L-" + (firstLeadNumber + n), account, person, source, dice.priorityFor(source));

    Rep owner;
    if (opening != null) {
      owner = opening.ownerRepId() == null ? null : rep(opening.ownerRepId());
    } else {
      owner = dice.chance(0.8) ? account.owner : dice.pick(DemoCast.REPS);
    }
    Assignment assignment = opening != null ? opening.assignment() : drawAssignment();

    plan(
        atMs,
        LeadCreated.newBuilder()
            .setEventId("")
            .setLeadId(lead.leadId())
            .setOccurredAt(Instant.ofEpochMilli(atMs))
            .setAccountId(account.accountId)
            .setSource(source)
            .setPriority(lead.priority())
            .setOwnerRepId(assignment == Assignment.AT_CREATION ? owner.repId() : null)
            .setBuyingRole(person.persona().buyingRole())
            .setAccountName(account.company.name())
            .setContactName(person.name())
            .setContactTitle(person.persona().title())
            .setRegion(account.company.region())
            .build());

    switch (assignment) {
      case AT_CREATION -> work(lead, owner, atMs);
      case LATER -> {
        long assignedAt = atMs + dice.betweenInt(5_000, 40_000);
        plan(
            assignedAt,
            status(
                lead.leadId(),
                assignedAt,
                "ASSIGNED",
                owner.repId(),
                dice.pick(LifeSciencesCast.ASSIGN_REASONS)));
        work(lead, owner, assignedAt);
      }
      case NEVER -> {
        if (dice.chance(0.35)) {
          long at = atMs + dice.betweenInt(150_000, 240_000);
          plan(
              at,
              status(
                  lead.leadId(),
                  at,
                  "NURTURE",
                  null,
                  "Recycled to nurture: never routed to sales"));
        }
      }
    }
    queue.add(new Planned(atMs + dice.between(minGapMs, maxGapMs), seq++, null));
  }

  /** Plans what the owner does with the lead from {@code ownerAt} on, according to their habit. */
  private void work(Lead lead, Rep rep, long ownerAt) {
    List<Planned> steps = new ArrayList<>();
    boolean ignored = false;
    long first;
    int touches;
    long minGap;
    long maxGap;
    double genericLater = 0;
    double personalisedShare = 1.0;
    switch (rep.habit()) {
      case PROMPT -> {
        first = ownerAt + dice.betweenInt(3_000, 10_000);
        touches = dice.betweenInt(3, 6);
        minGap = 8_000;
        maxGap = 25_000;
      }
      case STEADY -> {
        first = ownerAt + dice.betweenInt(8_000, 25_000);
        touches = dice.betweenInt(3, 5);
        minGap = 15_000;
        maxGap = 40_000;
      }
      case SLOW -> {
        first = ownerAt + dice.betweenInt(50_000, 90_000);
        touches = dice.betweenInt(1, 3);
        minGap = 40_000;
        maxGap = 90_000;
        personalisedShare = 0.7;
      }
      case IGNORES_SYNDICATION -> {
        ignored = lead.source().equals(CONTENT_SYNDICATION);
        first = ownerAt + dice.betweenInt(3_000, 12_000);
        touches = dice.betweenInt(2, 4);
        minGap = 10_000;
        maxGap = 30_000;
      }
      case ONE_AND_DONE -> {
        first = ownerAt + dice.betweenInt(5_000, 20_000);
        touches = 1;
        minGap = 0;
        maxGap = 0;
      }
      case SOLID_BUT_MISSES -> {
        if (dice.chance(1.0 / 7)) {
          // A miss: the lead slips through, found late or never.
          ignored = dice.chance(0.5);
          first = ownerAt + dice.betweenInt(70_000, 150_000);
          touches = dice.betweenInt(1, 2);
        } else {
          first = ownerAt + dice.betweenInt(6_000, 20_000);
          touches = dice.betweenInt(3, 5);
        }
        minGap = 10_000;
        maxGap = 35_000;
        genericLater = 0.1;
      }
      default -> throw new IllegalStateException("unknown habit " + rep.habit());
    }

    if (ignored) {
      if (rep.habit() == RepHabit.IGNORES_SYNDICATION && dice.chance(0.35)) {
        long at = ownerAt + dice.betweenInt(150_000, 240_000);
        plan(
            at,
            status(
                lead.leadId(),
                at,
                "NURTURE",
                rep.repId(),
                "Recycled to nurture: no sales follow-up"));
      }
      return;
    }

    if (rep.habit() == RepHabit.ONE_AND_DONE) {
      if (dice.chance(0.25)) {
        long at = ownerAt + dice.betweenInt(1_000, 4_000);
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
                  dice.pick(DemoCast.GENERIC_SUBJECTS))));
    } else {
      long at = first;
      for (int i = 0; i < touches; i++) {
        if (i > 0) {
          at += dice.between(minGap, maxGap);
        }
        String channel = i == 0 ? dice.drawFirstChannel() : dice.drawLaterChannel(i);
        boolean generic = i > 0 && dice.chance(genericLater);
        boolean personalised = !generic && dice.chance(personalisedShare);
        String subject =
            personalised ? personalSubject(lead, channel) : dice.pick(DemoCast.GENERIC_SUBJECTS);
        steps.add(
            planned(
                at,
                touch(lead.leadId(), rep.repId(), at, channel, "OUTBOUND", personalised, subject)));
        if (personalised && channel.equals("EMAIL") && dice.chance(0.1)) {
          long replyAt = at + dice.betweenInt(5_000, 40_000);
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
      if (dice.chance(rep.habit() == RepHabit.SLOW ? 0.4 : 0.45)) {
        long acceptedAt = first + dice.betweenInt(1_000, 6_000);
        steps.add(
            planned(acceptedAt, status(lead.leadId(), acceptedAt, "ACCEPTED", rep.repId(), null)));
      }
    }

    if (dice.chance(0.35)) {
      long engagedAt = first + dice.betweenInt(10_000, 60_000);
      Asset asset = dice.pick(LifeSciencesCast.CONTENT);
      steps.add(
          planned(
              engagedAt,
              ContentEngaged.newBuilder()
                  .setEventId("")
                  .setLeadId(lead.leadId())
                  .setOccurredAt(Instant.ofEpochMilli(engagedAt))
                  .setAccountId(lead.account().accountId)
                  .setAssetId(asset.assetId())
                  .setAssetType(asset.assetType())
                  .setIntentScore(dice.betweenInt(asset.minIntent(), asset.maxIntent()))
                  .setAssetTitle(asset.title())
                  .build()));
      long reaction =
          switch (rep.habit()) {
            case PROMPT, IGNORES_SYNDICATION -> dice.betweenInt(4_000, 15_000);
            case STEADY -> dice.betweenInt(8_000, 25_000);
            case SLOW -> dice.betweenInt(50_000, 90_000);
            case SOLID_BUT_MISSES -> dice.chance(0.8) ? dice.betweenInt(6_000, 20_000) : -1;
            case ONE_AND_DONE -> -1;
          };
      if (reaction > 0) {
        long at = engagedAt + reaction;
        String channel = dice.chance(0.6) ? "EMAIL" : "CALL";
        String topic = "Your questions on " + asset.title();
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
                    LifeSciencesCast.withChannel(channel, topic))));
      }
    }

    double outcome = dice.nextDouble();
    if (outcome < 0.24) {
      long at = first + dice.betweenInt(40_000, 180_000);
      String status;
      String reason;
      if (outcome < 0.07) {
        status = "CONVERTED";
        reason = dice.pick(LifeSciencesCast.CONVERT_REASONS);
      } else if (outcome < 0.16) {
        status = "DISQUALIFIED";
        reason = dice.pick(LifeSciencesCast.DISQUALIFY_REASONS);
      } else {
        status = "NURTURE";
        reason = dice.pick(LifeSciencesCast.NURTURE_REASONS);
      }
      // Nobody works a lead after it is closed out.
      steps.removeIf(p -> p.atMs() >= at);
      steps.add(planned(at, status(lead.leadId(), at, status, rep.repId(), reason)));
    }
    steps.forEach(queue::add);
  }

  private Account pickAccount() {
    while (openAccounts.size() < OPEN_ACCOUNTS) {
      openAccounts.add(openAccount());
    }
    return dice.pick(openAccounts);
  }

  private Account openAccount() {
    int index = accountCounter++;
    Company company =
        index < DemoCast.COMPANIES.size() ? DemoCast.COMPANIES.get(index) : laterCompany();
    Rep owner = accountOwnerRotation.get(index % accountOwnerRotation.size());

    // A buying group of five to nine, about seven on average, in different roles.
    int size = dice.betweenInt(5, 9);
    List<Persona> personas = new ArrayList<>(DemoCast.PERSONAS);
    dice.shuffle(personas);
    Set<String> names = new HashSet<>();
    Deque<Person> roster = new ArrayDeque<>();
    for (Persona persona : personas.subList(0, size)) {
      roster.add(new Person(dice.drawName(names), persona));
    }
    return new Account(String.format(Locale.ROOT, "A-%03d", index + 1), company, owner, roster);
  }

  private Company laterCompany() {
    if (laterNames == null) {
      laterNames = List.copyOf(dice.companyNames(DemoCast.NAME_STEMS));
    }
    int i = laterCompanyIndex++;
    int round = i / laterNames.size();
    CompanyName base = laterNames.get(i % laterNames.size());
    // Only a story of many hours gets here twice.
    String name = LifeSciencesCast.affiliateName(base.name(), round, DemoCast.AFFILIATES);
    return new Company(name, base.focus(), dice.chance(0.6) ? "NA" : "EMEA");
  }

  private String personalSubject(Lead lead, String channel) {
    Company company = lead.account().company;
    return dice.personalSubject(lead.person().persona(), company.name(), company.focus(), channel);
  }

  private Assignment drawAssignment() {
    double r = dice.nextDouble();
    return r < 0.78 ? Assignment.AT_CREATION : r < 0.95 ? Assignment.LATER : Assignment.NEVER;
  }

  private static Rep rep(String repId) {
    return DemoCast.REPS.stream()
        .filter(r -> r.repId().equals(repId))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no demo rep " + repId));
  }

  private void plan(long atMs, SpecificRecordBase record) {
    queue.add(planned(atMs, record));
  }

  private Planned planned(long atMs, SpecificRecordBase record) {
    return new Planned(atMs, seq++, record);
  }
}
