import { describe, expect, it } from "vitest";
import type { RoutingStrategy } from "@/lib/db/generated/enums";
import { LocalRoutingState } from "./routing-state";
import { orderCredentials } from "./strategies";
import type { UsableCredential } from "./user-credentials";

const credential = (id: string, priority: number, createdAt: number): UsableCredential => ({
  id, provider: "openai", label: id, kind: "api_key", secret: `sk-${id}`, baseUrl: null, accountId: null, priority, createdAt, cooldownUntil: 0,
});
const pool = [credential("a", 0, 1_000), credential("b", 1, 3_000), credential("c", 2, 2_000)];

async function firstPicks(strategy: RoutingStrategy, n: number, state = new LocalRoutingState(), random?: () => number) {
  const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
  for (let i = 0; i < n; i++) {
    const [first] = await orderCredentials(pool, { strategy, scope: "u:openai", state, random });
    counts[first.id] += 1;
    state.recordUse(first.id);
  }
  return counts;
}

describe("routing strategies", () => {
  it("latest picks the most recently added credential, then the next newest", async () => {
    const order = await orderCredentials(pool, { strategy: "latest", scope: "s", state: new LocalRoutingState() });
    expect(order.map((c) => c.id)).toEqual(["b", "c", "a"]);
  });

  it("failover keeps the user's order", async () => {
    const order = await orderCredentials(pool, { strategy: "failover", scope: "s", state: new LocalRoutingState() });
    expect(order.map((c) => c.id)).toEqual(["a", "b", "c"]);
  });

  it("round-robin is exact: 300 requests give 100 each, in turn", async () => {
    expect(await firstPicks("round_robin", 300)).toEqual({ a: 100, b: 100, c: 100 });
  });

  it("least-used balances by requests in the window", async () => {
    expect(await firstPicks("least_used", 300)).toEqual({ a: 100, b: 100, c: 100 });
  });

  it("random spreads roughly evenly", async () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const counts = await firstPicks("random", 3_000, new LocalRoutingState(), random);
    for (const n of Object.values(counts)) expect(n).toBeGreaterThan(850);
  });

  it("keeps one conversation on one credential through its affinity key", async () => {
    const state = new LocalRoutingState();
    const picks = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const [first] = await orderCredentials(pool, { strategy: "round_robin", scope: "s", state, affinityKey: "user-42" });
      picks.add(first.id);
    }
    expect(picks.size).toBe(1);
  });
});
