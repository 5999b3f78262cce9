import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { authenticateApiToken } from "@/lib/auth/api-token";
import { requireBillingConfig } from "@/lib/billing/billing-config";
import { ensureCustomer } from "@/lib/billing/customer";
import { createKey } from "@/lib/services/api-keys/manage-keys";
import { addCredential } from "@/lib/services/credentials/add-credential";
import { createManagementKey } from "@/lib/services/management-keys/create-management-key";
import { databaseTargets, type DatabaseTarget } from "@/test/support/databases";
import { useDatabaseAndFakeStripe } from "@/test/support/database-and-fake-stripe";
import { applySettings, TEST_PRICES } from "@/test/support/stripe-env";
import { changeEmail } from "./change-email";
import { changePassword } from "./change-password";
import { createUser } from "./create-user";
import { deleteAccount } from "./delete-account";
import { verifyCredentials } from "./verify-credentials";

const PASSWORD = "password-123";
const bearer = (token: string) => new Request("http://localhost/v1/models", { headers: { authorization: `Bearer ${token}` } });

describe.each(databaseTargets())("account settings on $name", (target: DatabaseTarget) => {
  const setup = useDatabaseAndFakeStripe(target);

  const newUser = async (email: string) => createUser({ email, password: PASSWORD });

  it("changes the email only with the current password, never to one already taken, and tells Stripe", async () => {
    const { user } = await newUser("old-address@example.com");
    await newUser("taken@example.com");
    const customer = await ensureCustomer(requireBillingConfig(), user.id);

    await expect(changeEmail(user.id, { email: "new-address@example.com", currentPassword: "wrong-password" })).rejects.toMatchObject({ status: 400, param: "currentPassword" });
    await expect(changeEmail(user.id, { email: "TAKEN@example.com", currentPassword: PASSWORD })).rejects.toMatchObject({ status: 409, param: "email" });
    await expect(changeEmail(user.id, { email: "not an email", currentPassword: PASSWORD })).rejects.toThrow(/must be a valid email/);
    expect((await setup.database.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe("old-address@example.com");

    expect(await changeEmail(user.id, { email: " New-Address@Example.com ", currentPassword: PASSWORD })).toBe("new-address@example.com");
    expect(await verifyCredentials("new-address@example.com", PASSWORD)).not.toBeNull();
    expect(await verifyCredentials("old-address@example.com", PASSWORD)).toBeNull();
    expect(setup.fake.state.customers.get(customer)?.email).toBe("new-address@example.com");
  });

  it("changes the password only with the current one and signs other sessions out", async () => {
    const { user } = await newUser("rotate@example.com");
    await expect(changePassword(user.id, { currentPassword: "wrong-password", newPassword: "a brand new password" })).rejects.toMatchObject({ status: 400, param: "currentPassword" });
    await expect(changePassword(user.id, { currentPassword: PASSWORD, newPassword: "short" })).rejects.toThrow(/at least 8/);
    await changePassword(user.id, { currentPassword: PASSWORD, newPassword: "a brand new password" });
    const after = await setup.database.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await verifyCredentials("rotate@example.com", PASSWORD)).toBeNull();
    expect(await verifyCredentials("rotate@example.com", "a brand new password")).not.toBeNull();
  });

  it("limits guesses at the current password", async () => {
    const { user } = await newUser("guesser@example.com");
    for (let i = 0; i < 10; i++) await expect(changePassword(user.id, { currentPassword: `guess-${i}`, newPassword: "whatever-123" })).rejects.toMatchObject({ status: 400 });
    await expect(changePassword(user.id, { currentPassword: PASSWORD, newPassword: "whatever-123" })).rejects.toMatchObject({ status: 429 });
  });

  it("deletes an account only when its email is typed, with everything it owns, and cancels its subscription", async () => {
    const { user, token } = await newUser("leaving@example.com");
    const { user: neighbour, token: neighbourToken } = await newUser("staying@example.com");
    const { key: extraToken } = await createKey(user.id, { name: "ci", limit: 5, limit_reset: "daily" });
    await createManagementKey(user.id);
    await addCredential(user.id, { provider: "openai", secret: "sk-proj-leaving-0000" });
    await addCredential(neighbour.id, { provider: "openai", secret: "sk-proj-staying-1111" });
    const tokenIds = (await setup.database.prisma.apiToken.findMany({ where: { userId: user.id } })).map((t) => t.id);
    await setup.database.prisma.usageEvent.create({ data: { id: `gen-${randomUUID()}`, userId: user.id, endpoint: "/v1/chat/completions", modelRequested: "gpt-4o", status: 200 } });
    await setup.database.prisma.quotaCounter.createMany({ data: [`user:${user.id}:2026-01`, `token:${tokenIds[0]}:all`, `user:${neighbour.id}:2026-01`].map((key) => ({ key, used: 3 })) });
    const customer = await ensureCustomer(requireBillingConfig(), user.id);
    const subscription = setup.fake.state.createSubscription({ customer, price: TEST_PRICES.pro.id });
    expect((await authenticateApiToken(bearer(token))).userId).toBe(user.id);

    await expect(deleteAccount(user.id, "staying@example.com")).rejects.toMatchObject({ status: 400, param: "confirmEmail" });
    expect(await setup.database.prisma.user.count({ where: { id: user.id } })).toBe(1);
    expect(setup.fake.state.subscriptions.get(subscription.id)?.status).toBe("active");

    await deleteAccount(user.id, " Leaving@Example.com ");
    expect(setup.fake.state.subscriptions.get(subscription.id)?.status).toBe("canceled");
    const where = { userId: user.id };
    const left = await Promise.all([
      setup.database.prisma.user.count({ where: { id: user.id } }),
      setup.database.prisma.apiToken.count({ where }),
      setup.database.prisma.managementKey.count({ where }),
      setup.database.prisma.providerCredential.count({ where }),
      setup.database.prisma.usageEvent.count({ where }),
      setup.database.prisma.quotaCounter.count({ where: { OR: [{ key: { contains: user.id } }, { key: { contains: tokenIds[0] } }] } }),
    ]);
    expect(left).toEqual([0, 0, 0, 0, 0, 0]);
    for (const gone of [token, extraToken]) await expect(authenticateApiToken(bearer(gone))).rejects.toMatchObject({ status: 401 });
    expect(await verifyCredentials("leaving@example.com", PASSWORD)).toBeNull();

    expect((await authenticateApiToken(bearer(neighbourToken))).userId).toBe(neighbour.id);
    expect(await setup.database.prisma.providerCredential.count({ where: { userId: neighbour.id } })).toBe(1);
    expect(await setup.database.prisma.quotaCounter.count({ where: { key: `user:${neighbour.id}:2026-01` } })).toBe(1);
  });

  it("keeps the account when Stripe cannot cancel its subscription", async () => {
    const { user } = await newUser("stuck@example.com");
    await ensureCustomer(requireBillingConfig(), user.id);
    const unreachable = applySettings({ STRIPE_API_BASE_URL: "http://127.0.0.1:9" });
    try {
      await expect(deleteAccount(user.id, "stuck@example.com")).rejects.toMatchObject({ status: 502 });
    } finally {
      unreachable();
    }
    expect(await setup.database.prisma.user.count({ where: { id: user.id } })).toBe(1);
  });
});
