import { describe, expect, it } from "vitest";
import { publicUrl } from "@/lib/config/env";
import { createUser } from "@/lib/services/users/create-user";
import { databaseTargets, type DatabaseTarget } from "@/test/support/databases";
import { useDatabaseAndFakeStripe } from "@/test/support/database-and-fake-stripe";
import { applySettings, stripeSettings, TEST_PRICES } from "@/test/support/stripe-env";
import { requireBillingConfig } from "./billing-config";
import { planChangeUrl } from "./change-plan";
import { createPortalSession } from "./portal";

describe.each(databaseTargets())("choosing a plan on $name", (target: DatabaseTarget) => {
  const setup = useDatabaseAndFakeStripe(target);

  const newUser = async (email: string) => (await createUser({ email, password: "password-123" })).user;
  const customerCalls = () => setup.fake.calls.filter((call) => call.method === "POST" && call.path === "/v1/customers");

  it("sends a first-time buyer to Checkout for the plan's price, creating their Stripe customer once", async () => {
    const user = await newUser("first@example.com");
    const before = customerCalls().length;
    const url = await planChangeUrl(user.id, "pro");
    const session = [...setup.fake.state.checkoutSessions.values()].at(-1)!;
    expect(url).toBe(`${setup.fake.url}/checkout/${session.id}`);
    expect(session).toMatchObject({
      mode: "subscription",
      client_reference_id: user.id,
      lineItems: [{ price: TEST_PRICES.pro.id, quantity: 1 }],
      metadata: { userId: user.id, plan: "pro" },
      subscriptionMetadata: { userId: user.id },
      success_url: `${publicUrl()}/dashboard/billing?checkout=success`,
      cancel_url: `${publicUrl()}/dashboard/billing?checkout=cancelled`,
    });
    const stored = await setup.database.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.stripeCustomerId).toBe(session.customer);
    expect(setup.fake.state.customers.get(session.customer!)).toMatchObject({ email: "first@example.com", metadata: { userId: user.id } });

    await planChangeUrl(user.id, "enterprise");
    expect(customerCalls().length - before).toBe(1);
    expect([...setup.fake.state.checkoutSessions.values()].at(-1)).toMatchObject({ customer: stored.stripeCustomerId, lineItems: [{ price: TEST_PRICES.enterprise.id }] });
  });

  it("sends a subscriber to the customer portal for any change, Free included", async () => {
    const user = await newUser("subscriber@example.com");
    await planChangeUrl(user.id, "starter");
    const customer = (await setup.database.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).stripeCustomerId!;
    setup.fake.state.createSubscription({ customer, price: TEST_PRICES.starter.id });
    for (const plan of ["pro", "free"] as const) {
      const url = await planChangeUrl(user.id, plan);
      const portal = [...setup.fake.state.portalSessions.values()].at(-1)!;
      expect(url).toBe(`${setup.fake.url}/portal/${portal.id}`);
      expect(portal).toMatchObject({ customer, return_url: `${publicUrl()}/dashboard/billing` });
    }
  });

  it("refuses Free without a subscription, the plan already held, and the portal without a billing account", async () => {
    const user = await newUser("nothing-to-do@example.com");
    await expect(planChangeUrl(user.id, "free")).rejects.toMatchObject({ status: 400, message: "There is no subscription to cancel" });
    await setup.database.prisma.user.update({ where: { id: user.id }, data: { plan: "pro" } });
    await expect(planChangeUrl(user.id, "pro")).rejects.toMatchObject({ status: 400 });
    await expect(createPortalSession(requireBillingConfig(), user.id)).rejects.toMatchObject({ status: 400, message: expect.stringContaining("no billing account yet") });
  });

  it("says so when billing is not configured, and when Stripe cannot be reached", async () => {
    const user = await newUser("offline@example.com");
    const cleared = applySettings(Object.fromEntries(Object.keys(stripeSettings(setup.fake.url)).map((name) => [name, ""])));
    await expect(planChangeUrl(user.id, "pro")).rejects.toMatchObject({ status: 503, message: "Billing is not configured on this server" });
    cleared();
    const unreachable = applySettings({ STRIPE_API_BASE_URL: "http://127.0.0.1:9" });
    try {
      await expect(planChangeUrl(user.id, "pro")).rejects.toMatchObject({ status: 502, code: "stripe_error", message: expect.stringContaining("Stripe could not be reached") });
    } finally {
      unreachable();
    }
  });
});
