import { describe, expect, it } from "vitest";
import { authenticateApiToken } from "@/lib/auth/api-token";
import { createUser } from "@/lib/services/users/create-user";
import { signEvent } from "@/test/fake-stripe/webhooks";
import { databaseTargets, type DatabaseTarget } from "@/test/support/databases";
import { useDatabaseAndFakeStripe } from "@/test/support/database-and-fake-stripe";
import { applySettings, fakeStripeOptions, stripeSettings, TEST_PRICES, TEST_STRIPE_WEBHOOK_SECRET } from "@/test/support/stripe-env";
import { requireBillingConfig } from "./billing-config";
import { ensureCustomer } from "./customer";
import { handleStripeWebhook } from "./handle-stripe-webhook";

type Signed = ReturnType<typeof signEvent>;

function webhookRequest(signed: Pick<Signed, "payload" | "signature">, signature: string | null = signed.signature): Request {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (signature !== null) headers["stripe-signature"] = signature;
  return new Request("http://localhost/api/stripe/webhook", { method: "POST", headers, body: signed.payload });
}

async function deliver(signed: Signed) {
  const response = await handleStripeWebhook(webhookRequest(signed));
  return { status: response.status, body: await response.json() };
}

const send = (type: string, object: object) => deliver(signEvent(TEST_STRIPE_WEBHOOK_SECRET, type, structuredClone(object)));

