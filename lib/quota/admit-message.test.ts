import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Caller } from "@/lib/auth/api-token";
import { createUser } from "@/lib/services/users/create-user";
import { databaseTargets, type DatabaseTarget } from "@/test/support/databases";
import { useInstalledDatabase } from "@/test/support/installed-database";
import { admitMessage, userMonthKey } from "./admit-message";
import { createPostgresCounters, postgresCounters, redisCounters, type CounterStore } from "./counter-store";
import { leasedCounters } from "./leased-counters";
import { postgresLeaseStatements, type LeaseStatements } from "./lease-statements";
import { tokenWindow } from "./periods";

const lostConnection = () => Object.assign(new Error("Connection terminated unexpectedly"), { code: "ECONNRESET" });

/**
 * The real store, but the answer to the next `increments` increments is lost after they counted, and
 * the next `refunds` refunds fail before running. `refunded` lists the keys of this store's refunds that ran.
 */
function flakyStore(store: CounterStore, faults: { increments?: number; refunds?: number }): CounterStore & { refundsFailed: number; refunded: string[] } {
  const flaky = {
    ...store,
    refundsFailed: 0,
    refunded: [] as string[],
    async tryIncrement(key: string, limit: number, requestId: string) {
      const taken = await store.tryIncrement(key, limit, requestId);
      if (faults.increments && faults.increments-- > 0) throw lostConnection();
      return taken;
    },
    async refund(key: string, requestId: string) {
      if (faults.refunds && faults.refunds-- > 0) {
        flaky.refundsFailed += 1;
        throw lostConnection();
      }
      await store.refund(key, requestId);
      flaky.refunded.push(key);
    },
  };
  return flaky;
}

