package io.followup.sla.connect.alerts.channel;

import static io.followup.sla.connect.alerts.testing.Alerts.alert;
import static io.followup.sla.connect.alerts.testing.Alerts.delivery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.followup.sla.connect.alerts.routing.Channel;
import io.followup.sla.connect.alerts.routing.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmailSenderTest {

  @RegisterExtension
  static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static SmtpSettings smtp(int port) {
    return new SmtpSettings(
        "127.0.0.1", port, null, null, false, false, "SLA <sla@example.com>", 3000);
  }

  @Test
  void oneAlertIsAMailWithTextAndHtmlAManagerReadsWithoutALookup() throws Exception {
    new EmailSender(smtp(mail.getSmtp().getPort()))
        .send(
            Message.of(
                List.of(
                    delivery(
                        alert("first-touch:L-1:1", "BREACHED").build(),
                        Channel.EMAIL,
                        "sam@example.com",
                        1))));

    MimeMessage received = mail.getReceivedMessages()[0];
    assertThat(received.getSubject())
        .isEqualTo("[SLA] Breached: First touch, lead L-1 (account ACC-9)");
    assertThat(received.getAllRecipients()[0].toString()).isEqualTo("sam@example.com");
    MimeMultipart parts = (MimeMultipart) received.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat(parts.getBodyPart(0).getContent().toString())
        .contains("Hello Sam Patel,")
        .contains("What: RFP request L-1 from ACC-9 has not been touched in 2h.")
        .contains("Who: Sam Patel (rep), manager Dana Lee")
        .contains("Due: Tue Mar 10, 15:00 EDT");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat(parts.getBodyPart(1).getContent().toString())
        .contains("<th align=\"left\">Due</th><td>Tue Mar 10, 15:00 EDT</td>");
  }

  @Test
  void aDigestSaysHowManyAlertsItHolds() throws Exception {
    new EmailSender(smtp(mail.getSmtp().getPort()))
        .send(
            Message.of(
                List.of(
                    delivery(
                        alert("first-touch:L-1:1", "WARNING").build(),
                        Channel.EMAIL,
                        "sam@example.com",
                        1),
                    delivery(
                        alert("touch-cadence:L-1:1", "WARNING").build(),
                        Channel.EMAIL,
                        "sam@example.com",
                        2))));

    assertThat(mail.getReceivedMessages()[0].getSubject())
        .isEqualTo("[SLA] 2 follow-up alerts for Sam Patel");
  }

  @Test
  void anSmtpServerThatIsDownIsWorthRetrying() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    EmailSender sender = new EmailSender(smtp(closedPort));

    assertThatThrownBy(
            () ->
                sender.send(
                    Message.of(
                        List.of(
                            delivery(
                                alert("first-touch:L-1:1", "WARNING").build(),
                                Channel.EMAIL,
                                "sam@example.com",
                                1)))))
        .isInstanceOfSatisfying(SendException.class, e -> assertThat(e.retryable()).isTrue());
  }
}
