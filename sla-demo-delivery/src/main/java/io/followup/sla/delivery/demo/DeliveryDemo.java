package io.followup.sla.delivery.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.followup.sla.cli.DemoExtension;
import io.followup.sla.demo.DemoWorkload;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.time.WorkingHours;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./sla demo} delivers its alerts to people: a Kafka Connect worker in the demo's JVM runs
 * the alert-delivery plugin (loaded from its plugin directory, as on a real installation) against
 * the demo's broker, email goes to a local SMTP catcher and Slack and Teams posts to a local
 * receiver, and each delivery that arrives is printed as one line. Digests, quiet hours and
 * reminders are shortened like the demo's SLAs.
 */
public final class DeliveryDemo implements DemoExtension {

  /** Where the alert-delivery plugin directory is, when not beside this module's jar. */
  public static final String PLUGIN_PATH_PROPERTY = "sla.demo.plugin-path";

  static final String CONNECTOR = "sla-demo-alert-delivery";

  /** A digest collects for 5 minutes in real life; seconds stand in for minutes here. */
  static final Duration DIGEST_WINDOW = Duration.ofSeconds(5);

  /** Reminders of an open breach every 4 hours in real life; 2 minutes here. */
  static final Duration REPEAT_INTERVAL = Duration.ofMinutes(2);

  /** The rep whose working day starts a minute into the demo: his alerts come early. */
  static final String QUIET_REP = "R-LUKAS";

  private static final Logger log = LoggerFactory.getLogger(DeliveryDemo.class);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Override
  public Running start(Context context) throws Exception {
    Path plugins = pluginPath();
    Instant started = context.clock().instant();
    long t0 = System.nanoTime();
    Team team = new Team(new DemoWorkload(context.clock(), 0).reps());
    Optional<QuietStart> quiet =
        team.byId(QUIET_REP).map(p -> QuietStart.after(started, ZoneId.of(p.getTimeZone())));

    List<AutoCloseable> opened = new ArrayList<>();
    try {
      MailCatcher mail = MailCatcher.start();
      opened.add(mail);
      ChatReceiver chat = ChatReceiver.start(context.clock());
      opened.add(chat);
      ConnectWorker worker =
          ConnectWorker.start(
              context.bootstrapServers(), plugins, context.dataDir().resolve("connect"));
      opened.add(worker);
      worker.putConnector(CONNECTOR, connectorConfig(context, mail, chat, team));

      Delivered delivered =
          new Delivered(context, team, mail, chat, quiet, started, List.copyOf(opened));
      chat.serve("/inbox", delivered::serveInbox);
      context
          .out()
          .accept(
              String.format(
                  Locale.ROOT,
                  "Alert delivery in %.1f s: a Kafka Connect worker (%s) runs the alert-delivery"
                      + " plugin; email goes to a local SMTP catcher (127.0.0.1:%d), posts for %s"
                      + " to a local receiver. Everything delivered: %s",
                  (System.nanoTime() - t0) / 1e9,
                  worker.restUrl(),
                  mail.port(),
                  channelNames(team),
                  chat.url("/inbox")));
      context
          .out()
          .accept(
              "Shortened like the SLAs: a digest collects for "
                  + DIGEST_WINDOW.toSeconds()
                  + " s (5 min in real life), an open breach is repeated every "
                  + REPEAT_INTERVAL.toMinutes()
                  + " min (4 h)"
                  + quiet
                      .flatMap(q -> team.byId(QUIET_REP).map(p -> quietIntro(p, q, started)))
                      .orElse("."));
      delivered.start();
      return delivered;
    } catch (Exception | Error e) {
      closeAll(opened);
      throw e;
    }
  }

  private static String quietIntro(RepProfile rep, QuietStart quiet, Instant started) {
    long seconds = Duration.between(started, quiet.opensAt()).toSeconds();
    return "; and "
        + rep.getName()
        + "'s working day starts at "
        + quiet.localOpening()
        + " (in "
        + seconds
        + " s): what is for him until then is held, and goes out as one digest then.";
  }

  private static String channelNames(Team team) {
    List<String> names = new ArrayList<>();
    for (Team.ChatChannel c : team.channels()) {
      names.add(c.displayName());
    }
    return String.join(" and ", names);
  }

