import { describe, expect, it } from "vitest";
import { rawQuery } from "@/lib/db/raw-query";
import { captureLogs } from "@/lib/observability/logger";
import { createUser } from "@/lib/services/users/create-user";
import { databaseTargets, type DatabaseTarget } from "@/test/support/databases";
import { useInstalledDatabase } from "@/test/support/installed-database";
import type { UsageRecord } from "./usage-record";
import { UsageWriter } from "./usage-writer";

function usageRow(userId: string, n: number): UsageRecord {
  return {
    id: `gen-writer-${userId}-${n}`, userId, tokenId: null, credentialId: null, endpoint: "chat", modelRequested: "openai/gpt-4o",
    provider: "openai", modelUsed: "gpt-4o", status: 200, finishReason: "stop", nativeFinishReason: "stop", promptTokens: 3,
    completionTokens: 5, totalTokens: 8, cachedTokens: 0, reasoningTokens: 0, latencyMs: 12, ttftMs: null, streamed: false,
    cancelled: false, countedMessage: false, errorType: null, errorMessage: null, attempts: 1, model: "openai/gpt-4o",
    cacheWriteTokens: 0, costMicros: 55, costEstimated: false, appTitle: null, appReferer: null, createdAt: new Date(),
  };
}

describe.each(databaseTargets())("usage rows written in batches on $name", (target: DatabaseTarget) => {
  const setup = useInstalledDatabase(target);

  it("stores every row of a large batch, in statements the database can take without stalling the server", async () => {
    const { user } = await createUser({ email: `writer-${target.name}@example.com`, password: "password-123" });
    // What each usage INSERT carried, and whether other work (a timer) ran between the statements.
    const events: string[] = [];
    const db = setup.database;
    const driver = (db.pglite ?? db.pool)!;
    const query = driver.query.bind(driver) as (sql: string, params?: unknown[]) => Promise<unknown>;
    (driver as { query: unknown }).query = (sql: string, params?: unknown[]) => {
      if (sql.startsWith('INSERT INTO "UsageEvent"')) events.push(`insert ${JSON.parse(params![0] as string).length}`);
      return query(sql, params);
    };
    const ticker = setInterval(() => events.push("tick"), 0);
    try {
      const writer = new UsageWriter();
      for (let n = 0; n < 120; n++) writer.record(usageRow(user.id, n));
      await writer.flush();
    } finally {
      clearInterval(ticker);
      (driver as { query: unknown }).query = query;
    }
    expect(await db.prisma.usageEvent.count({ where: { userId: user.id } })).toBe(120);
    const inserts = events.filter((event) => event.startsWith("insert"));
    if (target.name === "postgres") expect(inserts).toEqual(["insert 120"]);
    else {
      expect(inserts).toEqual(["insert 50", "insert 50", "insert 20"]);
      // Between two statements the event loop turns: requests waiting on it are not held back.
      const between = events.slice(events.indexOf("insert 50") + 1, events.lastIndexOf("insert 20"));
      expect(between.filter((event) => event === "tick").length).toBeGreaterThan(0);
    }
  });

  it("counts the rows of a write under way as not stored yet, so a lookup waits for them", async () => {
    const { user } = await createUser({ email: `writer-pending-${target.name}@example.com`, password: "password-123" });
    const db = setup.database;
    const driver = (db.pglite ?? db.pool)!;
    const query = driver.query.bind(driver) as (sql: string, params?: unknown[]) => Promise<unknown>;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let reached = () => {};
    const insertReached = new Promise<void>((resolve) => (reached = resolve));
    const order: string[] = [];
    (driver as { query: unknown }).query = async (sql: string, params?: unknown[]) => {
      if (!sql.startsWith('INSERT INTO "UsageEvent"')) return query(sql, params);
      reached();
      await held;
      const result = await query(sql, params);
      order.push("row stored");
      return result;
    };
    try {
      const writer = new UsageWriter();
      writer.record(usageRow(user.id, 1));
      const first = writer.flush();
      await insertReached;
      expect(writer.pending()).toBe(1);
      // What the generation lookup does when it finds no row: flush, which waits for the write.
      const second = writer.flush().then(() => order.push("second flush done"));
      // Released only after a full turn of the event loop: a flush that did not wait would have
      // finished by then (it has nothing left to write, so it awaits no I/O).
      setImmediate(release);
      await Promise.all([first, second]);
      expect(order).toEqual(["row stored", "second flush done"]);
      expect(writer.pending()).toBe(0);
    } finally {
      release();
      (driver as { query: unknown }).query = query;
    }
    expect(await db.prisma.usageEvent.count({ where: { userId: user.id } })).toBe(1);
  });

  it("stores what a caller or provider put in a row cleaned: NUL and lone surrogates as U+FFFD, counts within 32 bits", async () => {
    const { user } = await createUser({ email: `writer-text-${target.name}@example.com`, password: "password-123" });
    const writer = new UsageWriter();
    const row = {
      ...usageRow(user.id, 1), modelRequested: "openai/gpt\u0000-4o", modelUsed: "gpt-4o\ud800", errorType: "api_error",
      errorMessage: "half a pair \udc00 and a whole one \ud83d\ude00", promptTokens: 5e9, latencyMs: 12.7, status: 400,
    };
    writer.record(row);
    writer.record(usageRow(user.id, 2));
    await writer.flush();
    const stored = await setup.database.prisma.usageEvent.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored).toMatchObject({
      modelRequested: "openai/gpt\ufffd-4o", modelUsed: "gpt-4o\ufffd", errorMessage: "half a pair \ufffd and a whole one \ud83d\ude00",
      promptTokens: 2_147_483_647, latencyMs: 13, status: 400,
    });
    expect(await setup.database.prisma.usageEvent.count({ where: { userId: user.id } })).toBe(2);
  });

  it("a row the database refuses never holds back its batch or the queue: stored bare, or set aside with a log line", async () => {
    const { user } = await createUser({ email: `writer-refused-${target.name}@example.com`, password: "password-123" });
    // Stand-ins for any value the database refuses: one in a detail, one even a bare row keeps.
    await rawQuery(`ALTER TABLE "UsageEvent" ADD CONSTRAINT "refuse_poison" CHECK ("modelRequested" <> 'poison' AND "status" <> 599)`, []);
    const logs = captureLogs();
    try {
      const writer = new UsageWriter();
      for (let n = 0; n < 30; n++) writer.record(usageRow(user.id, n));
      writer.record({ ...usageRow(user.id, 100), modelRequested: "poison", countedMessage: true });
      writer.record({ ...usageRow(user.id, 101), status: 599 });
      await writer.flush();
      expect(writer.pending()).toBe(0);
      writer.record(usageRow(user.id, 200));
      await writer.flush();
      const rows = await setup.database.prisma.usageEvent.findMany({ where: { userId: user.id } });
      expect(rows).toHaveLength(32);
      expect(rows.find((r) => r.id === `gen-writer-${user.id}-100`)).toMatchObject({ modelRequested: "(not stored)", countedMessage: true, status: 200 });
      expect(writer.setAside.map((entry) => entry.row.id)).toEqual([`gen-writer-${user.id}-101`]);
      const lines = logs.lines().map((line) => `${line.msg} ${line.generationId}`);
      expect(lines).toContain(`usage row stored without its details: the database refused them gen-writer-${user.id}-100`);
      expect(lines).toContain(`usage row set aside: the database refuses it gen-writer-${user.id}-101`);
    } finally {
      logs.restore();
      await rawQuery(`ALTER TABLE "UsageEvent" DROP CONSTRAINT "refuse_poison"`, []);
    }
  });
});
