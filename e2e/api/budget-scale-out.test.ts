import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManagementKey } from "@/lib/services/management-keys/create-management-key";
import { postgresTarget, uniqueSchemaUrl } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";
import { chatOn, createKeyOn, spawnApiProcess, type ApiProcess } from "@/test/support/spawn-api-process";

// Two instances sharing one PostgreSQL and no Redis: a key's spend is counted in the database.
describe("a dollar budget across two instances on PostgreSQL", () => {
  const databaseUrl = uniqueSchemaUrl();
  let gateway: Gateway;
  let instances: ApiProcess[] = [];
  let mgmt: string;

  const chat = (instance: ApiProcess, token: string) => chatOn(instance, token, "the same question every time");
  const createKey = (body: Record<string, unknown>) => createKeyOn(instances[0], mgmt, body);

  beforeAll(async () => {
    gateway = await startGateway(postgresTarget(databaseUrl));
    const { userId } = await gateway.newUser("budget-instances@example.com", [{ provider: "openai", key: "sk-openai-budget" }], "enterprise");
    mgmt = (await createManagementKey(userId)).key;
    const env = { DATABASE_URL: databaseUrl, REDIS_URL: "" };
    instances = await Promise.all([spawnApiProcess(env), spawnApiProcess(env)]);
  }, 90_000);
  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    await gateway?.close();
  });

  it("admits requests while the recorded spend is under the budget, then refuses on both instances, counting each cost once", async () => {
    const probe = await createKey({ name: "price probe" });
    const costMicros = Math.round(((await (await chat(instances[0], probe.key)).json()).usage.cost as number) * 1e6);
    expect(costMicros).toBeGreaterThan(0);
    // Room for two and a half requests: the third starts under the budget and takes the spend past it.
    const budgetUsd = Math.round(costMicros * 2.5) / 1e6;
    const { key } = await createKey({ name: "budgeted", limit_usd: budgetUsd, limit_usd_reset: "monthly" });

    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await chat(instances[i % 2], key)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);

    const refused = await chat(instances[1], key);
    const body = await refused.json();
    expect(body.error).toMatchObject({ type: "rate_limit_error", code: "budget_exceeded", metadata: { limit_usd: budgetUsd } });
    expect(body.error.message).toContain(`budget of $${budgetUsd.toFixed(6).replace(/0+$/, "")} per month is spent ($${(3 * costMicros / 1e6).toFixed(6).replace(/0+$/, "")} used); it resets at`);
    const info = (await (await fetch(`${instances[0].url}/api/v1/key`, { headers: { authorization: `Bearer ${key}` } })).json()).data;
    expect(info).toMatchObject({ limit_usd: budgetUsd, limit_usd_remaining: 0 });
  });
});
