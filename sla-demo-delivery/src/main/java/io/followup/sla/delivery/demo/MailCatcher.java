package io.followup.sla.delivery.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/**
 * The demo's SMTP catcher: a real SMTP server (GreenMail) on a free local port that keeps every
 * message it receives, so the connector sends email exactly as it would to a company's mail server.
 */
final class MailCatcher implements AutoCloseable {

  private final GreenMail mail;

  private MailCatcher(GreenMail mail) {
    this.mail = mail;
  }

  static MailCatcher start() {
    GreenMail mail =
        new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    mail.start();
    return new MailCatcher(mail);
  }

  int port() {
    return mail.getSmtp().getPort();
  }

  /** Every message received so far, oldest first. */
  List<MimeMessage> received() {
    return Arrays.asList(mail.getReceivedMessages());
  }

  @Override
  public void close() {
    mail.stop();
  }
}
