import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createManagementKey } from "@/lib/services/management-keys/create-management-key";
import { usageWriter } from "@/lib/usage/usage-writer";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

const postgres = databaseTargets()[1];
// Published prices, dollars per million tokens (the fake's gpt-4o answers as `gpt-4o-fake-2025`,
// a name no price list has, so the model asked for prices it).
const GPT_4O = { input: 2.5, output: 10 };
const SONNET_4_5 = { input: 3, output: 15 };
const GEMINI_FLASH = { input: 0.3, output: 2.5 };
const dollars = (prompt: number, completion: number, price: { input: number; output: number }) => (prompt * price.input + completion * price.output) / 1e6;

type CostedUsage = OpenAI.CompletionUsage & { cost: number | null; cost_details: { upstream_inference_cost: number | null } };

describe("what each request costs, in the API", () => {
  let gateway: Gateway;
  let token: string;
  let mgmt: string;
  const post = (path: string, key: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${gateway.url}${path}`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

  beforeAll(async () => {
    gateway = await startGateway(postgres);
    const user = await gateway.newUser("spend@example.com", [
      { provider: "openai", key: "sk-openai-spend" },
      { provider: "anthropic", key: "sk-ant-api03-spend" },
      { provider: "google", key: "AIza-spend" },
    ], "enterprise");
    token = user.token;
    mgmt = (await createManagementKey(user.userId)).key;
  });
  afterAll(() => gateway?.close());

  it("the OpenAI SDK reads usage.cost from a plain answer; the generation has the same total_cost and the calling app", async () => {
    const client = new OpenAI({ apiKey: token, baseURL: `${gateway.url}/v1`, maxRetries: 0, defaultHeaders: { "X-Title": " Spend\tReport   App ", "HTTP-Referer": "https://reports.example.com/run?secret=s3cr3t" } });
    const answer = await client.chat.completions.create({ model: "openai/gpt-4o", messages: [{ role: "user", content: "What does this cost?" }] });
    const usage = answer.usage as CostedUsage;
    expect(usage.prompt_tokens).toBeGreaterThan(0);
    expect(usage.cost).toBeCloseTo(dollars(usage.prompt_tokens, usage.completion_tokens, GPT_4O), 12);
    expect(usage.cost_details.upstream_inference_cost).toBe(usage.cost);
    const generation = await (await fetch(`${gateway.url}/api/v1/generation?id=${answer.id}`, { headers: { authorization: `Bearer ${token}` } })).json();
    expect(generation.data).toMatchObject({ app_title: "Spend Report App", app_referer: "https://reports.example.com/run", cost_estimated: false });
    expect(generation.data.total_cost).toBeCloseTo(usage.cost!, 6);
  });

  it("the OpenAI SDK reads usage.cost from the final chunk of a stream", async () => {
    const client = new OpenAI({ apiKey: token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    const stream = await client.chat.completions.create({ model: "openai/gpt-4o", stream: true, stream_options: { include_usage: true }, messages: [{ role: "user", content: "stream the cost" }] });
    let usage: CostedUsage | undefined;
    for await (const chunk of stream) if (chunk.usage) usage = chunk.usage as CostedUsage;
    expect(usage!.completion_tokens).toBeGreaterThan(0);
    expect(usage!.cost).toBeCloseTo(dollars(usage!.prompt_tokens, usage!.completion_tokens, GPT_4O), 12);
  });

  it("puts the cost in Anthropic's usage (passed through and translated) and in Gemini's usageMetadata", async () => {
    const native = await (await post("/v1/messages", token, { model: "anthropic/claude-sonnet-4-5", max_tokens: 50, messages: [{ role: "user", content: "price me" }] })).json();
    expect(native.usage.cost).toBeCloseTo(dollars(native.usage.input_tokens, native.usage.output_tokens, SONNET_4_5), 12);
    const translated = await (await post("/v1/messages", token, { model: "openai/gpt-4o", max_tokens: 50, messages: [{ role: "user", content: "price me" }] })).json();
    expect(translated.usage.cost).toBeCloseTo(dollars(translated.usage.input_tokens, translated.usage.output_tokens, GPT_4O), 12);
    const gemini = await (await post(`/v1beta/models/gemini-2.5-flash:generateContent`, token, { contents: [{ role: "user", parts: [{ text: "price me" }] }] })).json();
    const meta = gemini.usageMetadata;
    expect(meta.cost).toBeCloseTo(dollars(meta.promptTokenCount, meta.candidatesTokenCount + (meta.thoughtsTokenCount ?? 0), GEMINI_FLASH), 12);
  });

  it.each([
    { label: "passed through to OpenAI", model: "openai/gpt-4o", price: GPT_4O },
    { label: "translated for Anthropic", model: "anthropic/claude-sonnet-4-5", price: SONNET_4_5 },
  ])("the OpenAI SDK reads usage.cost from a Responses answer $label, plain and streamed, and the stored response keeps it", async ({ model, price }) => {
    const client = new OpenAI({ apiKey: token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    const expectCost = (usage: OpenAI.Responses.ResponseUsage | undefined) => {
      const costed = usage as OpenAI.Responses.ResponseUsage & { cost: number; cost_details: { upstream_inference_cost: number } };
      expect(costed.output_tokens).toBeGreaterThan(0);
      expect(costed.cost).toBeCloseTo(dollars(costed.input_tokens, costed.output_tokens, price), 12);
      expect(costed.cost_details.upstream_inference_cost).toBe(costed.cost);
    };
    const plain = await client.responses.create({ model, input: "What does this response cost?" });
    expectCost(plain.usage);
    const stream = client.responses.stream({ model, input: "stream what this response costs" });
    const completed: OpenAI.Responses.ResponseCompletedEvent[] = [];
    stream.on("response.completed", (event) => completed.push(event));
    const streamed = await stream.finalResponse();
    expect(completed).toHaveLength(1);
    expectCost(completed[0].response.usage);
    for (const answer of [plain, streamed]) {
      const stored = await client.responses.retrieve(answer.id);
      expectCost(stored.usage);
      expect(stored.usage).toEqual(answer.usage);
    }
  });

  it("refuses a request that would start past the key's dollar budget, in each dialect's error shape, and shows the spend in dollars", async () => {
    const created = await (await post("/api/v1/keys", mgmt, { name: "tiny budget", limit_usd: 0.00001, limit_usd_reset: "daily" })).json();
    expect(created.data).toMatchObject({ limit_usd: 0.00001, limit_usd_reset: "daily", limit_usd_remaining: 0.00001, usage: 0 });
    const first = await post("/v1/chat/completions", created.key, { model: "openai/gpt-4o", messages: [{ role: "user", content: "spend past the budget in one go please" }] });
    expect(first.status).toBe(200);
    const cost = (await first.json()).usage.cost as number;
    expect(cost).toBeGreaterThan(0.00001);

    const refused = await post("/v1/chat/completions", created.key, { model: "openai/gpt-4o", messages: [{ role: "user", content: "again" }] });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const error = (await refused.json()).error;
    expect(error).toMatchObject({ type: "rate_limit_error", code: "budget_exceeded" });
    expect(error.message).toMatch(/^This token's budget of \$0\.00001 per day is spent \(\$0\.0\d+ used\); it resets at \d{4}-\d\d-\d\dT00:00:00\.000Z$/);
    const anthropic = await post("/v1/messages", created.key, { model: "openai/gpt-4o", max_tokens: 10, messages: [{ role: "user", content: "again" }] });
    expect(anthropic.status).toBe(429);
    expect((await anthropic.json())).toMatchObject({ type: "error", error: { type: "rate_limit_error", message: expect.stringContaining("budget of $0.00001 per day") } });

    const info = (await (await fetch(`${gateway.url}/api/v1/key`, { headers: { authorization: `Bearer ${created.key}` } })).json()).data;
    expect(info).toMatchObject({ limit_usd: 0.00001, limit_usd_remaining: 0, usage_messages: 0 });
    expect(info.usage).toBeCloseTo(cost, 6);
    expect(info.usage_daily).toBeCloseTo(cost, 6);
    const raised = await fetch(`${gateway.url}/api/v1/keys/${created.data.hash}`, { method: "PATCH", headers: { authorization: `Bearer ${mgmt}`, "content-type": "application/json" }, body: JSON.stringify({ limit_usd: null }) });
    expect((await raised.json()).data).toMatchObject({ limit_usd: null, limit_usd_remaining: null });
    expect((await post("/v1/chat/completions", created.key, { model: "openai/gpt-4o", messages: [{ role: "user", content: "no budget now" }] })).status).toBe(200);
  });

  it("rejects a malformed budget with a clear 400", async () => {
    const response = await post("/api/v1/keys", mgmt, { name: "bad budget", limit_usd: -5 });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ type: "invalid_request_error", message: expect.stringContaining("limit_usd") });
  });

  it("stores the cost in micro-dollars on the usage row, with one model name per model", async () => {
    await post("/v1/chat/completions", token, { model: "gpt-4o", messages: [{ role: "user", content: "bare name" }] });
    await usageWriter().flush();
    const rows = await (await db()).usageEvent.findMany({ where: { modelRequested: { in: ["gpt-4o", "openai/gpt-4o"] }, status: 200 }, select: { model: true, costMicros: true, promptTokens: true, completionTokens: true } });
    expect(new Set(rows.map((row) => row.model))).toEqual(new Set(["openai/gpt-4o-fake-2025"]));
    for (const row of rows) expect(row.costMicros).toBe(Math.round(dollars(row.promptTokens, row.completionTokens, GPT_4O) * 1e6));
  });
});
