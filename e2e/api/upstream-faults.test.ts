import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/config/env";
import { db } from "@/lib/db";
import { counterStore, userMonthKey } from "@/lib/quota/admit-message";
import { usageWriter } from "@/lib/usage/usage-writer";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";
import { readSseEvents, STACK_TRACE, type ReadEvent } from "@/test/support/sse-events";

type Endpoint = "chat" | "messages" | "gemini";

// Each endpoint with a model that goes to its own dialect's provider (the raw pass-through for
// Anthropic and Gemini) and, for the streams, one translated from OpenAI.
const MODELS: Record<Endpoint, string> = { chat: "openai/gpt-4o", messages: "anthropic/claude-sonnet-4-5", gemini: "google/gemini-2.5-flash" };
const GEMINI_STATUS: Record<string, string> = { api_error: "INTERNAL", rate_limit_error: "RESOURCE_EXHAUSTED", timeout_error: "DEADLINE_EXCEEDED" };
const TEXT = "one two three four five six seven eight nine ten";

function requestFor(endpoint: Endpoint, model: string, stream: boolean): { path: string; body: unknown } {
  if (endpoint === "chat") return { path: "/v1/chat/completions", body: { model, stream, messages: [{ role: "user", content: TEXT }] } };
  if (endpoint === "messages") return { path: "/v1/messages", body: { model, stream, max_tokens: 256, messages: [{ role: "user", content: TEXT }] } };
  const method = stream ? "streamGenerateContent?alt=sse" : "generateContent";
  return { path: `/v1beta/models/${model}:${method}`, body: { contents: [{ role: "user", parts: [{ text: TEXT }] }] } };
}

/** The error a dialect's body carries, as [type, status] in our terms, checked against its shape. */
function expectDialectError(endpoint: Endpoint, body: any, status: number, type: string): void {
  if (endpoint === "chat") expect(body.error).toMatchObject({ type, message: expect.any(String) });
  if (endpoint === "messages") expect(body).toMatchObject({ type: "error", error: { type, message: expect.any(String) } });
  if (endpoint === "gemini") expect(body.error).toMatchObject({ code: status, status: GEMINI_STATUS[type], message: expect.any(String) });
}

/** The stream's last event says it failed, in the client's dialect. */
function expectStreamError(endpoint: Endpoint, events: ReadEvent[], type: string | undefined): void {
  const data = events.filter((e) => e.data !== "[DONE]");
  const last = data.at(-1)!;
  if (endpoint === "chat") {
    expect(events.at(-1)!.data).toBe("[DONE]");
    expect(last.json).toMatchObject({ choices: [{ finish_reason: "error" }], error: { type: type ?? expect.any(String), message: expect.any(String) } });
  }
  if (endpoint === "messages") expect(last).toMatchObject({ event: "error", json: { type: "error", error: { type: type ?? expect.any(String), message: expect.any(String) } } });
  if (endpoint === "gemini") expect(last.json).toMatchObject({ error: { status: type ? GEMINI_STATUS[type] : expect.any(String), message: expect.any(String) } });
}

