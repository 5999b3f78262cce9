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
type Family = "openai" | "anthropic" | "google";

// Each endpoint with a model that goes to its own dialect's provider (the raw pass-through for
// Anthropic and Gemini) and, for the streams, one translated from OpenAI.
const MODELS: Record<Endpoint, string> = { chat: "openai/gpt-4o", messages: "anthropic/claude-sonnet-4-5", gemini: "google/gemini-2.5-flash" };
const GEMINI_STATUS: Record<string, string> = { api_error: "INTERNAL", rate_limit_error: "RESOURCE_EXHAUSTED", timeout_error: "DEADLINE_EXCEEDED" };
const TEXT = "one two three four five six seven eight nine ten";
const CONNECT_TIMEOUT_MS = 500;
const FIRST_BYTE_TIMEOUT_MS = 1_000;
// The slow faults wait 4 s upstream: only the timeouts above can end them with a 504. Ten times the
// longest timeout is not a hang; the client gives up at twice that.
const NEVER_A_HANG_MS = 10 * FIRST_BYTE_TIMEOUT_MS;

function requestFor(endpoint: Endpoint, model: string, stream: boolean): { path: string; body: unknown } {
  if (endpoint === "chat") return { path: "/v1/chat/completions", body: { model, stream, messages: [{ role: "user", content: TEXT }] } };
  if (endpoint === "messages") return { path: "/v1/messages", body: { model, stream, max_tokens: 256, messages: [{ role: "user", content: TEXT }] } };
  const method = stream ? "streamGenerateContent?alt=sse" : "generateContent";
  return { path: `/v1beta/models/${model}:${method}`, body: { contents: [{ role: "user", parts: [{ text: TEXT }] }] } };
}

/** The answer's words as the client read them from the stream, in its dialect. */
function textReceived(endpoint: Endpoint, events: ReadEvent[]): string {
  const pieces = events.map((e) => e.json as any).filter(Boolean).map((json) => {
    if (endpoint === "chat") return json.choices?.[0]?.delta?.content ?? "";
    if (endpoint === "messages") return json.type === "content_block_delta" && json.delta?.type === "text_delta" ? json.delta.text : "";
    return (json.candidates?.[0]?.content?.parts ?? []).map((part: { text?: string }) => part.text ?? "").join("");
  });
  return pieces.join("");
}

