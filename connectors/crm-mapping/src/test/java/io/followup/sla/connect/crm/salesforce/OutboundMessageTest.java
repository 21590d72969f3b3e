package io.followup.sla.connect.crm.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.followup.sla.connect.crm.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a posted outbound message, and refusing what is not one, XXE above all. */
class OutboundMessageTest {

  @TempDir Path dir;

  private static OutboundMessage parse(String xml) {
    return OutboundMessage.parse(xml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theMessageGivesItsOrganizationActionAndEachNotificationAsJson() {
    OutboundMessage message = parse(Samples.json("salesforce/outbound-lead-created.xml"));

    assertThat(message.organizationId()).isEqualTo("00D5e000000KQ2eEAG");
    assertThat(message.actionId()).isEqualTo("04k5e000000CaRkAAK");
    assertThat(message.notifications())
        .singleElement()
        .satisfies(
            n ->
                assertThat(n)
                    .contains("\"Id\":\"04l5e00000Gx7QzAAJ\"")
                    .contains("\"type\":\"Lead\"")
                    .contains("\"Status\":\"Open - Not Contacted\"")
                    .doesNotContain("SessionId"));
  }

  @Test
  void severalNotificationsAreReadInOrder() {
    String one = Samples.json("salesforce/outbound-task-call.xml");
    int start = one.indexOf("<Notification>");
    int end = one.indexOf("</Notification>") + "</Notification>".length();
    String second = one.substring(start, end).replace("04l5e00000Gx7R1AAJ", "04l5e00000Gx7R9AAJ");
    OutboundMessage message = parse(one.substring(0, end) + second + one.substring(end));

    assertThat(message.notifications()).hasSize(2);
    assertThat(message.notifications().get(1)).contains("04l5e00000Gx7R9AAJ");
  }

  @Test
  void anExternalEntityIsRefusedAndNeverRead() throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "do-not-read-me");
    String xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE Envelope [<!ENTITY xxe SYSTEM \""
            + secret.toUri()
            + "\">]>\n"
            + Samples.json("salesforce/outbound-lead-created.xml")
                .replaceFirst("<\\?xml[^>]*>", "")
                .replace("<sf:Company>Example Manufacturing", "<sf:Company>&xxe;");

    assertThatThrownBy(() -> parse(xxe))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a DOCTYPE is not allowed in an outbound message")
        .hasMessageNotContaining("do-not-read-me");
  }

  @Test
  void anInternalEntityExpansionIsRefusedToo() {
    String bomb =
        "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b"
            + " \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><a>&b;</a>";

    assertThatThrownBy(() -> parse(bomb))
        .hasMessage("a DOCTYPE is not allowed in an outbound message");
  }

  @Test
  void whatIsNotAnOutboundMessageIsRefusedWithTheReason() {
    assertThatThrownBy(() -> parse("{\"not\": \"xml\"}"))
        .hasMessage("the body is not well-formed XML");
    assertThatThrownBy(() -> parse("<a/>")).hasMessage("the body is not a SOAP 1.1 envelope");
    assertThatThrownBy(
            () ->
                parse(
                    "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                        + "<s:Body><notifications/></s:Body></s:Envelope>"))
        .hasMessageContaining("no notifications element");
  }
}
