import type Stripe from "stripe";
import type { BillingConfig } from "../billing-config";
import type { SubscriptionSnapshot } from "../subscription-snapshot";

/** Reads what an event means for us (calling Stripe if need be); the caller applies it atomically. */
export type WebhookEventHandler = (event: Stripe.Event, billing: BillingConfig) => Promise<SubscriptionSnapshot | null>;
