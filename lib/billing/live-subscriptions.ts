import type Stripe from "stripe";
import type { BillingConfig } from "./billing-config";
import { callStripe } from "./stripe-errors";
import { stripeClient } from "./stripe-client";

// Statuses in which the customer has, or may still get, a paid plan.
const LIVE = new Set<Stripe.Subscription.Status>(["active", "trialing", "past_due", "incomplete", "unpaid", "paused"]);

/** The customer's subscriptions that are not over, as Stripe sees them now. */
export async function liveSubscriptions(billing: BillingConfig, customerId: string): Promise<Stripe.Subscription[]> {
  const page = await callStripe("listing subscriptions", () =>
    stripeClient(billing).subscriptions.list({ customer: customerId, status: "all", limit: 100 }),
  );
  return page.data.filter((subscription) => LIVE.has(subscription.status));
}