// Refund retries start at 1 s (refund-queue); lease give-backs after an idle sweep.
async function until(check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function callerFor(email: string, overrides: Partial<Caller> = {}): Promise<Caller> {
  const { user } = await createUser({ email, password: "password-123" });
  return {
    tokenId: `tok-${user.id}`,
    tokenName: "Default",
    userId: user.id,
    plan: user.plan,
    bonusMessages: 0,
    allowedProviders: [],
    strategy: "latest",
    limit: null,
    limitReset: "never",
    limitUsd: null,
    limitUsdReset: "monthly",
    ...overrides,
  };
}

/** Counts the statements that take messages. */
function countingStatements(statements: LeaseStatements): LeaseStatements & { takes: number } {
  const counted = { ...statements, takes: 0 };
  counted.take = (...args) => {
    counted.takes += 1;
    return statements.take(...args);
  };
  return counted;
}

describe.each(databaseTargets())("message limits on $name", (target: DatabaseTarget) => {
  const setup = useInstalledDatabase(target);
  /** The counter as stored, leases included. */
  const storedUsed = async (key: string) => (await setup.database.prisma.quotaCounter.findUnique({ where: { key } }))?.used ?? 0;
  const ticketMessages = async (key: string) => (await setup.database.prisma.quotaTicket.aggregate({ where: { key }, _sum: { messages: true } }))._sum.messages ?? 0;

  it("admits exactly the messages left when 100 requests arrive at once", async () => {
    const caller = await callerFor("burst@example.com");
    const now = new Date("2026-11-15T12:00:00Z");
    await setup.database.prisma.quotaCounter.create({ data: { key: userMonthKey(caller.userId, now), used: 60 } });
    const results = await Promise.allSettled(Array.from({ length: 100 }, () => admitMessage(caller, randomUUID(), now)));
    const admitted = results.filter((r) => r.status === "fulfilled").length;
    expect(admitted).toBe(40);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ status: 429, type: "rate_limit_error" });
    expect(rejected.reason.message).toMatch(/Monthly message limit of 100 .* resets at 2026-12-01T00:00:00.000Z/);
    expect(await postgresCounters.read(userMonthKey(caller.userId, now))).toBe(100);
  });

  it("stays exact when eight instances, each batching its own requests, take from one counter at once", async () => {
    const caller = await callerFor("instances@example.com", { limit: 20, limitReset: "never" });
    const key = `token:${caller.tokenId}:all`;
    await setup.database.prisma.quotaCounter.create({ data: { key, used: 0 } });
    const instances = Array.from({ length: 8 }, () => createPostgresCounters());
    const now = new Date("2026-11-16T12:00:00Z");
    // Each instance sends its first request alone, then the rest of its share in one statement.
    const results = await Promise.allSettled(Array.from({ length: 400 }, (_, i) => admitMessage(caller, randomUUID(), now, instances[i % 8])));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(20);
    expect(new Set(results.map((r) => (r.status === "rejected" ? r.reason.status : 200)))).toEqual(new Set([200, 429]));
    expect(await postgresCounters.read(key)).toBe(20);
    expect(await ticketMessages(key)).toBe(20);
  });

  it("takes exactly what fits when several statements for one counter run at once", async () => {
    const key = `token:batches-${randomUUID()}:all`;
    await setup.database.prisma.quotaCounter.create({ data: { key, used: 0 } });
    const statements = postgresLeaseStatements();
    const leaseIds = Array.from({ length: 8 }, () => randomUUID());
    const taken = await Promise.all(leaseIds.map((id) => statements.take(key, 25, 10, id)));
    expect(taken.reduce((sum, n) => sum + n, 0)).toBe(25);
    expect(await storedUsed(key)).toBe(25);
    // Each statement's ticket holds what it took; one that took nothing left none.
    const tickets = await setup.database.prisma.quotaTicket.findMany({ where: { key } });
    expect(Object.fromEntries(tickets.map((t) => [t.requestId, t.messages]))).toEqual(
      Object.fromEntries(leaseIds.map((id, i) => [id, taken[i]]).filter(([, n]) => n)),
    );
  });

  it("takes a share ahead when plenty is left, serves the next requests from memory, and gives back the rest once idle", async () => {
    const caller = await callerFor("lease@example.com", { plan: "enterprise", limit: 1_000_000, limitReset: "monthly" });
    const now = new Date("2026-11-17T12:00:00Z");
    const key = `token:${caller.tokenId}:${tokenWindow("monthly", now).key}`;
    const statements = countingStatements(postgresLeaseStatements());
    const store = leasedCounters(statements, { idleMs: 100 });
    const ids: string[] = [];
    for (let i = 0; i < 250; i++) {
      ids.push(randomUUID());
      await admitMessage(caller, ids[i], now, store);
    }
    expect(statements.takes).toBe(3);
    // Documented: a lease takes up to 100 messages.
    expect(await storedUsed(key)).toBe(300);
    expect(await store.read(key)).toBe(250);
    // Idle: the 50 never handed out go back; the ticket holds the 250 still running.
    await until(async () => (await storedUsed(key)) === 250);
    expect(await ticketMessages(key)).toBe(250);
    await store.settle(ids);
    await until(async () => (await setup.database.prisma.quotaTicket.count({ where: { key } })) === 0);
    expect(await storedUsed(key)).toBe(250);
    expect(await store.read(key)).toBe(250);
  });

  it("hands a refunded message to the next request, and gives back everything at shutdown", async () => {
    const caller = await callerFor("lease-refund@example.com", { plan: "enterprise", limit: 1_000_000, limitReset: "never" });
    const key = `token:${caller.tokenId}:all`;
    const statements = countingStatements(postgresLeaseStatements());
    const store = leasedCounters(statements, { idleMs: 60_000 });
    const first = await admitMessage(caller, randomUUID(), new Date(), store);
    await first.refund();
    expect(await store.read(key)).toBe(0);
    const kept = randomUUID();
    await admitMessage(caller, kept, new Date(), store);
    expect(statements.takes).toBe(1);
    await store.settle([kept]);
    await store.release!();
    expect(await storedUsed(key)).toBe(1);
    expect(await ticketMessages(key)).toBe(0);
  });

  it("sizes a lease by what is left: a share when plenty is, exactly what is asked when little is", async () => {
    const statements = postgresLeaseStatements();
    const takeWithLeft = async (left: number, wanted: number) => {
      const key = `token:size-${randomUUID()}:all`;
      await setup.database.prisma.quotaCounter.create({ data: { key, used: 10 } });
      return statements.take(key, 10 + left, wanted, randomUUID());
    };
    // Documented (README, several instances): up to 100, at most 1 % of what is left, exactly one
    // per request once fewer than 1,000 are left.
    expect(await takeWithLeft(1_000_000, 1)).toBe(100);
    expect(await takeWithLeft(5_000, 1)).toBe(50);
    expect(await takeWithLeft(1_000, 1)).toBe(10);
    expect(await takeWithLeft(999, 1)).toBe(1);
    expect(await takeWithLeft(999, 7)).toBe(7);
    expect(await takeWithLeft(1_000_000, 500)).toBe(500);
    expect(await takeWithLeft(3, 5)).toBe(3);
  });

  it("gives back each message once when give-backs of one lease race each other", async () => {
    const key = `token:race-${randomUUID()}:all`;
    const statements = postgresLeaseStatements();
    const lease = randomUUID();
    expect(await statements.take(key, 1_000, 100, lease)).toBe(100);
    // Refunds on a spent lease each send a give-back down to what is still held; they can cross on the wire.
    const keeps = [90, 80, 70, 60, 50, 40, 30, 20, 10];
    await Promise.all([...keeps.map((keep) => statements.trim(key, lease, keep)), statements.drop(key, lease, 5)]);
    expect(await storedUsed(key)).toBe(5);
    expect(await ticketMessages(key)).toBe(0);
  });

  it("never admits past a limit when instances hold leases, and a refund after the limit goes back to every instance", async () => {
    const limit = 5_000;
    const caller = await callerFor("lease-edge@example.com", { plan: "enterprise", limit, limitReset: "never" });
    const key = `token:${caller.tokenId}:all`;
    const instances = Array.from({ length: 4 }, () => leasedCounters(postgresLeaseStatements(), { idleMs: 60_000 }));
    const results = await Promise.allSettled(Array.from({ length: limit + 200 }, (_, i) => admitMessage(caller, randomUUID(), new Date(), instances[i % 4])));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(limit);
    expect(await storedUsed(key)).toBe(limit);
    const admittedOnFirst = results.findIndex((r, i) => r.status === "fulfilled" && i % 4 === 0);
    await (results[admittedOnFirst] as PromiseFulfilledResult<{ refund(): Promise<void> }>).value.refund();
    await until(async () => (await storedUsed(key)) === limit - 1);
    await expect(admitMessage(caller, randomUUID(), new Date(), instances[1])).resolves.toBeDefined();
  });

  it("gives back a lease whose answer was lost after it counted", async () => {
    const caller = await callerFor("lease-lost@example.com", { plan: "enterprise", limit: 1_000_000, limitReset: "never" });
    const key = `token:${caller.tokenId}:all`;
    const real = postgresLeaseStatements();
    let lose = 1;
    let dropped = 0;
    const store = leasedCounters({
      ...real,
      async take(...args) {
        const taken = await real.take(...args);
        if (lose-- > 0) throw lostConnection();
        return taken;
      },
      async drop(...args) {
        await real.drop(...args);
        dropped += 1;
      },
    });
    await expect(admitMessage(caller, randomUUID(), new Date(), store)).rejects.toMatchObject({ status: 503 });
    await until(async () => dropped === 1);
    expect([await storedUsed(key), await ticketMessages(key)]).toEqual([0, 0]);
  });

  it("gives a refunded message back and starts afresh on the 1st at 00:00 UTC", async () => {
    const caller = await callerFor("refund@example.com", { bonusMessages: 2 });
    const lastSecond = new Date("2026-11-30T23:59:59Z");
    const tickets = [];
    for (let i = 0; i < 102; i++) tickets.push(await admitMessage(caller, randomUUID(), lastSecond));
    await expect(admitMessage(caller, randomUUID(), lastSecond)).rejects.toMatchObject({ status: 429 });
    await tickets[0].refund();
    await expect(admitMessage(caller, randomUUID(), lastSecond)).resolves.toBeDefined();
    await expect(admitMessage(caller, randomUUID(), new Date("2026-12-01T00:00:00Z"))).resolves.toBeDefined();
    expect(await postgresCounters.read(userMonthKey(caller.userId, new Date("2026-12-01T00:00:00Z")))).toBe(1);
  });

  it("holds a token's own daily limit and leaves the plan's count untouched when it refuses", async () => {
    const caller = await callerFor("token-limit@example.com", { limit: 3, limitReset: "daily" });
    const day = new Date("2026-11-20T10:00:00Z");
    for (let i = 0; i < 3; i++) await admitMessage(caller, randomUUID(), day);
    await expect(admitMessage(caller, randomUUID(), day)).rejects.toThrow(/token's limit of 3 messages .* resets at 2026-11-21T00:00:00.000Z/);
    expect(await postgresCounters.read(userMonthKey(caller.userId, day))).toBe(3);
    await expect(admitMessage(caller, randomUUID(), new Date("2026-11-21T00:00:01Z"))).resolves.toBeDefined();
  });

  it("gives a message back exactly once, however often the refund runs, and never one it did not take", async () => {
    const caller = await callerFor("refund-once@example.com");
    const now = new Date("2026-10-10T10:00:00Z");
    const key = userMonthKey(caller.userId, now);
    const kept = randomUUID();
    const returned = randomUUID();
    await admitMessage(caller, kept, now);
    const ticket = await admitMessage(caller, returned, now);
    expect(await postgresCounters.read(key)).toBe(2);
    await ticket.refund();
    await ticket.refund();
    await postgresCounters.refund(key, returned);
    await postgresCounters.refund(key, randomUUID());
    expect(await postgresCounters.read(key)).toBe(1);
    await postgresCounters.settle([kept]);
    await postgresCounters.refund(key, kept);
    expect(await postgresCounters.read(key)).toBe(1);
  });

  it("gives back a message whose admission counted but whose answer was lost, and retries refunds until the store is back", async () => {
    const caller = await callerFor("lost-answer@example.com", { limit: 10, limitReset: "monthly" });
    const now = new Date("2026-10-11T10:00:00Z");
    const key = userMonthKey(caller.userId, now);
    const tokenKey = `token:${caller.tokenId}:${tokenWindow("monthly", now).key}`;
    const read = async () => [await postgresCounters.read(tokenKey), await postgresCounters.read(key)];
    // The token's counter takes the message, then its answer is lost: the request is refused and the message given back.
    const losing = flakyStore(postgresCounters, { increments: 1 });
    await expect(admitMessage(caller, randomUUID(), now, losing)).rejects.toMatchObject({ status: 503, type: "service_unavailable" });
    await until(async () => losing.refunded.includes(tokenKey));
    expect(await read()).toEqual([0, 0]);

    const flaky = flakyStore(postgresCounters, { refunds: 1 });
    const ticket = await admitMessage(caller, randomUUID(), now, flaky);
    expect(await read()).toEqual([1, 1]);
    // The refund answers at once: the token's give-back (first) failed and is kept for a retry.
    await ticket.refund();
    expect([flaky.refundsFailed, flaky.refunded]).toEqual([1, [key]]);
    expect(await read()).toEqual([1, 0]);
    await until(async () => flaky.refunded.includes(tokenKey));
    expect(await read()).toEqual([0, 0]);
  });

  it("never limits the Enterprise plan", async () => {
    const caller = await callerFor("enterprise@example.com", { plan: "enterprise" });
    await setup.database.prisma.quotaCounter.create({ data: { key: userMonthKey(caller.userId, new Date()), used: 1_000_000 } });
    await expect(admitMessage(caller, randomUUID())).resolves.toBeDefined();
  });
});