  /** The connector's settings for the demo: every channel to a local stand-in, noise shortened. */
  static Map<String, String> connectorConfig(
      Context context, MailCatcher mail, ChatReceiver chat, Team team) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("name", CONNECTOR);
    config.put("connector.class", "io.followup.sla.connect.alerts.AlertDeliveryConnector");
    config.put("tasks.max", "1");
    config.put("topics", context.alertsTopic());
    config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    config.put("value.converter", "io.followup.sla.connect.avro.WireFormatAvroConverter");
    config.put("value.converter.schema.registry.url", context.schemaRegistryUrl());
    // A record that does not read is logged (to the log file) and skipped; the demo goes on.
    config.put("errors.tolerance", "all");
    config.put("errors.log.enable", "true");
    config.put("kafka.bootstrap.servers", context.bootstrapServers());
    config.put("schema.registry.url", context.schemaRegistryUrl());
    config.put("reps.topic", context.repsTopic());
    config.put("dedup.topic", "sla.alert-deliveries");
    List<String> slack = new ArrayList<>();
    List<String> teams = new ArrayList<>();
    for (Team.ChatChannel c : team.channels()) {
      (c.service().equals("slack") ? slack : teams).add(c.team() + "=" + chat.url(c.path()));
    }
    List<String> channels = new ArrayList<>(List.of("email"));
    if (!slack.isEmpty()) {
      channels.add("slack");
      config.put("slack.team.webhooks", String.join(",", slack));
    }
    if (!teams.isEmpty()) {
      channels.add("teams");
      config.put("teams.team.webhooks", String.join(",", teams));
    }
    config.put("channels", String.join(",", channels));
    config.put("email.smtp.host", "127.0.0.1");
    config.put("email.smtp.port", Integer.toString(mail.port()));
    config.put("email.smtp.starttls", "false");
    config.put("email.from", "SLA alerts <sla-alerts@lumenbio-supply.example>");
    config.put("email.default.to", Team.SALES_OPS_EMAIL);
    config.put("digest.window.ms", Long.toString(DIGEST_WINDOW.toMillis()));
    config.put("quiet.hours.enabled", "true");
    // The demo's profiles name their hours; this is for anyone else (the default route).
    config.put("quiet.hours.default.working.hours", WorkingHours.ALWAYS_SPEC);
    config.put("repeat.interval.ms", Long.toString(REPEAT_INTERVAL.toMillis()));
    config.put("retry.backoff.initial.ms", "500");
    config.put("retry.backoff.max.ms", "5000");
    // The local receiver has no rate limit to honour; a digest per team in a burst is fine.
    config.put("rate.slack.per.second", "0");
    config.put("rate.teams.per.second", "0");
    return config;
  }

  /**
   * The plugin directory: {@value #PLUGIN_PATH_PROPERTY} if set, else {@code plugins} beside this
   * module's jar (or classes), where its build copies the alert-delivery plugin.
   */
  static Path pluginPath() throws URISyntaxException {
    String configured = System.getProperty(PLUGIN_PATH_PROPERTY);
    Path path =
        configured != null
            ? Path.of(configured)
            : Path.of(
                    DeliveryDemo.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent()
                .resolve("plugins");
    if (!Files.isDirectory(path)) {
      throw new IllegalStateException(
          "the alert-delivery plugin is not built (no directory "
              + path
              + "); build with mvn package");
    }
    return path;
  }

  private static void closeAll(List<AutoCloseable> opened) {
    for (int i = opened.size() - 1; i >= 0; i--) {
      try {
        opened.get(i).close();
      } catch (Exception e) {
        log.warn("Error while stopping the demo's alert delivery: {}", e.getMessage());
      }
    }
  }

  /** The running delivery: prints each email and post as it arrives, and what is held. */
  static final class Delivered implements Running {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Context context;
    private final Team team;
    private final DeliveryLines lines;
    private final MailCatcher mail;
    private final ChatReceiver chat;
    private final Optional<QuietStart> quiet;
    private final Instant started;
    private final List<AutoCloseable> resources;
    private final ScheduledExecutorService poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "demo-deliveries");
              t.setDaemon(true);
              return t;
            });

    // Guarded by this. GreenMail lists messages by mailbox, not by arrival, so the emails printed
    // are remembered by their Message-ID rather than by position.
    private final Set<String> emailsSeen = new HashSet<>();
    private int postsSeen;
    private int deliveries;
    private long firstDelivery = -1;
    private boolean closed;

    Delivered(
        Context context,
        Team team,
        MailCatcher mail,
        ChatReceiver chat,
        Optional<QuietStart> quiet,
        Instant started,
        List<AutoCloseable> resources) {
      this.context = context;
      this.team = team;
      this.lines = new DeliveryLines(team);
      this.mail = mail;
      this.chat = chat;
      this.quiet = quiet;
      this.started = started;
      this.resources = resources;
    }

    void start() {
      poller.scheduleWithFixedDelay(this::printNew, 250, 250, TimeUnit.MILLISECONDS);
    }

    /** Everyone works around the clock in the demo, but the quiet rep, whose day starts soon. */
    @Override
    public RepProfile profile(RepProfile rep) {
      String hours =
          quiet
              .filter(q -> rep.getRepId().equals(QUIET_REP))
              .map(q -> q.workingHours(started))
              .orElse(WorkingHours.ALWAYS_SPEC);
      return RepProfile.newBuilder(rep).setWorkingHours(hours).build();
    }

    @Override
    public void alertPrinted(SlaAlert alert) {
      Instant now = context.clock().instant();
      String recipient = alert.getRecipientId() != null ? alert.getRecipientId() : alert.getRepId();
      boolean toRecipient = alert.getKind().equals("WARNING") || alert.getKind().equals("BREACHED");
      quiet
          .filter(q -> toRecipient && QUIET_REP.equals(recipient) && now.isBefore(q.opensAt()))
          .ifPresent(
              q ->
                  context
                      .out()
                      .accept(
                          line(
                              now,
                              "HELD",
                              "for "
                                  + team.byId(QUIET_REP).map(Team::nameAndRole).orElse(QUIET_REP)
                                  + " until "
                                  + q.localOpening()
                                  + ", when his working day starts (quiet hours): "
                                  + alert.getKind().charAt(0)
                                  + alert.getKind().substring(1).toLowerCase(Locale.ROOT)
                                  + ", "
                                  + alert.getRuleId()
                                  + ", lead "
                                  + alert.getLeadId())));
    }

    private void printNew() {
      try {
        List<MimeMessage> emails = mail.received();
        List<ChatReceiver.Post> posts = chat.posts();
        synchronized (this) {
          if (closed) {
            return;
          }
          for (MimeMessage email : emails) {
            if (emailsSeen.add(identity(email))) {
              print(lines.email(email));
            }
          }
          for (; postsSeen < posts.size(); postsSeen++) {
            ChatReceiver.Post post = posts.get(postsSeen);
            Optional<Team.ChatChannel> channel = team.channelAt(post.path());
            if (channel.isPresent()) {
              print(lines.post(channel.get(), post.body()));
            }
          }
        }
      } catch (IOException | MessagingException | RuntimeException e) {
        // A message that does not read must not stop the printing of the next ones. Its text may
        // quote the message, which names leads: that stays at DEBUG.
        log.warn("A delivery could not be printed ({})", e.getClass().getSimpleName());
        log.debug("Unprintable delivery", e);
      }
    }

    private static String identity(MimeMessage email) throws MessagingException {
      String id = email.getMessageID();
      return id != null
          ? id
          : email.getSentDate()
              + "|"
              + email.getSubject()
              + "|"
              + List.of(email.getAllRecipients());
    }

    private void print(String text) {
      deliveries++;
      if (firstDelivery < 0) {
        firstDelivery = System.nanoTime();
      }
      context.out().accept(line(context.clock().instant(), "DELIVERED", text));
    }

    private static String line(Instant at, String what, String text) {
      return String.format(Locale.ROOT, "%s  %-9s  %s", TIME.format(at), what, text);
    }

    /** GET /inbox: every email and post received, as JSON, for a person or a script to read. */
    void serveInbox(HttpExchange exchange) throws IOException {
      try (exchange) {
        ObjectNode inbox = JSON.createObjectNode();
        ArrayNode emails = inbox.putArray("emails");
        for (MimeMessage m : mail.received()) {
          ObjectNode e = emails.addObject();
          try {
            e.put("to", ((InternetAddress) m.getAllRecipients()[0]).getAddress());
            e.put("subject", m.getSubject());
          } catch (MessagingException | RuntimeException unreadable) {
            e.put("error", unreadable.getClass().getSimpleName());
          }
        }
        ArrayNode posts = inbox.putArray("posts");
        for (ChatReceiver.Post p : chat.posts()) {
          posts
              .addObject()
              .put("channel", p.path())
              .put("receivedAt", p.receivedAt().toString())
              .set("body", JSON.readTree(p.body()));
        }
        byte[] body = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(inbox);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      }
    }

    @Override
    public synchronized int deliveries() {
      return deliveries;
    }

    @Override
    public synchronized OptionalLong firstDeliveryNanos() {
      return firstDelivery < 0 ? OptionalLong.empty() : OptionalLong.of(firstDelivery);
    }

    @Override
    public void close() {
      poller.shutdownNow();
      printNew();
      synchronized (this) {
        closed = true;
      }
      closeAll(resources);
    }
  }
}