/** A metric's value in the exposition text; 0 while the series has not appeared. */
function metricValue(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
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

  /** One request; `messagesTaken` is how far the account's counter moved for it. */
  async function send(endpoint: Endpoint, model: string, stream: boolean) {
    const { path, body } = requestFor(endpoint, model, stream);
    const before = await messagesUsed();
    const started = Date.now();
    const response = await fetch(`${gateway.url}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(2 * NEVER_A_HANG_MS),
    });
    const text = await response.text();
    const elapsedMs = Date.now() - started;
    expect(text).not.toMatch(STACK_TRACE);
    await usageWriter().flush();
    const id = response.headers.get("x-generation-id");
    expect(id, `x-generation-id on ${path}`).toBeTruthy();
    const row = await (await db()).usageEvent.findUniqueOrThrow({ where: { id: id! } });
    return { response, text, elapsedMs, row, messagesTaken: (await messagesUsed()) - before };
  }

  beforeAll(async () => {
    process.env.UPSTREAM_CONNECT_TIMEOUT_MS = String(CONNECT_TIMEOUT_MS);
    process.env.UPSTREAM_FIRST_BYTE_TIMEOUT_MS = String(FIRST_BYTE_TIMEOUT_MS);
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
      const { response, text, elapsedMs, row, messagesTaken } = await send(endpoint, `${MODELS[endpoint]}--fault-${fault}`, false);
      expect(response.status).toBe(status);
      expectDialectError(endpoint, JSON.parse(text), status, type);
      if (retryAfter) expect(response.headers.get("retry-after")).toBe(retryAfter);
      expect(elapsedMs).toBeLessThan(NEVER_A_HANG_MS);
      // Documented: a provider failing before answering gives the message back.
      expect(messagesTaken).toBe(0);
      expect(row).toMatchObject({ status, errorType: type, countedMessage: false, streamed: false });
    });

    it("a connect timeout → 504 timeout_error, the message given back", async () => {
      const { response, text, elapsedMs, row, messagesTaken } = await send(endpoint, "mistral/mistral-large-latest", false);
      expect(response.status).toBe(504);
      expectDialectError(endpoint, JSON.parse(text), 504, "timeout_error");
      expect(text).toMatch(/mistral timed out/);
      expect(elapsedMs).toBeLessThan(NEVER_A_HANG_MS);
      expect(messagesTaken).toBe(0);
      expect(row).toMatchObject({ status: 504, errorType: "timeout_error", countedMessage: false });
    });
  });

  // Whether the client had read some of the answer when the stream broke, by the upstream's family:
  // the faults on the second event leave only the first, which carries a word from Gemini alone
  // (OpenAI's is the role, Anthropic's message_start).
  const afterOutput: Array<{ fault: string; type: string | undefined; output: Record<Family, boolean> }> = [
    { fault: "cut-mid-stream-4", type: "api_error", output: { openai: true, anthropic: true, google: true } },
    // The upstream's own error event keeps its own type (server_error, overloaded_error…).
    { fault: "error-mid-stream-4", type: undefined, output: { openai: true, anthropic: true, google: true } },
    { fault: "malformed-sse", type: "api_error", output: { openai: false, anthropic: false, google: true } },
    // 40 MB in one event: past the 32 MB a streamed event may hold, so it is cut off, not buffered.
    { fault: "over-long-event", type: "api_error", output: { openai: false, anthropic: false, google: true } },
    { fault: "slow-first-token-4000", type: "timeout_error", output: { openai: false, anthropic: false, google: false } },
  ];
  const streams: Array<[Endpoint, string]> = [
    ["chat", MODELS.chat],
    ["messages", MODELS.messages],
    ["messages", "openai/gpt-4o"],
    ["gemini", MODELS.gemini],
  ];

  describe.each(streams)("after the first byte, on %s with %s", (endpoint, model) => {
    it.each(afterOutput)("$fault → a final error event, the books kept", async ({ fault, type, output }) => {
      const { response, text, elapsedMs, row, messagesTaken } = await send(endpoint, `${model}--fault-${fault}`, true);
      expect(response.status).toBe(200);
      const events = readSseEvents(text);
      // Only events the client can read were forwarded: the broken one never was.
      for (const event of events) if (event.data !== "[DONE]") expect(event.json, `event ${event.data}`).toBeDefined();
      expectStreamError(endpoint, events, type);
      if (fault === "over-long-event") expect(text).toContain("stream failed: an event was longer than 33554432 characters");
      expect(elapsedMs).toBeLessThan(NEVER_A_HANG_MS);
      // Passed through from Anthropic, its own overloaded_error event is recorded with its status, 529.
      const ownEvent = fault.startsWith("error-mid-stream") && endpoint === "messages" && model === MODELS.messages;
      expect(row).toMatchObject({ status: type === "timeout_error" ? 504 : ownEvent ? 529 : 502, errorType: expect.any(String), streamed: true, cancelled: false });
      // Documented: the message is given back if nothing was produced yet.
      const produced = output[model.split("/")[0] as Family];
      expect(textReceived(endpoint, events) !== "", "the client read some of the answer").toBe(produced);
      expect(messagesTaken).toBe(produced ? 1 : 0);
      expect(row.countedMessage).toBe(produced);
    });
  });

  it("counts every upstream failure and failed stream in /metrics", async () => {
    const { metrics } = await import("@/lib/observability/metrics");
    const series = [
      'oauthrouter_upstream_errors_total{provider="openai",type="rate_limit_error"}',
      'oauthrouter_upstream_errors_total{provider="mistral",type="timeout_error"}',
      'oauthrouter_upstream_errors_total{provider="anthropic",type="api_error"}',
      'oauthrouter_streams_total{endpoint="messages",outcome="failed"}',
    ];
    const read = () => {
      const text = metrics().render();
      return series.map((s) => metricValue(text, s));
    };
    const before = read();
    await send("chat", `${MODELS.chat}--fault-status-429-7`, false);
    await send("gemini", "mistral/mistral-large-latest", false);
    await send("messages", `${MODELS.messages}--fault-cut-mid-stream-4`, true);
    const after = read();
    expect(after.map((value, i) => value - before[i])).toEqual([1, 1, 1, 1]);
  });
});
