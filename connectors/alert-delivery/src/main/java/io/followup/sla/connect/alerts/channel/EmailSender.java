package io.followup.sla.connect.alerts.channel;

import io.followup.sla.connect.alerts.render.EmailContent;
import io.followup.sla.connect.alerts.render.LeadLink;
import io.followup.sla.connect.alerts.render.ReviewEmail;
import io.followup.sla.connect.alerts.routing.Message;
import io.followup.sla.connect.alerts.routing.ReviewDelivery;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * Sends email over SMTP with Angus Mail: a plain-text and an HTML part of the same words. An SMTP
 * 4xx (try later) or a lost connection is worth retrying; a 5xx or an address that cannot be parsed
 * is not.
 */
public final class EmailSender implements Sender, ReviewSender {

  private final SmtpSettings smtp;
  private final Session session;
  private final LeadLink links;

  public EmailSender(SmtpSettings smtp) {
    this(smtp, LeadLink.NONE);
  }

  /** Emails in which each alert links to its lead's page. */
  public EmailSender(SmtpSettings smtp, LeadLink links) {
    this.smtp = smtp;
    this.links = links;
    Properties props = new Properties();
    props.put("mail.smtp.host", smtp.host());
    props.put("mail.smtp.port", String.valueOf(smtp.port()));
    props.put(
        "mail.smtp.auth", String.valueOf(smtp.username() != null && !smtp.username().isBlank()));
    props.put("mail.smtp.starttls.enable", String.valueOf(smtp.startTls()));
    props.put("mail.smtp.ssl.enable", String.valueOf(smtp.ssl()));
    props.put("mail.smtp.connectiontimeout", String.valueOf(smtp.timeoutMs()));
    props.put("mail.smtp.timeout", String.valueOf(smtp.timeoutMs()));
    props.put("mail.smtp.writetimeout", String.valueOf(smtp.timeoutMs()));
    this.session = Session.getInstance(props);
  }

  @Override
  public void send(Message message) throws SendException {
    send(message.target(), EmailContent.of(message, links));
  }

  @Override
  public void send(ReviewDelivery review) throws SendException {
    send(review.target(), ReviewEmail.of(review));
  }

  private void send(String to, EmailContent content) throws SendException {
    MimeMessage mail = new MimeMessage(session);
    try {
      mail.setFrom(new InternetAddress(smtp.from(), true));
      mail.setRecipients(
          jakarta.mail.Message.RecipientType.TO, new Address[] {new InternetAddress(to, true)});
      mail.setSubject(content.subject(), StandardCharsets.UTF_8.name());
      MimeBodyPart text = new MimeBodyPart();
      text.setText(content.text(), StandardCharsets.UTF_8.name(), "plain");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(content.html(), StandardCharsets.UTF_8.name(), "html");
      mail.setContent(new MimeMultipart("alternative", text, html));
    } catch (AddressException e) {
      throw SendException.permanent("email address does not parse", null);
    } catch (MessagingException e) {
      throw SendException.permanent("email cannot be composed: " + e.getClass().getSimpleName(), e);
    }
    try {
      if (smtp.username() != null && !smtp.username().isBlank()) {
        Transport.send(mail, smtp.username(), smtp.password());
      } else {
        Transport.send(mail);
      }
    } catch (SMTPSendFailedException e) {
      int code = e.getReturnCode();
      throw new SendException(
          "SMTP server answered " + code, code >= 400 && code < 500, null, null);
    } catch (SendFailedException e) {
      throw SendException.permanent("SMTP server refused the recipient", null);
    } catch (MessagingException e) {
      // A refused or lost connection is the server being away, which a later attempt may find
      // back; anything else the server said is its answer to this message.
      boolean transport =
          e instanceof MailConnectException
              || e.getCause() instanceof IOException
              || e.getNextException() instanceof IOException;
      throw new SendException(
          "SMTP send failed: " + e.getClass().getSimpleName(), transport, null, null);
    }
  }
}
