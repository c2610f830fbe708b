/** The essay's own decline line, and a counter that trades scope instead of rate. */
export const DEFAULT_DECLINE_TEMPLATE_BODY = "Thank you for letting me know. I wish you the best.";
export const DEFAULT_COUNTER_TEMPLATE_BODY =
  "Thanks, {client}. For this scope of {service} my rate is {rate}, which makes it {price}. If the budget is fixed at {offer}, I can deliver {budgetScope} of the work for it. Let me know which you prefer.";