describe("upstream faults: mapped errors in the client's dialect, the books kept, never a hang", () => {
  let gateway: Gateway;
  let user: { userId: string; token: string };
  let stalled: Server;

  // As the account sees it: messages this instance took ahead of requests are not used yet.
  const messagesUsed = () => counterStore().read(userMonthKey(user.userId, new Date()));

  async function send(endpoint: Endpoint, model: string, stream: boolean) {
    const { path, body } = requestFor(endpoint, model, stream);
    const before = await messagesUsed();
    const started = Date.now();
    const response = await fetch(`${gateway.url}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    const elapsedMs = Date.now() - started;
    expect(text).not.toMatch(STACK_TRACE);
    await usageWriter().flush();
    const id = response.headers.get("x-generation-id");
    expect(id, `x-generation-id on ${path}`).toBeTruthy();
    const row = await (await db()).usageEvent.findUniqueOrThrow({ where: { id: id! } });
    // Whatever happened, the counter moved exactly when the row says a message was used.
    expect(await messagesUsed()).toBe(before + (row.countedMessage ? 1 : 0));
    return { response, text, elapsedMs, row };
  }

  beforeAll(async () => {
    process.env.UPSTREAM_CONNECT_TIMEOUT_MS = "500";
    process.env.UPSTREAM_FIRST_BYTE_TIMEOUT_MS = "1000";
    gateway = await startGateway(databaseTargets()[1]);
    // Accepts connections and never completes a TLS handshake: the connect phase hangs.
    stalled = createServer(() => undefined);
    await new Promise<void>((resolve) => stalled.listen(0, "127.0.0.1", resolve));
    process.env.UPSTREAM_MISTRAL_BASE_URL = `https://127.0.0.1:${(stalled.address() as { port: number }).port}/v1`;
    user = await gateway.newUser("faults@example.com", [
      { provider: "openai", key: "sk-openai-faults" },
      { provider: "anthropic", key: "sk-ant-api03-faults" },
      { provider: "google", key: "AIza-faults" },
      { provider: "mistral", key: "mistral-faults" },
    ], "pro");
  });
  afterAll(async () => {
    for (const name of ["UPSTREAM_CONNECT_TIMEOUT_MS", "UPSTREAM_FIRST_BYTE_TIMEOUT_MS", "UPSTREAM_MISTRAL_BASE_URL"]) delete process.env[name];
    resetEnvCache();
    stalled?.close();
    await gateway?.close();
  });

  const beforeOutput = [
    { fault: "status-503", status: 502, type: "api_error" },
    { fault: "status-429-7", status: 429, type: "rate_limit_error", retryAfter: "7" },
    { fault: "slow-4000", status: 504, type: "timeout_error" },
    { fault: "malformed-json", status: 502, type: "api_error" },
    { fault: "cut-mid-stream", status: 502, type: "api_error" },
  ];
  const endpoints: Endpoint[] = ["chat", "messages", "gemini"];

  describe.each(endpoints)("before the first byte, on %s", (endpoint) => {
    it.each(beforeOutput)("$fault → $status $type, the message given back", async ({ fault, status, type, retryAfter }) => {
      const { response, text, elapsedMs, row } = await send(endpoint, `${MODELS[endpoint]}--fault-${fault}`, false);
      expect(response.status).toBe(status);
      expectDialectError(endpoint, JSON.parse(text), status, type);
      if (retryAfter) expect(response.headers.get("retry-after")).toBe(retryAfter);
      // The first-byte timeout (1 s) ends the wait, not the upstream's 4 s.
      expect(elapsedMs).toBeLessThan(3_000);
      expect(row).toMatchObject({ status, errorType: type, countedMessage: false, streamed: false });
    });

    it("a connect timeout → 504 timeout_error within the connect timeout", async () => {
      const { response, text, elapsedMs, row } = await send(endpoint, "mistral/mistral-large-latest", false);
      expect(response.status).toBe(504);
      expectDialectError(endpoint, JSON.parse(text), 504, "timeout_error");
      expect(text).toMatch(/mistral timed out/);
      expect(elapsedMs).toBeLessThan(3_000);
      expect(row).toMatchObject({ status: 504, errorType: "timeout_error", countedMessage: false });
    });
  });

  const afterOutput = [
    { fault: "cut-mid-stream-4", type: "api_error", output: true },
    // The upstream's own error event keeps its own type (server_error, overloaded_error…).
    { fault: "error-mid-stream-4", type: undefined, output: true },
    { fault: "malformed-sse", type: "api_error" },
    // 40 MB in one event: past the 32 MB a streamed event may hold, so it is cut off, not buffered.
    { fault: "over-long-event", type: "api_error" },
    { fault: "slow-first-token-4000", type: "timeout_error", output: false },
  ];
  const streams: Array<[Endpoint, string]> = [
    ["chat", MODELS.chat],
    ["messages", MODELS.messages],
    ["messages", "openai/gpt-4o"],
    ["gemini", MODELS.gemini],
  ];

  describe.each(streams)("after the first byte, on %s with %s", (endpoint, model) => {
    it.each(afterOutput)("$fault → a final error event, the books kept", async ({ fault, type, output }) => {
      const { response, text, elapsedMs, row } = await send(endpoint, `${model}--fault-${fault}`, true);
      expect(response.status).toBe(200);
      const events = readSseEvents(text);
      // Only events the client can read were forwarded: the broken one never was.
      for (const event of events) if (event.data !== "[DONE]") expect(event.json, `event ${event.data}`).toBeDefined();
      expectStreamError(endpoint, events, type);
      if (fault === "over-long-event") expect(text).toContain("stream failed: an event was longer than 33554432 characters");
      expect(elapsedMs).toBeLessThan(3_000);
      // Passed through from Anthropic, its own overloaded_error event is recorded with its status, 529.
      const ownEvent = fault.startsWith("error-mid-stream") && endpoint === "messages" && model === MODELS.messages;
      expect(row).toMatchObject({ status: type === "timeout_error" ? 504 : ownEvent ? 529 : 502, errorType: expect.any(String), streamed: true, cancelled: false });
      if (output !== undefined) expect(row.countedMessage).toBe(output);
    });
  });

  it("counts every upstream failure and stream outcome in /metrics", async () => {
    const { metrics } = await import("@/lib/observability/metrics");
    const text = metrics().render();
    expect(text).toMatch(/oauthrouter_upstream_errors_total\{provider="openai",type="rate_limit_error"\} [1-9]/);
    expect(text).toMatch(/oauthrouter_upstream_errors_total\{provider="mistral",type="timeout_error"\} 3/);
    expect(text).toMatch(/oauthrouter_streams_total\{endpoint="messages",outcome="failed"\} 10/);
  });
});
