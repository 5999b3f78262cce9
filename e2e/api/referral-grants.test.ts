import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser } from "@/lib/services/users/create-user";
import { createApiToken } from "@/lib/services/tokens/create-api-token";
import { addCredential } from "@/lib/services/credentials/add-credential";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

// Issue 17 item 8: sign-ups alone (no email verification) must not earn anything.
describe("referral bonuses wait for the referred account's first successful request", () => {
  let gateway: Gateway;

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[1]);
  });
  afterAll(() => gateway?.close());

  const bonus = async (userId: string) => (await (await db()).user.findUniqueOrThrow({ where: { id: userId } })).bonusMessages;
  const keyInfo = async (token: string) => (await (await fetch(`${gateway.url}/api/v1/auth/key`, { headers: { authorization: `Bearer ${token}` } })).json()).data.messages;

  async function friendOf(code: string, email: string) {
    const { user, token } = await createUser({ email, password: "password-123", referralCode: code });
    return { userId: user.id, token };
  }

  it("throwaway sign-ups earn nothing; a failed request neither; the first success grants both sides once", async () => {
    const { user: referrer } = await createUser({ email: "farmer@example.com", password: "password-123" });
    const throwaways = await Promise.all(Array.from({ length: 5 }, (_, i) => friendOf(referrer.referralCode, `throwaway-${i}@example.com`)));
    // Their tokens work (key info, the models list) without anything being granted.
    for (const { token } of throwaways) expect(await keyInfo(token)).toMatchObject({ bonus: 0 });
    expect(await bonus(referrer.id)).toBe(0);

    const friend = throwaways[0];
    const client = new OpenAI({ apiKey: friend.token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    // No provider yet (503), then an upstream failure (502): neither is a use of the product.
    await expect(client.chat.completions.create({ model: "openai/gpt-4o", messages: [{ role: "user", content: "hi" }] })).rejects.toMatchObject({ status: 503 });
    await addCredential(friend.userId, { provider: "openai", secret: "sk-referred-friend" });
    await expect(client.chat.completions.create({ model: "openai/gpt-4o--fault-status-500", messages: [{ role: "user", content: "hi" }] })).rejects.toMatchObject({ status: 502 });
    expect(await bonus(referrer.id)).toBe(0);

    await client.chat.completions.create({ model: "openai/gpt-4o", messages: [{ role: "user", content: "a real request" }] });
    await expect.poll(() => bonus(referrer.id)).toBe(50);
    expect(await bonus(friend.userId)).toBe(50);
    // The friend's limit grows at once (the cached token is refreshed), and the next requests grant nothing more.
    await expect.poll(() => keyInfo(friend.token)).toMatchObject({ bonus: 50 });
    const stream = await client.chat.completions.create({ model: "openai/gpt-4o", stream: true, messages: [{ role: "user", content: "again" }] });
    for await (const chunk of stream) void chunk;
    await client.embeddings.create({ model: "openai/text-embedding-3-small", input: "again" });
    expect([await bonus(referrer.id), await bonus(friend.userId)]).toEqual([50, 50]);
    for (const other of throwaways.slice(1)) expect(await bonus(other.userId)).toBe(0);
    const referrals = await (await db()).referral.findMany({ where: { referrerId: referrer.id } });
    expect(referrals.filter((r) => r.grantedAt)).toHaveLength(1);
  });

  it("an embeddings request counts as a first use as well, for a second token of the account", async () => {
    const { user: referrer } = await createUser({ email: "embedder-referrer@example.com", password: "password-123" });
    const friend = await friendOf(referrer.referralCode, "embedder@example.com");
    await addCredential(friend.userId, { provider: "openai", secret: "sk-referred-embedder" });
    const { token } = await createApiToken(await db(), friend.userId, { name: "second" });
    const client = new OpenAI({ apiKey: token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    await client.embeddings.create({ model: "openai/text-embedding-3-small", input: "hello" });
    await expect.poll(() => bonus(referrer.id)).toBe(50);
  });
});
