package io.followup.sla.rules;

/** The whole rule core: the lead rules and the account rule, as every driver runs them. */
public record SlaRules(LeadRuleEngine leads, BuyingGroupCoverageRule accounts) {

  /** Every rule of the contract. */
  public static SlaRules standard() {
    return new SlaRules(LeadRuleEngine.standard(), BuyingGroupCoverageRule.standard());
  }
}