describe("message limits in Redis (REDIS_URL)", () => {
  it("admits exactly the messages left when 100 requests arrive at once", async () => {
    const { default: Redis } = await import("ioredis");
    const client = new Redis(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379");
    const store = redisCounters(client);
    const caller: Caller = {
      tokenId: "tok",
      tokenName: "Default",
      userId: `redis-${process.pid}-${Date.now()}`,
      plan: "free",
      bonusMessages: 0,
      allowedProviders: [],
      strategy: "latest",
      limit: null,
      limitReset: "never",
      limitUsd: null,
      limitUsdReset: "monthly",
    };
    const now = new Date();
    try {
      await client.set(`quota:${userMonthKey(caller.userId, now)}`, 60);
      const results = await Promise.allSettled(Array.from({ length: 100 }, () => admitMessage(caller, randomUUID(), now, store)));
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(40);
      expect(await store.read(userMonthKey(caller.userId, now))).toBe(100);
      const ticket = (results[0] as PromiseFulfilledResult<{ refund(): Promise<void> }>).value;
      await ticket.refund();
      await ticket.refund();
      expect(await store.read(userMonthKey(caller.userId, now))).toBe(99);
      await store.refund(userMonthKey(caller.userId, now), "never-taken");
      expect(await store.read(userMonthKey(caller.userId, now))).toBe(99);
    } finally {
      await client.del(`quota:${userMonthKey(caller.userId, now)}`);
      client.disconnect();
    }
  });
});
