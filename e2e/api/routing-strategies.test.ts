import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { invalidate } from "@/lib/cache/invalidation";
import { listCredentials } from "@/lib/services/credentials/manage-credentials";
import { createManagementKey } from "@/lib/services/management-keys/create-management-key";
import { openPostgres } from "@/lib/db/open-postgres";
import { databaseTargets, dropSchema, uniqueSchemaUrl } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";
import { spawnApiProcess, type ApiProcess } from "@/test/support/spawn-api-process";

const KEYS = ["sk-openai-first", "sk-openai-second", "sk-openai-third"];

describe("routing over three credentials", () => {
  let gateway: Gateway;
  let mgmt: string;
  let userId: string;

  async function keyWith(strategy: string, user = "") {
    const response = await fetch(`${gateway.url}/api/v1/keys`, { method: "POST", headers: { authorization: `Bearer ${mgmt}`, "content-type": "application/json" }, body: JSON.stringify({ name: `${strategy}${user}`, strategy }) });
    return (await response.json()).key as string;
  }
  async function send(token: string, n: number, user?: string) {
    const from = gateway.fake.requests.length;
    for (let i = 0; i < n; i++) {
      const response = await fetch(`${gateway.url}/v1/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ model: "openai/gpt-4o", user, messages: [{ role: "user", content: "x" }] }) });
      expect(response.status).toBe(200);
    }
    const served = gateway.fake.requests.slice(from).filter((r) => r.status === 200 && r.path.endsWith("/chat/completions"));
    return Object.fromEntries(KEYS.map((k) => [k, served.filter((r) => r.credential === k).length]));
  }

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[0]);
    ({ userId } = await gateway.newUser("routing@example.com", KEYS.map((key) => ({ provider: "openai", key })), "enterprise"));
    mgmt = (await createManagementKey(userId)).key;
  });
  afterAll(() => gateway?.close());

  it("round-robin is exact, least-used balanced, random roughly even, failover ordered, latest newest", async () => {
    expect(await send(await keyWith("round-robin"), 30)).toEqual({ [KEYS[0]]: 10, [KEYS[1]]: 10, [KEYS[2]]: 10 });
    expect(await send(await keyWith("least-used"), 30)).toEqual({ [KEYS[0]]: 10, [KEYS[1]]: 10, [KEYS[2]]: 10 });
    const random = await send(await keyWith("random"), 60);
    for (const n of Object.values(random)) expect(n).toBeGreaterThanOrEqual(8);
    expect(await send(await keyWith("failover"), 5)).toEqual({ [KEYS[0]]: 5, [KEYS[1]]: 0, [KEYS[2]]: 0 });
    expect(await send(await keyWith("latest"), 5)).toEqual({ [KEYS[0]]: 0, [KEYS[1]]: 0, [KEYS[2]]: 5 });
  });

  it("keeps one conversation on one credential", async () => {
    const spread = await send(await keyWith("round-robin", "-sticky"), 9, "conversation-7");
    expect(Object.values(spread).sort()).toEqual([0, 0, 9]);
  });

  it("keeps answering when one credential is refused, marks it invalid with the provider's message", async () => {
    const prisma = await db();
    const first = await prisma.providerCredential.findFirstOrThrow({ where: { userId, priority: 0 } });
    gateway.fake.setFault({ mode: "status:401", match: { credential: KEYS[0] }, times: 1 });
    const token = await keyWith("failover", "-refused");
    expect(await send(token, 3)).toEqual({ [KEYS[0]]: 0, [KEYS[1]]: 3, [KEYS[2]]: 0 });
    const views = await listCredentials(userId);
    try {
      const refused = views.find((c) => c.id === first.id);
      expect(refused?.status).toBe("invalid");
      expect(refused?.lastError).toMatch(/^Incorrect API key provided: sk-ope\*+irst\./);
    } finally {
      await prisma.providerCredential.update({ where: { id: first.id }, data: { status: "active", lastError: null } });
      invalidate({ kind: "credentials", userId });
    }
  });

  it("cools a rate-limited credential down until its Retry-After, then uses it again", async () => {
    const token = await keyWith("failover", "-cooldown");
    gateway.fake.setFault({ mode: "status:429", match: { credential: KEYS[0] }, times: 1 });
    expect(await send(token, 2)).toEqual({ [KEYS[0]]: 0, [KEYS[1]]: 2, [KEYS[2]]: 0 });
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await send(token, 2)).toEqual({ [KEYS[0]]: 2, [KEYS[1]]: 0, [KEYS[2]]: 0 });
  });

  it("opens a short circuit after repeated server errors", async () => {
    const token = await keyWith("failover", "-circuit");
    gateway.fake.setFault({ mode: "status:500", match: { credential: KEYS[0] }, times: 3 });
    await send(token, 3);
    const after = await send(token, 4);
    expect(after[KEYS[0]]).toBe(0);
    expect(after[KEYS[1]]).toBe(4);
  });
});

describe("round-robin shared by two server processes through Redis", () => {
  it("stays exact across instances", async () => {
    const databaseUrl = uniqueSchemaUrl();
    const gateway = await startGateway({ name: "postgres", open: () => openPostgres(databaseUrl), cleanup: () => dropSchema(databaseUrl), processEnv: () => ({ DATABASE_URL: databaseUrl }) });
    const instances: ApiProcess[] = [];
    try {
      const { userId, token } = await gateway.newUser("two-instances@example.com", KEYS.map((key) => ({ provider: "openai", key })));
      await (await db()).user.update({ where: { id: userId }, data: { defaultStrategy: "round_robin" } });
      const env = { DATABASE_URL: databaseUrl, REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379" };
      instances.push(...(await Promise.all([spawnApiProcess(env), spawnApiProcess(env)])));
      const from = gateway.fake.requests.length;
      for (let i = 0; i < 30; i++) {
        const response = await fetch(`${instances[i % 2].url}/v1/chat/completions`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ model: "openai/gpt-4o", messages: [{ role: "user", content: "x" }] }),
        });
        expect(response.status, await response.clone().text()).toBe(200);
      }
      const served = gateway.fake.requests.slice(from);
      expect(KEYS.map((k) => served.filter((r) => r.credential === k).length)).toEqual([10, 10, 10]);
    } finally {
      await Promise.all(instances.map((i) => i.stop()));
      await gateway.close();
    }
  }, 90_000);
});
