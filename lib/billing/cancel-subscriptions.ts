import { billingConfig } from "./billing-config";
import { liveSubscriptions } from "./live-subscriptions";
import { callStripe } from "./stripe-errors";
import { stripeClient } from "./stripe-client";

/**
 * Cancels, at once, every subscription of a customer that is closing their account; returns the
 * cancelled ids. Without billing configured there is nothing this server could cancel.
 */
export async function cancelAllSubscriptions(customerId: string | null): Promise<string[]> {
  const billing = billingConfig();
  if (!billing || !customerId) return [];
  const live = await liveSubscriptions(billing, customerId);
  for (const subscription of live) {
    await callStripe("cancelling the subscription", () => stripeClient(billing).subscriptions.cancel(subscription.id));
  }
  return live.map((subscription) => subscription.id);
}
