import type Stripe from "stripe";
import { fetchSubscription } from "../subscription-snapshot";
import type { WebhookEventHandler } from "./types";

/** Checkout finished: the new subscription, linked to the user who started Checkout. */
export const checkoutSessionCompleted: WebhookEventHandler = async (event, billing) => {
  const session = event.data.object as Stripe.Checkout.Session;
  if (session.mode !== "subscription" || !session.subscription) return null;
  const subscriptionId = typeof session.subscription === "string" ? session.subscription : session.subscription.id;
  return fetchSubscription(billing, subscriptionId, session.client_reference_id ?? session.metadata?.userId);
};