describe.each(databaseTargets())("the Stripe webhook on $name", (target: DatabaseTarget) => {
  const setup = useDatabaseAndFakeStripe(target);

  async function customerUser(email: string) {
    const { user, token } = await createUser({ email, password: "password-123" });
    const customer = await ensureCustomer(requireBillingConfig(), user.id);
    return { user, token, customer };
  }
  const planOf = async (id: string) => (await setup.database.prisma.user.findUniqueOrThrow({ where: { id } })).plan;
  const bearer = (token: string) => new Request("http://localhost/v1/models", { headers: { authorization: `Bearer ${token}` } });

  it("refuses unsigned, wrongly signed and altered events with a 400 in the error shape, and records nothing", async () => {
    const { user, customer } = await customerUser("forger@example.com");
    const subscription = setup.fake.state.createSubscription({ customer, price: TEST_PRICES.enterprise.id });
    const genuine = signEvent(TEST_STRIPE_WEBHOOK_SECRET, "customer.subscription.created", subscription);
    const forged = signEvent("whsec_attacker", "customer.subscription.created", subscription);
    const altered = { payload: genuine.payload.replace(subscription.id, "sub_test_other"), signature: genuine.signature };

    for (const [request, message] of [
      [webhookRequest(genuine, null), "Missing Stripe-Signature header"],
      [webhookRequest(forged), "Invalid Stripe signature"],
      [webhookRequest(altered), "Invalid Stripe signature"],
      [webhookRequest(genuine, "t=1,v1=deadbeef"), "Invalid Stripe signature"],
    ] as const) {
      const response = await handleStripeWebhook(request);
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.error).toMatchObject({ type: "invalid_request_error", param: "stripe-signature" });
      expect(body.error.message).toContain(message);
    }
    expect(await setup.database.prisma.stripeEvent.count({ where: { id: genuine.event.id } })).toBe(0);
    expect(await planOf(user.id)).toBe("free");
  });

  it("upgrades the buyer when Checkout completes, once per event however often Stripe redelivers it", async () => {
    const { user, token, customer } = await customerUser("buyer@example.com");
    const { user: bystander } = await customerUser("bystander@example.com");
    expect((await authenticateApiToken(bearer(token))).plan).toBe("free");

    const subscription = setup.fake.state.createSubscription({ customer, price: TEST_PRICES.pro.id, metadata: { userId: user.id } });
    const completed = signEvent(TEST_STRIPE_WEBHOOK_SECRET, "checkout.session.completed", {
      id: "cs_test_1", object: "checkout.session", mode: "subscription", customer, subscription: subscription.id, client_reference_id: user.id, metadata: { userId: user.id, plan: "pro" },
    });
    expect(await deliver(completed)).toEqual({ status: 200, body: { received: true, outcome: "applied" } });
    expect(await planOf(user.id)).toBe("pro");
    expect(await planOf(bystander.id)).toBe("free");
    // The gateway's cached view of the token follows at once.
    expect((await authenticateApiToken(bearer(token))).plan).toBe("pro");
    const stored = await setup.database.prisma.subscription.findUniqueOrThrow({ where: { id: subscription.id } });
    expect(stored).toMatchObject({ userId: user.id, status: "active", plan: "pro", priceId: TEST_PRICES.pro.id, cancelAtPeriodEnd: false });
    expect(stored.currentPeriodEnd!.getTime()).toBeGreaterThan(Date.now());

    // An operator changes the plan by hand; redelivering the old event must not undo that.
    await setup.database.prisma.user.update({ where: { id: user.id }, data: { plan: "starter" } });
    expect(await deliver(completed)).toEqual({ status: 200, body: { received: true, outcome: "duplicate" } });
    expect(await Promise.all([deliver(completed), deliver(completed)])).toEqual([
      { status: 200, body: { received: true, outcome: "duplicate" } },
      { status: 200, body: { received: true, outcome: "duplicate" } },
    ]);
    expect(await planOf(user.id)).toBe("starter");
    expect(await setup.database.prisma.stripeEvent.count({ where: { id: completed.event.id } })).toBe(1);
  });

  it("links a customer it has not stored yet through the user id Checkout carried", async () => {
    const { user } = await createUser({ email: "linked@example.com", password: "password-123" });
    const customer = (await fetchJson(setup.fake.url, "/v1/customers", { email: "linked@example.com" })).id as string;
    const subscription = setup.fake.state.createSubscription({ customer, price: TEST_PRICES.starter.id, metadata: { userId: user.id } });
    expect((await send("customer.subscription.created", subscription)).body.outcome).toBe("applied");
    const after = await setup.database.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ plan: "starter", stripeCustomerId: customer });
  });

  it("follows plan changes, keeps the plan through a failed renewal, and downgrades to Free on unpaid and on cancel", async () => {
    const { user, customer } = await customerUser("changer@example.com");
    const subscription = setup.fake.state.createSubscription({ customer, price: TEST_PRICES.starter.id });
    await send("customer.subscription.created", subscription);
    expect(await planOf(user.id)).toBe("starter");

    await send("customer.subscription.updated", setup.fake.state.updateSubscription(subscription.id, { price: TEST_PRICES.enterprise.id }));
    expect(await planOf(user.id)).toBe("enterprise");
    await send("customer.subscription.updated", setup.fake.state.updateSubscription(subscription.id, { status: "past_due" }));
    expect(await planOf(user.id)).toBe("enterprise");
    await send("customer.subscription.updated", setup.fake.state.updateSubscription(subscription.id, { status: "unpaid" }));
    expect(await planOf(user.id)).toBe("free");
    await send("customer.subscription.updated", setup.fake.state.updateSubscription(subscription.id, { status: "active", cancelAtPeriodEnd: true }));
    expect(await planOf(user.id)).toBe("enterprise");
    expect((await setup.database.prisma.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).cancelAtPeriodEnd).toBe(true);

    const staleActive = structuredClone(subscription);
    await send("customer.subscription.deleted", setup.fake.state.updateSubscription(subscription.id, { status: "canceled" }));
    expect(await planOf(user.id)).toBe("free");
    expect((await setup.database.prisma.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).status).toBe("canceled");

    // A late copy of an older "updated" event arrives after the cancellation: Stripe's current state wins.
    expect(staleActive.status).toBe("active");
    expect((await send("customer.subscription.updated", staleActive)).body.outcome).toBe("applied");
    expect(await planOf(user.id)).toBe("free");
  });

  it("keeps the best plan while another subscription still runs", async () => {
    const { user, customer } = await customerUser("two-subs@example.com");
    const pro = setup.fake.state.createSubscription({ customer, price: TEST_PRICES.pro.id });
    const starter = setup.fake.state.createSubscription({ customer, price: TEST_PRICES.starter.id });
    await send("customer.subscription.created", pro);
    await send("customer.subscription.created", starter);
    expect(await planOf(user.id)).toBe("pro");
    await send("customer.subscription.deleted", setup.fake.state.updateSubscription(pro.id, { status: "canceled" }));
    expect(await planOf(user.id)).toBe("starter");
  });

  it("acknowledges event types it does not handle, and subscriptions to prices that are not ours, without changing a plan", async () => {
    const { user, customer } = await customerUser("ignored@example.com");
    expect(await send("invoice.paid", { id: "in_1", object: "invoice", customer })).toEqual({ status: 200, body: { received: true, outcome: "ignored" } });
    const foreign = setup.fake.state.createSubscription({ customer, price: "price_someone_elses" });
    expect((await send("customer.subscription.created", foreign)).status).toBe(200);
    expect(await planOf(user.id)).toBe("free");
    expect(await setup.database.prisma.subscription.count({ where: { id: foreign.id } })).toBe(0);
  });

  it("ignores subscriptions of customers it does not know", async () => {
    const subscription = setup.fake.state.createSubscription({ customer: "cus_test_stranger", price: TEST_PRICES.pro.id });
    expect(await send("customer.subscription.created", subscription)).toEqual({ status: 200, body: { received: true, outcome: "applied" } });
    expect(await setup.database.prisma.subscription.count({ where: { id: subscription.id } })).toBe(0);
  });

  it("answers 503 in the error shape when billing is not configured", async () => {
    const restore = applySettings(Object.fromEntries(Object.keys(stripeSettings(setup.fake.url)).map((name) => [name, ""])));
    try {
      const response = await send("customer.subscription.created", { id: "sub_x", object: "subscription" });
      expect(response).toMatchObject({ status: 503, body: { error: { type: "service_unavailable", code: "billing_not_configured" } } });
    } finally {
      restore();
    }
  });
});

async function fetchJson(base: string, path: string, form: Record<string, string>) {
  const response = await fetch(`${base}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${fakeStripeOptions().secretKey}`, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
  });
  return response.json();
}
