package io.followup.sla.rules;

import io.followup.sla.alerts.AlertText;
import java.util.ArrayList;
import java.util.List;

/** How alert summaries name a lead. */
public final class LeadLabel {

  private LeadLabel() {}

  /** "Lead L-1042 (Maria Chen, RFP request, Acme Biologics)". */
  public static String lead(LeadState lead) {
    List<String> parts = new ArrayList<>();
    if (lead.getContactName() != null) {
      parts.add(lead.getContactName());
    }
    if (lead.getSource() != null) {
      parts.add(AlertText.source(lead.getSource()));
    }
    if (lead.getAccountName() != null) {
      parts.add(lead.getAccountName());
    } else if (lead.getAccountId() != null) {
      parts.add("account " + lead.getAccountId());
    }
    return "Lead "
        + lead.getLeadId()
        + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
  }
}
