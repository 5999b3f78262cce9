import type Stripe from "stripe";
import type { BillingConfig } from "./billing-config";
import { callStripe } from "./stripe-errors";
import { stripeClient } from "./stripe-client";

/** What we keep of a Stripe subscription. */
export interface SubscriptionSnapshot {
  id: string;
  customerId: string;
  status: Stripe.Subscription.Status;
  priceId: string | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  /** Our user id as we put it in the metadata at Checkout, to link a customer not yet stored. */
  userIdHint: string | null;
}

export function snapshotOf(subscription: Stripe.Subscription, userIdHint?: string | null): SubscriptionSnapshot {
  const item = subscription.items?.data?.[0];
  const customer = subscription.customer;
  return {
    id: subscription.id,
    customerId: typeof customer === "string" ? customer : customer.id,
    status: subscription.status,
    priceId: item?.price?.id ?? null,
    currentPeriodEnd: item?.current_period_end ? new Date(item.current_period_end * 1000) : null,
    cancelAtPeriodEnd: subscription.cancel_at_period_end ?? false,
    userIdHint: userIdHint ?? subscription.metadata?.userId ?? null,
  };
}

/**
 * The subscription as Stripe has it now. Events can arrive late and out of order, so the
 * webhook applies the current state rather than the event's copy.
 */
export async function fetchSubscription(billing: BillingConfig, id: string, userIdHint?: string | null): Promise<SubscriptionSnapshot> {
  const subscription = await callStripe("reading a subscription", () => stripeClient(billing).subscriptions.retrieve(id));
  return snapshotOf(subscription, userIdHint);
}
