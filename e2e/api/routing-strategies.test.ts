import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { credentialState } from "@/lib/services/credentials/credential-state";
import { listCredentials } from "@/lib/services/credentials/manage-credentials";
import { createManagementKey } from "@/lib/services/management-keys/create-management-key";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

interface Account {
  userId: string;
  mgmt: string;
  /** Its three OpenAI keys, in the order added (the first is first in the failover order). */
  keys: string[];
}

// Each test has an account and keys of its own: a refusal, a cool-down or an open circuit stays in it.
describe("routing over three credentials", () => {
  let gateway: Gateway;

  async function account(name: string): Promise<Account> {
    const keys = ["first", "second", "third"].map((n) => `sk-openai-${name}-${n}`);
    const { userId } = await gateway.newUser(`routing-${name}@example.com`, keys.map((key) => ({ provider: "openai", key })), "enterprise");
    return { userId, keys, mgmt: (await createManagementKey(userId)).key };
  }
  async function keyWith(owner: Account, strategy: string) {
    const response = await fetch(`${gateway.url}/api/v1/keys`, { method: "POST", headers: { authorization: `Bearer ${owner.mgmt}`, "content-type": "application/json" }, body: JSON.stringify({ name: strategy, strategy }) });
    return (await response.json()).key as string;
  }
  /** Sends n requests; how many each of the account's keys served. */
  async function send(owner: Account, token: string, n: number, user?: string) {
    const from = gateway.fake.requests.length;
    for (let i = 0; i < n; i++) {
      const response = await fetch(`${gateway.url}/v1/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ model: "openai/gpt-4o", user, messages: [{ role: "user", content: "x" }] }) });
      expect(response.status).toBe(200);
    }
    const served = gateway.fake.requests.slice(from).filter((r) => r.status === 200 && r.path.endsWith("/chat/completions"));
    return owner.keys.map((k) => served.filter((r) => r.credential === k).length);
  }

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[0]);
  });
  afterAll(() => gateway?.close());

  it("round-robin is exact, least-used balanced, random roughly even, failover ordered, latest newest", async () => {
    const owner = await account("strategies");
    expect(await send(owner, await keyWith(owner, "round-robin"), 30)).toEqual([10, 10, 10]);
    expect(await send(owner, await keyWith(owner, "least-used"), 30)).toEqual([10, 10, 10]);
    const random = await send(owner, await keyWith(owner, "random"), 60);
    for (const n of random) expect(n).toBeGreaterThanOrEqual(8);
    expect(await send(owner, await keyWith(owner, "failover"), 5)).toEqual([5, 0, 0]);
    expect(await send(owner, await keyWith(owner, "latest"), 5)).toEqual([0, 0, 5]);
  });

  it("keeps one conversation on one credential", async () => {
    const owner = await account("sticky");
    const spread = await send(owner, await keyWith(owner, "round-robin"), 9, "conversation-7");
    expect(spread.sort()).toEqual([0, 0, 9]);
  });

  it("keeps answering when one credential is refused, marks it invalid with the provider's message", async () => {
    const owner = await account("refused");
    gateway.fake.setFault({ mode: "status:401", match: { credential: owner.keys[0] }, times: 1 });
    expect(await send(owner, await keyWith(owner, "failover"), 3)).toEqual([0, 3, 0]);
    // Marked off the response path.
    const first = async () => (await listCredentials(owner.userId)).find((c) => c.priority === 0)!;
    await expect.poll(async () => (await first()).status, { timeout: 10_000 }).toBe("invalid");
    expect((await first()).lastError).toMatch(/^Incorrect API key provided: sk-ope\*+irst\./);
  });

  it("cools a rate-limited credential down until its Retry-After, then uses it again", async () => {
    const owner = await account("cooldown");
    const token = await keyWith(owner, "failover");
    const limitedAt = Date.now();
    gateway.fake.setFault({ mode: "status:429", match: { credential: owner.keys[0] }, times: 1 });
    expect(await send(owner, token, 2)).toEqual([0, 2, 0]);
    // The fake's 429 says Retry-After: 1 (seconds); the cool-down is recorded off the response path.
    const first = async () => (await listCredentials(owner.userId)).find((c) => c.priority === 0)!;
    await expect.poll(async () => (await first()).cooldownUntil?.getTime() ?? 0, { timeout: 10_000 }).toBeGreaterThan(limitedAt);
    const until = (await first()).cooldownUntil!.getTime();
    expect(until - limitedAt).toBeGreaterThanOrEqual(1_000);
    expect(until - Date.now()).toBeLessThanOrEqual(1_000);
    // Wait for the state to change (Providers' badge goes from cooling to active), not a fixed time.
    await expect.poll(async () => credentialState(await first()).badge, { timeout: 15_000, interval: 50 }).toBe("active");
    expect(await send(owner, token, 2)).toEqual([2, 0, 0]);
  });

  it("opens a short circuit after repeated server errors", async () => {
    const owner = await account("circuit");
    const token = await keyWith(owner, "failover");
    gateway.fake.setFault({ mode: "status:500", match: { credential: owner.keys[0] }, times: 3 });
    await send(owner, token, 3);
    expect(await send(owner, token, 4)).toEqual([0, 4, 0]);
  });
});
