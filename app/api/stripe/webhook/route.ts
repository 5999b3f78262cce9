import { handleStripeWebhook } from "@/lib/billing/handle-stripe-webhook";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return handleStripeWebhook(request);
}
