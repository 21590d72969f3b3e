package io.followup.sla.connect.alerts.render;

import io.followup.sla.events.SlaAlert;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The link from an alert to its lead on the engine's manager page ({@code ui.base-url}): {@code
 * <base>/?lead=<leadId>}, or {@code <base>/?account=<accountId>} for an account-level alert. The
 * page lives at the root of the engine's HTTP port, so a query parameter needs no route of its own.
 */
public final class LeadLink {

  /** No page configured: alerts carry no link. */
  public static final LeadLink NONE = new LeadLink(null);

  private final String base;

  private LeadLink(String base) {
    this.base = base;
  }

  /** The links under {@code baseUrl}; {@link #NONE} when it is null or blank. */
  public static LeadLink under(String baseUrl) {
    if (baseUrl == null || baseUrl.isBlank()) {
      return NONE;
    }
    String base = baseUrl.strip();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return new LeadLink(base);
  }

  /** The page of the alert's lead (or account), when a page is configured and it names one. */
  public Optional<String> to(SlaAlert alert) {
    if (base == null) {
      return Optional.empty();
    }
    if (alert.getLeadId() != null) {
      return Optional.of(base + "/?lead=" + encode(alert.getLeadId()));
    }
    if (alert.getAccountId() != null) {
      return Optional.of(base + "/?account=" + encode(alert.getAccountId()));
    }
    return Optional.empty();
  }

  /** "Open the lead" or "Open the account": the link's words. */
  public static String label(SlaAlert alert) {
    return alert.getLeadId() != null ? "Open the lead" : "Open the account";
  }

  private static String encode(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
