import type Stripe from "stripe";
import { snapshotOf } from "../subscription-snapshot";
import type { WebhookEventHandler } from "./types";

/**
 * The subscription ended: its owner goes back to Free unless another one grants a plan.
 * Canceled is final, so the event's own copy is current and Stripe need not be asked.
 */
export const customerSubscriptionDeleted: WebhookEventHandler = async (event) => snapshotOf(event.data.object as Stripe.Subscription);
