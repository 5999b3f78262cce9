import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { database, useDatabase, type Database } from "@/lib/db";
import { openDatabaseEarly } from "@/lib/server/open-database-early";
import { recheckDueCredentials } from "@/lib/services/credentials/recheck-due-credentials";
import { usageWriter } from "@/lib/usage/usage-writer";
import { databaseTargets, type DatabaseTarget } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

/**
 * Prisma's query compiler costs some 60 MB resident on its first query. An instance that only
 * serves the API never needs it: its start, its requests, its usage books and its background
 * credential checks (with nothing due) all run on the driver. Any use of Prisma is recorded here.
 */
function prismaTrap(real: Database): { database: Database; touched: string[] } {
  const touched: string[] = [];
  const prisma = new Proxy(real.prisma, {
    get(target, property, receiver) {
      if (typeof property === "string" && !property.startsWith("then")) touched.push(property);
      return Reflect.get(target, property, receiver);
    },
  });
  return { database: { ...real, prisma }, touched };
}

describe.each(databaseTargets())("the API's request path on $name", (target: DatabaseTarget) => {
  let gateway: Gateway;
  let real: Database;
  beforeAll(async () => {
    gateway = await startGateway(target);
    real = await database();
  });
  afterAll(async () => {
    useDatabase(real);
    await gateway?.close();
  });

  it("never loads Prisma: start, chat (whole and streamed), usage rows, message limits and the recheck poll", async () => {
    const { token, userId } = await gateway.newUser("lean-path@example.com", [{ provider: "openai", key: "sk-proj-lean-path-1111" }], "starter");
    const trap = prismaTrap(real);
    useDatabase(trap.database);

    await openDatabaseEarly();
    const client = new OpenAI({ apiKey: token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    const whole = await client.chat.completions.create({ model: "openai/gpt-4o", messages: [{ role: "user", content: "hi" }] });
    expect(whole.choices[0].message.content).toBe("Echo: hi");
    const stream = await client.chat.completions.create({ model: "openai/gpt-4o", messages: [{ role: "user", content: "hi" }], stream: true });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe("Echo: hi");
    await usageWriter().flush();
    expect(await recheckDueCredentials()).toEqual({ checked: 0, restored: 0, more: false });

    expect(trap.touched).toEqual([]);
    // The requests did reach the books, through the driver.
    const rows = await real.prisma.usageEvent.findMany({ where: { userId }, select: { streamed: true, countedMessage: true } });
    expect(rows.map((row) => row.streamed).sort()).toEqual([false, true]);
    expect(rows.every((row) => row.countedMessage)).toBe(true);
  });
});
