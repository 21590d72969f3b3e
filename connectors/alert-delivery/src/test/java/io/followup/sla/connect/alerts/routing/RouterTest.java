package io.followup.sla.connect.alerts.routing;

import static io.followup.sla.connect.alerts.testing.Alerts.alert;
import static io.followup.sla.connect.alerts.testing.Alerts.rep;
import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.connect.alerts.delivery.SentIndex;
import io.followup.sla.events.RepProfile;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {

  private static final Instant NOW = Instant.parse("2026-03-10T19:00:05Z");

  private final Map<String, RepProfile> reps = new HashMap<>();
  private final SentIndex sent = new SentIndex();
  private ChannelTargets targets =
      new ChannelTargets(
          Set.of(Channel.EMAIL, Channel.SLACK, Channel.WEBHOOK),
          "ops@example.com",
          "https://hooks.example.com/default",
          Map.of("east", "https://hooks.example.com/east"),
          null,
          Map.of(),
          "https://events.example.com/v2");

  RouterTest() {
    reps.put("R-1", rep("R-1", "Sam Patel", "M-1"));
    reps.put("M-1", rep("M-1", "Dana Lee", null));
  }

  private Router router() {
    RepDirectory directory = id -> Optional.ofNullable(reps.get(id));
    return new Router(directory, RouteRules.defaults(), targets, sent, ZoneOffset.UTC);
  }

  private List<String> emails(List<Delivery> deliveries) {
    return deliveries.stream()
        .filter(d -> d.channel() == Channel.EMAIL)
        .map(Delivery::target)
        .toList();
  }

  @Test
  void aWarningGoesToTheRecipientOnly() {
    List<Delivery> out = router().route(alert("first-touch:L-1:1", "WARNING").build(), null, NOW);

    assertThat(emails(out)).containsExactly("r-1@example.com");
    assertThat(out)
        .filteredOn(d -> d.channel() == Channel.SLACK)
        .extracting(Delivery::target)
        .containsExactly("https://hooks.example.com/east");
    assertThat(out).filteredOn(d -> d.channel() == Channel.WEBHOOK).hasSize(1);
    assertThat(out.get(0).repName()).isEqualTo("Sam Patel");
    assertThat(out.get(0).managerName()).isEqualTo("Dana Lee");
  }

  @Test
  void aBreachGoesToRepAndManagerAndAnEscalationToTheManager() {
    assertThat(emails(router().route(alert("first-touch:L-1:1", "BREACHED").build(), null, NOW)))
        .containsExactly("r-1@example.com", "m-1@example.com");
    assertThat(emails(router().route(alert("first-touch:L-1:1", "ESCALATED").build(), null, NOW)))
        .containsExactly("m-1@example.com");
  }

  @Test
  void theManagerComesFromTheProfileWhenTheAlertNamesNone() {
    List<Delivery> out =
        router()
            .route(alert("first-touch:L-1:1", "ESCALATED").setManagerId(null).build(), null, NOW);

    assertThat(emails(out)).containsExactly("m-1@example.com");
  }

  @Test
  void aRepNobodyKnowsFallsToTheDefaultRoute() {
    List<Delivery> out =
        router()
            .route(
                alert("unassigned:L-1:1", "WARNING").setRepId(null).setRecipientId(null).build(),
                null,
                NOW);

    assertThat(emails(out)).containsExactly("ops@example.com");
    assertThat(out)
        .filteredOn(d -> d.channel() == Channel.SLACK)
        .extracting(Delivery::target)
        .containsExactly("https://hooks.example.com/default");
    assertThat(out.get(0).recipient().role()).isEqualTo(Role.DEFAULT);
  }

  @Test
  void aRepWhoIsAwayIsReplacedByTheirManager() {
    RepProfile away = rep("R-1", "Sam Patel", "M-1");
    away.setOutOfOffice(true);
    away.setOutOfOfficeUntil(NOW.plusSeconds(86_400));
    reps.put("R-1", away);

    assertThat(emails(router().route(alert("first-touch:L-1:1", "WARNING").build(), null, NOW)))
        .containsExactly("m-1@example.com");
  }

  @Test
  void resolvedGoesToWhoeverGotTheOpeningAlertAndNobodyElse() {
    Router router = router();
    List<Delivery> warning = router.route(alert("first-touch:L-1:1", "WARNING").build(), null, NOW);
    sent.record(warning, NOW);

    List<Delivery> resolved =
        router.route(alert("first-touch:L-1:1", "RESOLVED").build(), null, NOW);

    assertThat(resolved)
        .extracting(d -> d.channel() + " " + d.recipient().id())
        .containsExactlyInAnyOrder("EMAIL R-1", "SLACK R-1", "WEBHOOK on-call");
    assertThat(router.route(alert("first-touch:L-9:1", "RESOLVED").build(), null, NOW)).isEmpty();
  }
}
