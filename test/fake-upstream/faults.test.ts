import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { faultFromModel, parseFaults } from "./faults";
import { startFakeUpstream, type FakeUpstream } from "./server";

const chatBody = (model = "gpt-4o", extra: Record<string, unknown> = {}) => JSON.stringify({ model, messages: [{ role: "user", content: "one two three" }], ...extra });

describe("fault modes", () => {
  let fake: FakeUpstream;
  const chat = (key: string, init: { model?: string; headers?: Record<string, string>; stream?: boolean; path?: string } = {}) =>
    fetch(`${fake.url}${init.path ?? "/v1/chat/completions"}`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...init.headers },
      body: chatBody(init.model, init.stream ? { stream: true } : {}),
    });

  beforeAll(async () => {
    fake = await startFakeUpstream();
  });
  beforeEach(() => fake.reset());
  afterAll(() => fake.close());

  it("parses modes and model suffixes", () => {
    expect(parseFaults(["status:429:7"]).error).toEqual({ status: 429, retryAfterSeconds: 7, message: undefined });
    expect(parseFaults(["latency:20, slow-first-token:30", "slow:5"])).toMatchObject({ delayMs: 25, plan: { firstEventDelayMs: 30 } });
    expect(parseFaults(["cut-mid-stream"]).plan.cutAfter).toBe(3);
    expect(parseFaults(["over-long-event"]).plan.overLongEventChars).toBe(40 * 1024 * 1024);
    expect(parseFaults(["over-long-event:2"]).plan.overLongEventChars).toBe(2 * 1024 * 1024);
    expect(faultFromModel("gpt-4o--fault-slow-first-token-200")).toBe("slow-first-token:200");
    expect(faultFromModel("gpt-4o--fault-status-429-3")).toBe("status:429:3");
    expect(faultFromModel("gpt-4o")).toBeNull();
  });

  it("fails one credential of three, for the next n requests only", async () => {
    fake.setFault({ mode: "status:401", match: { credential: "sk-b" }, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) for (const key of ["sk-a", "sk-b", "sk-c"]) statuses.push((await chat(key)).status);
    expect(statuses).toEqual([200, 401, 200, 200, 401, 200, 200, 200, 200]);
    expect(fake.requests.filter((r) => r.fault).map((r) => [r.credential, r.fault])).toEqual([["sk-b", "status:401"], ["sk-b", "status:401"]]);
  });

  it("matches by path and by model, and a fault without times stays until reset", async () => {
    fake.setFault({ mode: "status:503", match: { model: "gpt-4o-mini" } });
    fake.setFault({ mode: "status:500", match: { path: "/groq/" } });
    expect((await chat("k", { model: "gpt-4o-mini" })).status).toBe(503);
    expect((await chat("k", { model: "gpt-4o-mini" })).status).toBe(503);
    expect((await chat("k", { model: "gpt-4o" })).status).toBe(200);
    expect((await chat("k", { path: "/groq/openai/v1/chat/completions" })).status).toBe(500);
    fake.reset();
    expect((await chat("k", { model: "gpt-4o-mini" })).status).toBe(200);
  });

  it("takes faults from the x-fake-fault header and the model suffix, so parallel tests do not share state", async () => {
    const [header, suffix, healthy] = await Promise.all([
      chat("k", { headers: { "x-fake-fault": "status:429:4" } }),
      chat("k", { model: "gpt-4o--fault-status-503" }),
      chat("k"),
    ]);
    expect([header.status, header.headers.get("retry-after"), suffix.status, healthy.status]).toEqual([429, "4", 503, 200]);
  });

  it("answers magic credentials: invalid → 401, ratelimited → 429 with Retry-After, forbidden → 403, missing → 401", async () => {
    expect((await chat("sk-invalid-1")).status).toBe(401);
    const limited = await chat("sk-ratelimited-1");
    expect([limited.status, limited.headers.get("retry-after"), limited.headers.get("x-ratelimit-limit-requests")]).toEqual([429, "1", "500"]);
    expect((await chat("sk-forbidden-1")).status).toBe(403);
    const missing = await fetch(`${fake.url}/v1/chat/completions`, { method: "POST", body: chatBody() });
    expect(missing.status).toBe(401);
    expect((await missing.json()).error).toMatchObject({ type: "invalid_request_error", code: null, message: expect.stringContaining("You didn't provide an API key") });
  });

  it("slow delays the headers; slow-first-token sends headers at once and delays the first event", async () => {
    const slowStart = Date.now();
    const slow = await chat("k", { headers: { "x-fake-fault": "slow:150" } });
    expect(Date.now() - slowStart).toBeGreaterThanOrEqual(140);
    await slow.text();
    const start = Date.now();
    const response = await chat("k", { stream: true, headers: { "x-fake-fault": "slow-first-token:1000" } });
    const headersAt = Date.now() - start;
    const reader = response.body!.getReader();
    await reader.read();
    const firstEventAt = Date.now() - start;
    await reader.cancel();
    expect(firstEventAt).toBeGreaterThanOrEqual(990);
    // Headers come at once (a few ms): the wait lies between them and the first event, not before them.
    expect(firstEventAt - headersAt).toBeGreaterThanOrEqual(500);
  });

  it("cuts a stream after a few events and a JSON body half-way", async () => {
    const stream = await chat("k", { stream: true, headers: { "x-fake-fault": "cut-mid-stream:2" } });
    const text = await stream.text().catch((e: Error) => `error: ${e.message}`);
    expect(text).toMatch(/^error/);
    const body = await chat("k", { headers: { "x-fake-fault": "cut-mid-stream" } });
    await expect(body.json()).rejects.toThrow();
  });

  it("sends an over-long event as one data line of the size asked for", async () => {
    const text = await (await chat("k", { stream: true, headers: { "x-fake-fault": "over-long-event:2" } })).text();
    const line = text.split("\n").find((l) => l.startsWith("data: x"))!;
    expect(line.length).toBe("data: ".length + 2 * 1024 * 1024);
  });

  it("sends malformed JSON and malformed SSE", async () => {
    const json = await chat("k", { headers: { "x-fake-fault": "malformed-json" } });
    expect(json.status).toBe(200);
    await expect(json.json()).rejects.toThrow(SyntaxError);
    const sse = await (await chat("k", { stream: true, headers: { "x-fake-fault": "malformed-sse" } })).text();
    const data = sse.split("\n\n").filter(Boolean).map((frame) => frame.replace(/^data: /, ""));
    expect(() => JSON.parse(data[0])).not.toThrow();
    expect(() => JSON.parse(data[1])).toThrow();
    expect(data.at(-1)).toBe("[DONE]");
  });

  it("renders each family's error shape for the same status", async () => {
    const headers = { "content-type": "application/json", "x-fake-fault": "status:500" };
    const anthropic = await fetch(`${fake.url}/v1/messages`, { method: "POST", headers: { ...headers, "x-api-key": "k", "anthropic-version": "2023-06-01" }, body: chatBody("claude", { max_tokens: 5 }) });
    expect(await anthropic.json()).toMatchObject({ type: "error", error: { type: "api_error" } });
    const gemini = await fetch(`${fake.url}/v1beta/models/gemini-2.5-flash:generateContent?key=k`, { method: "POST", headers, body: "{}" });
    expect(await gemini.json()).toMatchObject({ error: { code: 500, status: "INTERNAL" } });
    const cohere = await fetch(`${fake.url}/v2/chat`, { method: "POST", headers: { ...headers, authorization: "Bearer k" }, body: chatBody() });
    expect(await cohere.json()).toMatchObject({ message: expect.stringContaining("internal server error") });
  });

  it("overrides the message when the fault carries one", async () => {
    fake.setFault({ mode: "status:400", message: "custom failure", times: 1 });
    expect((await (await chat("k")).json()).error).toMatchObject({ message: "custom failure", type: "invalid_request_error", code: null });
  });
});
