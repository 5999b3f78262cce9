import { describe, expect, it } from "vitest";
import { requireBillingConfig } from "@/lib/billing/billing-config";
import { ensureCustomer } from "@/lib/billing/customer";
import { handleStripeWebhook } from "@/lib/billing/handle-stripe-webhook";
import { createUser } from "@/lib/services/users/create-user";
import { signEvent, type SignedEvent } from "@/test/fake-stripe/webhooks";
import { postgresTarget, uniqueSchemaUrl } from "@/test/support/databases";
import { useDatabaseAndFakeStripe } from "@/test/support/database-and-fake-stripe";
import { TEST_PRICES, TEST_STRIPE_WEBHOOK_SECRET } from "@/test/support/stripe-env";

async function deliver(signed: SignedEvent): Promise<string> {
  const response = await handleStripeWebhook(new Request("http://localhost/api/stripe/webhook", {
    method: "POST", headers: { "content-type": "application/json", "stripe-signature": signed.signature }, body: signed.payload,
  }));
  expect(response.status).toBe(200);
  return (await response.json()).outcome;
}

// Stripe retries a delivery it thinks timed out, so the first two copies of an event can arrive together.
describe("two first-time deliveries of one Stripe event at once, on PostgreSQL", () => {
  const setup = useDatabaseAndFakeStripe(postgresTarget(uniqueSchemaUrl()));
  const ROUNDS = 5;

  it("applies each event exactly once: one delivery applies it, the other is a duplicate", async () => {
    const prisma = setup.database.prisma;
    for (let round = 0; round < ROUNDS; round++) {
      const { user } = await createUser({ email: `race-${round}@example.com`, password: "password-123" });
      const customer = await ensureCustomer(requireBillingConfig(), user.id);
      const subscription = setup.fake.state.createSubscription({ customer, price: TEST_PRICES.pro.id, metadata: { userId: user.id } });
      const created = signEvent(TEST_STRIPE_WEBHOOK_SECRET, "customer.subscription.created", subscription);
      const readsBefore = setup.fake.calls.filter((c) => c.path.endsWith(subscription.id)).length;

      const outcomes = await Promise.all([deliver(created), deliver(created)]);

      expect(outcomes.sort()).toEqual(["applied", "duplicate"]);
      expect(await prisma.stripeEvent.count({ where: { id: created.event.id } })).toBe(1);
      expect(await prisma.subscription.count({ where: { id: subscription.id } })).toBe(1);
      expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).plan).toBe("pro");
      // Both got past the "seen already?" read and asked Stripe: the race reached the recording step.
      expect(setup.fake.calls.filter((c) => c.path.endsWith(subscription.id)).length - readsBefore).toBe(2);
    }
  });
});
