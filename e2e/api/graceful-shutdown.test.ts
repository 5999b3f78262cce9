import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addCredential } from "@/lib/services/credentials/add-credential";
import { createUser } from "@/lib/services/users/create-user";
import { startFakeUpstream, type FakeUpstream } from "@/test/fake-upstream/server";
import { stopAccepting } from "@/lib/server/shutdown";
import { usageWriter } from "@/lib/usage/usage-writer";
import { databaseTargets, installDatabase, uninstallDatabase, uniqueSchemaUrl, type DatabaseTarget, postgresTarget } from "@/test/support/databases";
import { fakeUpstreamEnv, startGateway, type Gateway } from "@/test/support/gateway-harness";
import { readSseEvents } from "@/test/support/sse-events";
import { startApp, startNpmStart, type RunningApp } from "../support/app-server";

/** Whether a brand-new TCP connection to the port is refused. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}

describe("graceful shutdown of the real server on PostgreSQL", () => {
  const databaseUrl = uniqueSchemaUrl();
  const target: DatabaseTarget = postgresTarget(databaseUrl);
  let fake: FakeUpstream;
  let app: RunningApp;
  let token: string;

  beforeAll(async () => {
    fake = await startFakeUpstream();
    await installDatabase(target);
    const created = await createUser({ email: "sigterm@example.com", password: "password-123", plan: "pro" });
    token = created.token;
    await addCredential(created.user.id, { provider: "openai", secret: "sk-openai-sigterm" });
    const upstreams = fakeUpstreamEnv(fake.url);
    app = await startApp({ DATABASE_URL: databaseUrl, LOG_LEVEL: "info", ...upstreams });
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await fake?.close();
    await uninstallDatabase(target);
  });

  it("on SIGTERM refuses new connections, finishes the stream in flight, writes its usage row and exits 0", async () => {
    // Ten words, 300 ms apart: the stream is still going when the signal arrives.
    const response = await fetch(`${app.url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "openai/gpt-4o--fault-slow-tokens-300", stream: true, messages: [{ role: "user", content: "one two three four five six seven eight nine ten" }] }),
    });
    expect(response.status).toBe(200);
    const generationId = response.headers.get("x-generation-id")!;
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value, { stream: true });

    const signalledAt = Date.now();
    app.kill("SIGTERM");
    await expect.poll(() => refused(app.port), { timeout: 10_000, interval: 50 }).toBe(true);

    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    const events = readSseEvents(text);
    expect(events.at(-1)!.data).toBe("[DONE]");
    const content = events.map((e) => (e.json as { choices?: Array<{ delta?: { content?: string } }> })?.choices?.[0]?.delta?.content ?? "").join("");
    expect(content).toBe("Echo: one two three four five six seven eight nine ten");
    expect(events.some((e) => (e.json as { error?: unknown })?.error)).toBe(false);

    const { code, signal } = await app.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    // The stream's own three seconds, then the flush; ten times that is a hang. That the grace did not
    // cut the stream short shows in its full text above.
    expect(Date.now() - signalledAt).toBeLessThan(30_000);

    const row = await (await db()).usageEvent.findUnique({ where: { id: generationId } });
    expect(row).toMatchObject({ status: 200, streamed: true, cancelled: false, countedMessage: true, finishReason: "stop" });
    expect(row!.completionTokens).toBeGreaterThan(0);
    const lines = app.output().split("\n").filter((line) => line.startsWith("{")).map((line) => JSON.parse(line));
    expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(["shutting down: finishing requests in flight, flushing usage", "shutdown complete"]));
  }, 60_000);
});

describe("the shutdown grace period", () => {
  let gateway: Gateway;
  let token: string;

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[0]);
    ({ token } = await gateway.newUser("grace@example.com", [{ provider: "openai", key: "sk-openai-grace" }], "pro"));
  });
  afterAll(() => gateway?.close());

  it("closes streams still running when it ends, and records them as cancelled", async () => {
    const response = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "openai/gpt-4o--fault-slow-tokens-2000", stream: true, messages: [{ role: "user", content: "one two three four five six seven eight nine ten" }] }),
    });
    const generationId = response.headers.get("x-generation-id")!;
    const reader = response.body!.getReader();
    await reader.read();
    const started = Date.now();
    // A 500 ms grace against a stream with some 18 s to go: ten times the grace is still far short of it.
    await stopAccepting(gateway.server, 500);
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect((async () => {
      for (;;) if ((await reader.read()).done) return;
    })()).rejects.toThrow();
    expect(await usageWriter().idle(10_000)).toBe(true);
    await usageWriter().flush();
    const row = await (await db()).usageEvent.findUniqueOrThrow({ where: { id: generationId } });
    expect(row).toMatchObject({ status: 499, streamed: true, cancelled: true, countedMessage: true });
  });
});

describe("stopping the whole process group of `npm start` (systemd's KillMode=control-group, Ctrl-C), twice", () => {
  const databaseUrl = uniqueSchemaUrl();
  const target: DatabaseTarget = postgresTarget(databaseUrl);
  let fake: FakeUpstream;
  let token: string;

  beforeAll(async () => {
    fake = await startFakeUpstream();
    await installDatabase(target);
    const created = await createUser({ email: "group-stop@example.com", password: "password-123", plan: "pro" });
    token = created.token;
    await addCredential(created.user.id, { provider: "openai", secret: "sk-openai-group-stop" });
  });
  afterAll(async () => {
    await fake?.close();
    await uninstallDatabase(target);
  });

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`${signal} to the group, and again: the stream in flight finishes, buffered usage rows are written, exit 0`, async () => {
      const app = await startNpmStart({ DATABASE_URL: databaseUrl, LOG_LEVEL: "info", ...fakeUpstreamEnv(fake.url) });
      try {
        const chat = (body: Record<string, unknown>) =>
          fetch(`${app.url}/v1/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ messages: [{ role: "user", content: "one two three four five six seven eight nine ten" }], ...body }) });
        const response = await chat({ model: "openai/gpt-4o--fault-slow-tokens-300", stream: true });
        const reader = response.body!.getReader();
        const decoder = new TextDecoder();
        let text = decoder.decode((await reader.read()).value, { stream: true });
        // Answered just now: their usage rows are still in the writer's buffer when the signal comes.
        const quick = await Promise.all([1, 2, 3].map(() => chat({ model: "openai/gpt-4o" })));
        const ids = [response, ...quick].map((r) => r.headers.get("x-generation-id")!);

        app.killGroup(signal);
        // The operator (or systemd) again, once the first is being handled.
        await expect.poll(() => app.output()).toContain("shutting down: finishing requests in flight");
        app.killGroup(signal);
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          text += decoder.decode(value, { stream: true });
        }
        expect(readSseEvents(text).at(-1)!.data).toBe("[DONE]");
        expect(await app.exited).toEqual({ code: 0, signal: null });
        expect(app.output()).toContain("already shutting down");
        const rows = await (await db()).usageEvent.findMany({ where: { id: { in: ids } } });
        expect(rows.map((row) => row.status).sort()).toEqual([200, 200, 200, 200]);
        expect(rows.find((row) => row.id === ids[0])).toMatchObject({ streamed: true, cancelled: false, finishReason: "stop" });
      } finally {
        await app.stop();
      }
    }, 120_000);
  }
});
