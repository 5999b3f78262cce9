import { checkoutSessionCompleted } from "./checkout-session-completed";
import { customerSubscriptionCreated } from "./customer-subscription-created";
import { customerSubscriptionDeleted } from "./customer-subscription-deleted";
import { customerSubscriptionUpdated } from "./customer-subscription-updated";
import type { WebhookEventHandler } from "./types";

/** The Stripe events we act on (enable these on the webhook endpoint); any other is acknowledged and ignored. */
export const WEBHOOK_EVENTS: Readonly<Record<string, WebhookEventHandler>> = {
  "checkout.session.completed": checkoutSessionCompleted,
  "customer.subscription.created": customerSubscriptionCreated,
  "customer.subscription.updated": customerSubscriptionUpdated,
  "customer.subscription.deleted": customerSubscriptionDeleted,
};
