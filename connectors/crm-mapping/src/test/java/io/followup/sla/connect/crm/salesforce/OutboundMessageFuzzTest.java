package io.followup.sla.connect.crm.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.followup.sla.connect.crm.payload.MappingException;
import io.followup.sla.connect.crm.payload.Payload;
import io.followup.sla.connect.crm.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * Outbound messages cut and spliced at random: each is read, or refused with a one-line reason
 * ({@link IllegalArgumentException}, answered 400); each notification read becomes an event, is
 * dropped, or is refused with a {@link MappingException} (dead-lettered); within a bound, never
 * another exception.
 */
class OutboundMessageFuzzTest {

  private static final List<String> SAMPLES =
      List.of(
          "salesforce/outbound-lead-created.xml",
          "salesforce/outbound-lead-updated.xml",
          "salesforce/outbound-task-call.xml",
          "salesforce/outbound-event-meeting.xml");

  private static final SalesforceOutboundMapping MAPPING =
      new SalesforceOutboundMapping(new SalesforceConfig(Map.of()));

  @Property(tries = 400)
  void aMangledMessageIsReadOrRefusedWithAReason(
      @ForAll @IntRange(min = 0, max = 3) int sample,
      @ForAll @IntRange(min = 0, max = 3000) int at,
      @ForAll @IntRange(min = 0, max = 60) int cut,
      @ForAll @StringLength(max = 20) String insert) {
    String xml = Samples.json(SAMPLES.get(sample));
    int from = Math.min(at, xml.length());
    int to = Math.min(from + cut, xml.length());
    String mangled = xml.substring(0, from) + insert + xml.substring(to);
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> {
          OutboundMessage message;
          try {
            message = OutboundMessage.parse(mangled.getBytes(StandardCharsets.UTF_8));
          } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
            return;
          }
          for (String notification : message.notifications()) {
            try {
              MAPPING.map(Payload.of(notification));
            } catch (MappingException e) {
              assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
            }
          }
        });
  }
}
