import { describe, expect, it } from "vitest";
import { batchedIncrements } from "./batched-increments";

/** A counter in memory that answers after a tick, like a statement on the wire. */
function memoryCounter() {
  const used = new Map<string, number>();
  const statements: string[][] = [];
  const takeMany = async (key: string, limit: number, requestIds: string[]) => {
    statements.push(requestIds);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const taken = Math.min(requestIds.length, Math.max(limit - (used.get(key) ?? 0), 0));
    used.set(key, (used.get(key) ?? 0) + taken);
    return taken;
  };
  return { used, statements, takeMany };
}

describe("batched increments", () => {
  it("sends the first request at once and the ones that arrive meanwhile together, admitting in arrival order", async () => {
    const counter = memoryCounter();
    const take = batchedIncrements(counter.takeMany);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => take("k", 4, `r${i}`)));
    expect(counter.statements).toEqual([["r0"], ["r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9"]]);
    expect(results).toEqual([true, true, true, true, false, false, false, false, false, false]);
    expect(counter.used.get("k")).toBe(4);
  });

  it("keeps counters apart, and a failed statement fails only the requests it carried", async () => {
    const counter = memoryCounter();
    let failNext = true;
    const take = batchedIncrements(async (key, limit, ids) => {
      if (key === "broken" && failNext) {
        failNext = false;
        throw new Error("connection lost");
      }
      return counter.takeMany(key, limit, ids);
    });
    const [broken, healthy] = await Promise.allSettled([take("broken", 5, "a"), take("fine", 5, "b")]);
    expect(broken).toMatchObject({ status: "rejected", reason: { message: "connection lost" } });
    expect(healthy).toEqual({ status: "fulfilled", value: true });
    await expect(take("broken", 5, "c")).resolves.toBe(true);
  });
});
