import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { userMonthKey } from "@/lib/quota/admit-message";
import { usageWriter } from "@/lib/usage/usage-writer";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

describe("legacy /v1/completions through the OpenAI SDK", () => {
  let gateway: Gateway;
  let client: OpenAI;
  let token: string;
  let userId: string;
  const messagesUsed = async () => (await (await fetch(`${gateway.url}/api/v1/key`, { headers: { authorization: `Bearer ${token}` } })).json()).data.messages.used as number;
  const rowsOf = async (ids: string[]) => {
    await usageWriter().flush();
    return (await db()).usageEvent.findMany({ where: { id: { in: ids } } });
  };

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[1]);
    ({ token, userId } = await gateway.newUser("completions@example.com", [
      { provider: "anthropic", key: "sk-ant-api03-completions" },
      { provider: "google", key: "AIza-completions" },
      { provider: "openai", key: "sk-openai-completions" },
    ]));
    client = new OpenAI({ apiKey: token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
  });
  afterAll(() => gateway?.close());

  it("serves a prompt over an Anthropic chat model: the prompt as the user message, a text_completion back, one message counted", async () => {
    const before = await messagesUsed();
    const { data, response } = await client.completions.create({ model: "anthropic/claude-sonnet-4-5", prompt: "Once upon a time", max_tokens: 40, temperature: 0.2, stop: ["THE END"] }).withResponse();
    expect(data).toMatchObject({ object: "text_completion", id: expect.stringMatching(/^gen-/), choices: [{ index: 0, text: "Echo: Once upon a time", finish_reason: "stop", logprobs: null }] });
    expect(data.usage?.total_tokens).toBeGreaterThan(0);
    expect(response.headers.get("x-generation-id")).toBe(data.id);
    const sent = gateway.fake.requests.at(-1)!;
    expect(sent.path).toBe("/v1/messages");
    expect(sent.body).toMatchObject({ model: "claude-sonnet-4-5", max_tokens: 40, temperature: 0.2, stop_sequences: ["THE END"], messages: [{ role: "user", content: [{ type: "text", text: "Once upon a time" }] }] });
    expect(await messagesUsed()).toBe(before + 1);
    expect(await rowsOf([data.id])).toEqual([expect.objectContaining({ endpoint: "completions", provider: "anthropic", status: 200, countedMessage: true, streamed: false })]);
  });

  it("streams text_completion chunks from a Gemini model, with usage and [DONE]", async () => {
    const stream = await client.completions.create({ model: "google/gemini-2.5-flash", prompt: "stream this prompt", stream: true, stream_options: { include_usage: true } });
    let text = "";
    let finish: string | null = null;
    let usage: OpenAI.CompletionUsage | undefined;
    let id = "";
    for await (const chunk of stream) {
      expect(chunk.object).toBe("text_completion");
      id = chunk.id;
      text += chunk.choices[0]?.text ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe("Echo: stream this prompt");
    expect(finish).toBe("stop");
    expect(usage?.completion_tokens).toBeGreaterThan(0);
    expect(gateway.fake.requests.at(-1)!.path).toBe("/v1beta/models/gemini-2.5-flash:streamGenerateContent");
    await expect.poll(async () => (await rowsOf([id])).map((r) => [r.endpoint, r.streamed, r.status])).toEqual([["completions", true, 200]]);
  });

  it("answers an array of prompts (as LangChain sends them) with one choice per prompt, each its own upstream request", async () => {
    const before = await messagesUsed();
    const sentBefore = gateway.fake.requests.length;
    const data = await client.completions.create({ model: "openai/gpt-4o", prompt: ["first prompt", "second prompt"] });
    expect(data.choices.map((c) => [c.index, c.text])).toEqual([[0, "Echo: first prompt"], [1, "Echo: second prompt"]]);
    const sent = gateway.fake.requests.slice(sentBefore);
    expect(sent.map((r) => r.body.messages)).toEqual(expect.arrayContaining([[{ role: "user", content: "first prompt" }], [{ role: "user", content: "second prompt" }]]));
    expect(sent).toHaveLength(2);
    expect(data.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(await messagesUsed()).toBe(before + 2);
  });

  it("puts the prompt before the answer with echo, streamed and not", async () => {
    const whole = await client.completions.create({ model: "openai/gpt-4o", prompt: "Say: ", echo: true });
    expect(whole.choices[0].text).toBe("Say: Echo: Say: ");
    let streamed = "";
    for await (const chunk of await client.completions.create({ model: "openai/gpt-4o", prompt: "Say: ", echo: true, stream: true })) streamed += chunk.choices[0]?.text ?? "";
    expect(streamed).toBe("Say: Echo: Say: ");
  });

  it("refuses what a chat model cannot serve with a 400 naming the field, before any upstream call or message", async () => {
    const before = await messagesUsed();
    const sentBefore = gateway.fake.requests.length;
    const refused: Array<[string, Promise<unknown>]> = [
      ["prompt", client.completions.create({ model: "openai/gpt-4o", prompt: [1212, 318] })],
      ["prompt", client.completions.create({ model: "openai/gpt-4o", prompt: [[1212], [318]] })],
      ["suffix", client.completions.create({ model: "openai/gpt-4o", prompt: "def f(", suffix: "return x" })],
      ["best_of", client.completions.create({ model: "openai/gpt-4o", prompt: "x", best_of: 3 })],
      ["logprobs", client.completions.create({ model: "openai/gpt-4o", prompt: "x", logprobs: 2 })],
      ["prompt", client.completions.create({ model: "openai/gpt-4o", prompt: ["a", "b"], stream: true })],
      ["prompt", client.completions.create({ model: "openai/gpt-4o" } as never)],
      ["temperature", client.completions.create({ model: "openai/gpt-4o", prompt: "x", temperature: 7 })],
    ];
    for (const [param, call] of refused) {
      const error = (await call.catch((e: unknown) => e)) as InstanceType<typeof OpenAI.BadRequestError>;
      expect(error, param).toBeInstanceOf(OpenAI.BadRequestError);
      expect(error.error, param).toMatchObject({ type: "invalid_request_error", param, message: expect.any(String) });
    }
    expect(gateway.fake.requests.length).toBe(sentBefore);
    expect(await messagesUsed()).toBe(before);
  });

  it("answers on OpenRouter's /api/v1/completions too, and refuses a request past the plan's limit", async () => {
    const routed = await fetch(`${gateway.url}/api/v1/completions`, {
      method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ model: "openai/gpt-4o", prompt: "via openrouter path" }),
    });
    expect(routed.status).toBe(200);
    expect((await routed.json()).choices[0].text).toBe("Echo: via openrouter path");
    const prisma = await db();
    await prisma.quotaCounter.upsert({ where: { key: userMonthKey(userId, new Date()) }, update: { used: 100 }, create: { key: userMonthKey(userId, new Date()), used: 100 } });
    const limited = await client.completions.create({ model: "openai/gpt-4o", prompt: "one too many" }).catch((e) => e);
    expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
    expect(limited.error).toMatchObject({ type: "rate_limit_error", code: "message_limit" });
  });
});
