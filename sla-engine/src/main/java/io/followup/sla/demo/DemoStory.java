package io.followup.sla.demo;

import io.followup.sla.demo.DemoCast.Asset;
import io.followup.sla.demo.DemoCast.Company;
import io.followup.sla.demo.DemoCast.Persona;
import io.followup.sla.demo.DemoCast.Rep;
import io.followup.sla.events.ContentEngaged;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.LeadStatusChanged;
import io.followup.sla.events.RepTouched;
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
import java.util.SplittableRandom;
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

  static final String INBOUND_FORM = "INBOUND_FORM";
  static final String RFP_REQUEST = "RFP_REQUEST";
  static final String CONTENT_SYNDICATION = "CONTENT_SYNDICATION";
  static final String TRADE_SHOW = "TRADE_SHOW";
  static final String WEBINAR = "WEBINAR";
  static final String PURCHASED_LIST = "PURCHASED_LIST";
  static final String REFERRAL = "REFERRAL";

  private static final String[] SOURCES = {
    INBOUND_FORM, RFP_REQUEST, CONTENT_SYNDICATION, TRADE_SHOW, WEBINAR, PURCHASED_LIST, REFERRAL
  };

  /** Content syndication is the bulk of a life-science funnel; RFPs are rare and precious. */
  private static final int[] SOURCE_WEIGHTS = {20, 4, 28, 14, 16, 10, 8};

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

  private final SplittableRandom random;
  private final long startMs;
  private final long minGapMs;
  private final long maxGapMs;
  private final String eventIdPrefix;
  private final PriorityQueue<Planned> queue =
      new PriorityQueue<>(Comparator.comparingLong(Planned::atMs).thenComparingLong(Planned::seq));
  private final List<Account> openAccounts = new ArrayList<>();
  private final List<Rep> accountOwnerRotation;
  private List<Company> laterNames;
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
    this.random = new SplittableRandom(seed);
    this.startMs = start.toEpochMilli();
    this.minGapMs = minLeadGap.toMillis();
    this.maxGapMs = maxLeadGap.toMillis();
    // The start second makes event ids of two demo runs differ: the engine drops an event
    // whose id it has seen, and a restarted demo on the same data would otherwise be ignored.
    this.eventIdPrefix = "demo-" + Long.toString(Math.floorDiv(startMs, 1000L), 36) + "-";
    List<Rep> rotation = new ArrayList<>(DemoCast.REPS);
    shuffle(rotation);
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
    String source = opening != null ? opening.source() : drawSource();
    Lead lead =
        new Lead("L-" + (firstLeadNumber + n), account, person, source, priorityFor(source));

    Rep owner;
    if (opening != null) {
      owner = opening.ownerRepId() == null ? null : rep(opening.ownerRepId());
    } else {
      owner = chance(0.8) ? account.owner : pick(DemoCast.REPS);
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
        long assignedAt = atMs + between(5_000, 40_000);
        plan(
            assignedAt,
            status(lead, assignedAt, "ASSIGNED", owner.repId(), pick(DemoCast.ASSIGN_REASONS)));
        work(lead, owner, assignedAt);
      }
      case NEVER -> {
        if (chance(0.35)) {
          long at = atMs + between(150_000, 240_000);
          plan(at, status(lead, at, "NURTURE", null, "Recycled to nurture: never routed to sales"));
        }
      }
    }
    queue.add(new Planned(atMs + between(minGapMs, maxGapMs), seq++, null));
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
        first = ownerAt + between(3_000, 10_000);
        touches = between(3, 6);
        minGap = 8_000;
        maxGap = 25_000;
      }
      case STEADY -> {
        first = ownerAt + between(8_000, 25_000);
        touches = between(3, 5);
        minGap = 15_000;
        maxGap = 40_000;
      }
      case SLOW -> {
        first = ownerAt + between(50_000, 90_000);
        touches = between(1, 3);
        minGap = 40_000;
        maxGap = 90_000;
        personalisedShare = 0.7;
      }
      case IGNORES_SYNDICATION -> {
        ignored = lead.source().equals(CONTENT_SYNDICATION);
        first = ownerAt + between(3_000, 12_000);
        touches = between(2, 4);
        minGap = 10_000;
        maxGap = 30_000;
      }
      case ONE_AND_DONE -> {
        first = ownerAt + between(5_000, 20_000);
        touches = 1;
        minGap = 0;
        maxGap = 0;
      }
      case SOLID_BUT_MISSES -> {
        if (chance(1.0 / 7)) {
          // A miss: the lead slips through, found late or never.
          ignored = chance(0.5);
          first = ownerAt + between(70_000, 150_000);
          touches = between(1, 2);
        } else {
          first = ownerAt + between(6_000, 20_000);
          touches = between(3, 5);
        }
        minGap = 10_000;
        maxGap = 35_000;
        genericLater = 0.1;
      }
      default -> throw new IllegalStateException("unknown habit " + rep.habit());
    }

    if (ignored) {
      if (rep.habit() == RepHabit.IGNORES_SYNDICATION && chance(0.35)) {
        long at = ownerAt + between(150_000, 240_000);
        plan(
            at,
            status(lead, at, "NURTURE", rep.repId(), "Recycled to nurture: no sales follow-up"));
      }
      return;
    }

    if (rep.habit() == RepHabit.ONE_AND_DONE) {
      if (chance(0.25)) {
        long at = ownerAt + between(1_000, 4_000);
        steps.add(planned(at, status(lead, at, "ACCEPTED", rep.repId(), null)));
      }
      steps.add(
          planned(
              first,
              touch(
                  lead, rep, first, "EMAIL", "OUTBOUND", false, pick(DemoCast.GENERIC_SUBJECTS))));
    } else {
      long at = first;
      for (int i = 0; i < touches; i++) {
        if (i > 0) {
          at += between(minGap, maxGap);
        }
        String channel = i == 0 ? drawFirstChannel() : drawLaterChannel(i);
        boolean generic = i > 0 && chance(genericLater);
        boolean personalised = !generic && chance(personalisedShare);
        String subject =
            personalised ? personalSubject(lead, channel) : pick(DemoCast.GENERIC_SUBJECTS);
        steps.add(planned(at, touch(lead, rep, at, channel, "OUTBOUND", personalised, subject)));
        if (personalised && channel.equals("EMAIL") && chance(0.1)) {
          long replyAt = at + between(5_000, 40_000);
          steps.add(
              planned(
                  replyAt, touch(lead, rep, replyAt, "EMAIL", "INBOUND", null, "Re: " + subject)));
        }
      }
      if (chance(rep.habit() == RepHabit.SLOW ? 0.4 : 0.45)) {
        long acceptedAt = first + between(1_000, 6_000);
        steps.add(planned(acceptedAt, status(lead, acceptedAt, "ACCEPTED", rep.repId(), null)));
      }
    }

    if (chance(0.35)) {
      long engagedAt = first + between(10_000, 60_000);
      Asset asset = pick(DemoCast.ASSETS);
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
                  .setIntentScore(between(asset.minIntent(), asset.maxIntent()))
                  .setAssetTitle(asset.title())
                  .build()));
      long reaction =
          switch (rep.habit()) {
            case PROMPT, IGNORES_SYNDICATION -> between(4_000, 15_000);
            case STEADY -> between(8_000, 25_000);
            case SLOW -> between(50_000, 90_000);
            case SOLID_BUT_MISSES -> chance(0.8) ? between(6_000, 20_000) : -1;
            case ONE_AND_DONE -> -1;
          };
      if (reaction > 0) {
        long at = engagedAt + reaction;
        String channel = chance(0.6) ? "EMAIL" : "CALL";
        String topic = "Your questions on " + asset.title();
        steps.add(
            planned(
                at, touch(lead, rep, at, channel, "OUTBOUND", true, withChannel(channel, topic))));
      }
    }

    double outcome = random.nextDouble();
    if (outcome < 0.24) {
      long at = first + between(40_000, 180_000);
      String status;
      String reason;
      if (outcome < 0.07) {
        status = "CONVERTED";
        reason = pick(DemoCast.CONVERT_REASONS);
      } else if (outcome < 0.16) {
        status = "DISQUALIFIED";
        reason = pick(DemoCast.DISQUALIFY_REASONS);
      } else {
        status = "NURTURE";
        reason = pick(DemoCast.NURTURE_REASONS);
      }
      // Nobody works a lead after it is closed out.
      steps.removeIf(p -> p.atMs() >= at);
      steps.add(planned(at, status(lead, at, status, rep.repId(), reason)));
    }
    steps.forEach(queue::add);
  }

  private Account pickAccount() {
    while (openAccounts.size() < OPEN_ACCOUNTS) {
      openAccounts.add(openAccount());
    }
    return pick(openAccounts);
  }

  private Account openAccount() {
    int index = accountCounter++;
    Company company =
        index < DemoCast.COMPANIES.size() ? DemoCast.COMPANIES.get(index) : laterCompany();
    Rep owner = accountOwnerRotation.get(index % accountOwnerRotation.size());

    // A buying group of five to nine, about seven on average, in different roles.
    int size = between(5, 9);
    List<Persona> personas = new ArrayList<>(DemoCast.PERSONAS);
    shuffle(personas);
    Set<String> names = new HashSet<>();
    Deque<Person> roster = new ArrayDeque<>();
    for (Persona persona : personas.subList(0, size)) {
      String name;
      do {
        name = pick(DemoCast.FIRST_NAMES) + " " + pick(DemoCast.LAST_NAMES);
      } while (!names.add(name));
      roster.add(new Person(name, persona));
    }
    return new Account(String.format(Locale.ROOT, "A-%03d", index + 1), company, owner, roster);
  }

  private Company laterCompany() {
    if (laterNames == null) {
      List<Company> names = new ArrayList<>();
      for (String stem : DemoCast.NAME_STEMS) {
        for (DemoCast.Focus focus : DemoCast.NAME_SUFFIXES) {
          names.add(new Company(stem + " " + focus.suffix(), focus.focus(), null));
        }
      }
      shuffle(names);
      laterNames = List.copyOf(names);
    }
    int i = laterCompanyIndex++;
    int round = i / laterNames.size();
    Company base = laterNames.get(i % laterNames.size());
    // Only a story of many hours gets here twice; an affiliate keeps each name unique.
    String name =
        round == 0
            ? base.name()
            : base.name()
                + " "
                + (round <= DemoCast.AFFILIATES.size()
                    ? DemoCast.AFFILIATES.get(round - 1)
                    : "Unit " + round);
    return new Company(name, base.focus(), chance(0.6) ? "NA" : "EMEA");
  }

  private String personalSubject(Lead lead, String channel) {
    String topic =
        pick(lead.person().persona().topics())
            .replace("{account}", lead.account().company.name())
            .replace("{focus}", lead.account().company.focus());
    return withChannel(channel, topic);
  }

  private static String withChannel(String channel, String topic) {
    return switch (channel) {
      case "CALL" -> "Call: " + topic;
      case "VOICEMAIL" -> "Voicemail: " + topic;
      case "LINKEDIN" -> "LinkedIn note: " + topic;
      case "MEETING" -> "Meeting: " + topic;
      case "SMS" -> "Text: " + topic;
      default -> topic;
    };
  }

  private String drawFirstChannel() {
    double r = random.nextDouble();
    return r < 0.6 ? "EMAIL" : r < 0.85 ? "CALL" : "LINKEDIN";
  }

  private String drawLaterChannel(int touchIndex) {
    double r = random.nextDouble();
    if (r < 0.45) {
      return "EMAIL";
    } else if (r < 0.70) {
      return "CALL";
    } else if (r < 0.82) {
      return "VOICEMAIL";
    } else if (r < 0.94) {
      return "LINKEDIN";
    } else if (r < 0.98) {
      return touchIndex >= 2 ? "MEETING" : "CALL";
    }
    return "SMS";
  }

  private String drawSource() {
    int total = 0;
    for (int w : SOURCE_WEIGHTS) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < SOURCES.length; i++) {
      r -= SOURCE_WEIGHTS[i];
      if (r < 0) {
        return SOURCES[i];
      }
    }
    throw new IllegalStateException("source weights");
  }

  private Assignment drawAssignment() {
    double r = random.nextDouble();
    return r < 0.78 ? Assignment.AT_CREATION : r < 0.95 ? Assignment.LATER : Assignment.NEVER;
  }

  private String priorityFor(String source) {
    return switch (source) {
      case RFP_REQUEST, REFERRAL -> "HOT";
      case INBOUND_FORM -> chance(0.3) ? "HOT" : "WARM";
      case TRADE_SHOW -> "WARM";
      case WEBINAR -> chance(0.6) ? "WARM" : "COLD";
      case PURCHASED_LIST -> chance(0.5) ? null : "COLD";
      default -> "COLD";
    };
  }

  private static Rep rep(String repId) {
    return DemoCast.REPS.stream()
        .filter(r -> r.repId().equals(repId))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no demo rep " + repId));
  }

  private static LeadStatusChanged status(
      Lead lead, long atMs, String status, String ownerRepId, String reason) {
    return LeadStatusChanged.newBuilder()
        .setEventId("")
        .setLeadId(lead.leadId())
        .setOccurredAt(Instant.ofEpochMilli(atMs))
        .setStatus(status)
        .setOwnerRepId(ownerRepId)
        .setReason(reason)
        .build();
  }

  private static RepTouched touch(
      Lead lead,
      Rep rep,
      long atMs,
      String channel,
      String direction,
      Boolean personalised,
      String subject) {
    return RepTouched.newBuilder()
        .setEventId("")
        .setLeadId(lead.leadId())
        .setOccurredAt(Instant.ofEpochMilli(atMs))
        .setRepId(rep.repId())
        .setChannel(channel)
        .setDirection(direction)
        .setPersonalized(personalised)
        .setSubject(subject)
        .build();
  }

  private void plan(long atMs, SpecificRecordBase record) {
    queue.add(planned(atMs, record));
  }

  private Planned planned(long atMs, SpecificRecordBase record) {
    return new Planned(atMs, seq++, record);
  }

  private boolean chance(double p) {
    return random.nextDouble() < p;
  }

  private long between(long lo, long hi) {
    return hi <= lo ? lo : lo + random.nextLong(hi - lo + 1);
  }

  private int between(int lo, int hi) {
    return hi <= lo ? lo : lo + random.nextInt(hi - lo + 1);
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private <T> void shuffle(List<T> list) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }
}
