import type Stripe from "stripe";
import { fetchSubscription } from "../subscription-snapshot";
import type { WebhookEventHandler } from "./types";

/** A subscription started (also sent for Checkout, before or after checkout.session.completed). */
export const customerSubscriptionCreated: WebhookEventHandler = async (event, billing) => {
  const subscription = event.data.object as Stripe.Subscription;
  return fetchSubscription(billing, subscription.id);
};
