import type Stripe from "stripe";
import { invalidate } from "@/lib/cache/invalidation";
import { db } from "@/lib/db";
import { applySubscription } from "./apply-subscription";
import type { BillingConfig } from "./billing-config";
import { WEBHOOK_EVENTS } from "./webhook-events";

export type WebhookOutcome = "applied" | "duplicate" | "ignored";

/**
 * Applies a verified event once: the event id is recorded in the same transaction as its
 * effect, so a redelivery (or two deliveries at once) changes nothing, and a failure records nothing.
 */
export async function processWebhookEvent(billing: BillingConfig, event: Stripe.Event): Promise<WebhookOutcome> {
  const handler = WEBHOOK_EVENTS[event.type];
  if (!handler) return "ignored";
  const prisma = await db();
  if (await prisma.stripeEvent.findUnique({ where: { id: event.id } })) return "duplicate";
  const snapshot = await handler(event, billing);
  const result = await prisma.$transaction(async (tx) => {
    const recorded = await tx.stripeEvent.createMany({ data: [{ id: event.id, type: event.type }], skipDuplicates: true });
    if (recorded.count === 0) return "duplicate" as const;
    return snapshot ? applySubscription(tx, billing, snapshot) : null;
  });
  if (result === "duplicate") return "duplicate";
  if (result) invalidate({ kind: "user", userId: result.userId });
  return "applied";
}
