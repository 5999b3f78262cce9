import type Stripe from "stripe";
import { fetchSubscription } from "../subscription-snapshot";
import type { WebhookEventHandler } from "./types";

/** A plan change, renewal, failed payment or scheduled cancellation. */
export const customerSubscriptionUpdated: WebhookEventHandler = async (event, billing) => {
  const subscription = event.data.object as Stripe.Subscription;
  return fetchSubscription(billing, subscription.id);
};
