import { OpenRouter } from "@openrouter/sdk";
import type { ChatResult, ChatStreamChunk } from "@openrouter/sdk/models";
import {
  BadGatewayResponseError, BadRequestResponseError, OpenRouterDefaultError, ServiceUnavailableResponseError, TooManyRequestsResponseError, UnauthorizedResponseError,
} from "@openrouter/sdk/models/errors";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { userMonthKey } from "@/lib/quota/admit-message";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

/**
 * OpenRouter's own SDK validates every answer against OpenRouter's published schema: pointed at
 * our /api/v1, each call below fails with a validation error if a response of ours does not fit.
 */
describe("@openrouter/sdk against /api/v1", () => {
  let gateway: Gateway;
  let client: OpenRouter;

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[1]);
    const { token } = await gateway.newUser("openrouter-sdk@example.com", [
      { provider: "anthropic", key: "sk-ant-api03-orsdk-first" },
      { provider: "anthropic", key: "sk-ant-api03-orsdk-second" },
      { provider: "google", key: "AIza-orsdk" },
      { provider: "openai", key: "sk-openai-orsdk" },
      { provider: "mistral", key: "mistral-orsdk-key" },
    ]);
    client = new OpenRouter({ apiKey: token, serverURL: `${gateway.url}/api/v1`, retryConfig: { strategy: "none" } });
  });
  afterAll(() => gateway?.close());

  const send = (model: string, content: string) => client.chat.send({ chatRequest: { model, messages: [{ role: "user", content }] } }) as Promise<ChatResult>;

  for (const [model, path] of [["anthropic/claude-sonnet-4-5", "/v1/messages"], ["google/gemini-2.5-flash", "/v1beta/models/gemini-2.5-flash:generateContent"], ["openai/gpt-4o", "/v1/chat/completions"], ["mistral/mistral-large-latest", "/v1/chat/completions"]]) {
    it(`accepts a non-streamed and a streamed chat answer from ${model}`, async () => {
      const answer = await send(model, `hello ${model}`);
      expect(answer.object).toBe("chat.completion");
      expect(answer.choices[0].message.content).toBe(`Echo: hello ${model}`);
      expect(answer.choices[0].finishReason).toBe("stop");
      expect(answer.usage?.totalTokens).toBeGreaterThan(0);
      expect(gateway.fake.requests.at(-1)!.path).toBe(path);

      const stream = (await client.chat.send({ chatRequest: { model, stream: true, messages: [{ role: "user", content: "stream it" }] } })) as unknown as AsyncIterable<ChatStreamChunk>;
      let text = "";
      let usage: ChatStreamChunk["usage"];
      for await (const chunk of stream) {
        text += chunk.choices[0]?.delta.content ?? "";
        usage ??= chunk.usage;
      }
      expect(text).toBe("Echo: stream it");
      expect(usage?.completionTokens).toBeGreaterThan(0);
    });
  }

  it("accepts tool calls from a Gemini model and a stream's final error chunk", async () => {
    const tools = [{ type: "function" as const, function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } } }];
    const called = (await client.chat.send({ chatRequest: { model: "google/gemini-2.5-flash", tools, messages: [{ role: "user", content: "weather in Paris?" }] } })) as ChatResult;
    expect(called.choices[0].finishReason).toBe("tool_calls");
    expect(called.choices[0].message.toolCalls?.[0].function).toEqual({ name: "get_weather", arguments: '{"city":"Paris"}' });

    gateway.fake.setFault({ mode: "cut-mid-stream", times: 1 });
    const broken = (await client.chat.send({ chatRequest: { model: "openai/gpt-4o", stream: true, messages: [{ role: "user", content: "one two three four five" }] } })) as unknown as AsyncIterable<ChatStreamChunk>;
    const chunks: ChatStreamChunk[] = [];
    for await (const chunk of broken) chunks.push(chunk);
    const last = chunks.at(-1)!;
    expect(last.choices[0].finishReason).toBe("error");
    expect(last.error).toMatchObject({ code: 502, message: expect.stringContaining("openai"), metadata: { errorType: "server" } });
  });

  it("lists models with OpenRouter's fields, filters and pages, and counts them", async () => {
    const all: string[] = [];
    let first: Awaited<ReturnType<typeof client.models.list>>["result"] | undefined;
    for await (const page of await client.models.list({ limit: 10 })) {
      first ??= page.result;
      all.push(...page.result.data.map((m) => m.id));
    }
    expect(first!.totalCount).toBe(all.length);
    expect(first!.data).toHaveLength(10);
    const claude = first!.data.find((m) => m.id === "anthropic/claude-sonnet-4-5")!;
    expect(claude).toMatchObject({
      canonicalSlug: "anthropic/claude-sonnet-4-5",
      name: "Claude Sonnet 4.5",
      contextLength: 200000,
      architecture: { inputModalities: ["text", "image", "file"], outputModalities: ["text"], tokenizer: "Claude", modality: "text+image+file->text" },
      topProvider: { contextLength: 200000, isModerated: false, maxCompletionTokens: null },
      perRequestLimits: null,
      defaultParameters: null,
      links: { details: expect.stringMatching(/^https?:\/\/[^/]+\/api\/v1\/models\/anthropic\/claude-sonnet-4-5\/endpoints$/) },
    });
    expect(claude.supportedParameters).toEqual(expect.arrayContaining(["tools", "tool_choice", "reasoning", "max_tokens", "top_k"]));
    expect(new Set(all).size).toBe(all.length);

    const withTools: string[] = [];
    for await (const page of await client.models.list({ supportedParameters: "tools", inputModalities: "image" })) withTools.push(...page.result.data.map((m) => m.id));
    expect(withTools).toContain("anthropic/claude-sonnet-4-5");
    expect(withTools).not.toContain("openai/o1-mini");
    expect(withTools).not.toContain("openai/text-embedding-3-small");
    expect(withTools.length).toBeLessThan(all.length);
    const embedders: string[] = [];
    for await (const page of await client.models.list({ outputModalities: "embeddings" })) embedders.push(...page.result.data.map((m) => m.id));
    expect(embedders).toContain("openai/text-embedding-3-small");
    expect(embedders).not.toContain("anthropic/claude-sonnet-4-5");
    expect((await client.models.count({ outputModalities: "embeddings" })).data.count).toBe(embedders.length);
    expect((await client.models.count()).data.count).toBe(all.length);
  });

  it("lists the caller's credentials that can serve a model as its endpoints", async () => {
    const { data } = await client.endpoints.list({ author: "anthropic", slug: "claude-sonnet-4-5" });
    expect(data).toMatchObject({ id: "anthropic/claude-sonnet-4-5", name: "Claude Sonnet 4.5", architecture: { tokenizer: "Claude", instructType: null } });
    expect(data.endpoints).toHaveLength(2);
    expect(data.endpoints[0]).toMatchObject({ providerName: "Anthropic", tag: "anthropic", modelName: "Claude Sonnet 4.5", contextLength: 200000, quantization: null, uptimeLast30m: null });
    const other = await gateway.newUser("openrouter-sdk-other@example.com", [{ provider: "anthropic", key: "sk-ant-api03-orsdk-other" }]);
    const otherClient = new OpenRouter({ apiKey: other.token, serverURL: `${gateway.url}/api/v1`, retryConfig: { strategy: "none" } });
    expect((await otherClient.endpoints.list({ author: "anthropic", slug: "claude-sonnet-4-5" })).data.endpoints).toHaveLength(1);
    expect((await otherClient.endpoints.list({ author: "google", slug: "gemini-2.5-flash" })).data.endpoints).toEqual([]);
    const unknown = await client.endpoints.list({ author: "nobody", slug: "no-such-model" }).catch((e: unknown) => e);
    expect((unknown as { statusCode?: number }).statusCode).toBe(404);
  });

  it("reads the current key and a generation record", async () => {
    const key = await client.apiKeys.getCurrentKeyMetadata();
    expect(key.data).toMatchObject({ label: expect.any(String), limit: null, isManagementKey: false, isProvisioningKey: false, includeByokInLimit: true });
    const answer = await send("anthropic/claude-sonnet-4-5", "for the record");
    const { data } = await client.generations.getGeneration({ id: answer.id });
    // Claude Sonnet 4.5 at $3 per million input and $15 per million output tokens.
    const cost = (answer.usage!.promptTokens * 3 + answer.usage!.completionTokens * 15) / 1e6;
    expect(data).toMatchObject({ id: answer.id, model: answer.model, providerName: "Anthropic", isByok: true, tokensPrompt: answer.usage!.promptTokens, tokensCompletion: answer.usage!.completionTokens, apiType: "completions" });
    expect(data.totalCost).toBeCloseTo(cost, 9);
  });

  it("accepts embeddings, and raises its own error classes with the provider's metadata", async () => {
    const embedded = await client.embeddings.generate({ requestBody: { model: "openai/text-embedding-3-small", input: ["a", "b"] } });
    expect(typeof embedded === "string" ? null : embedded.data.map((d) => d.index)).toEqual([0, 1]);

    const invalid = await client.chat.send({ chatRequest: { model: "openai/gpt-4o", messages: [] } }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(BadRequestResponseError);
    gateway.fake.setFault({ mode: "status:500", times: 1 });
    const failed = await send("openai/gpt-4o", "fail please").catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(BadGatewayResponseError);
    expect((failed as BadGatewayResponseError).error.metadata).toMatchObject({ provider_name: "OpenAI", raw: { error: expect.objectContaining({ type: "server_error" }) } });
  });

  it("raises its typed error class for an error with a code of ours, which it finds in metadata.code (OpenAI's /v1 keeps the string code)", async () => {
    gateway.fake.setFault({ mode: "status:400", times: 1 });
    const rejected = await send("openai/gpt-4o", "reject me").catch((e: unknown) => e);
    expect(rejected).toBeInstanceOf(BadRequestResponseError);
    expect((rejected as BadRequestResponseError).error).toMatchObject({ code: 400, metadata: { code: "upstream_rejected", provider_name: "OpenAI" } });

    const stranger = new OpenRouter({ apiKey: "lr_live_not-a-real-token", serverURL: `${gateway.url}/api/v1`, retryConfig: { strategy: "none" } });
    const unknown = await stranger.chat.send({ chatRequest: { model: "openai/gpt-4o", messages: [{ role: "user", content: "hi" }] } }).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(UnauthorizedResponseError);
    expect((unknown as UnauthorizedResponseError).error.code).toBe(401);

    const unserved = await send("cohere/command-r-plus", "no credential for this").catch((e: unknown) => e);
    expect(unserved).toBeInstanceOf(ServiceUnavailableResponseError);
    expect((unserved as ServiceUnavailableResponseError).error).toMatchObject({ code: 503, metadata: { code: "no_provider" } });

    const { token: refusedToken } = await gateway.newUser("openrouter-sdk-refused@example.com", [{ provider: "openai", key: "sk-openai-orsdk-invalid-key" }]);
    const refusedClient = new OpenRouter({ apiKey: refusedToken, serverURL: `${gateway.url}/api/v1`, retryConfig: { strategy: "none" } });
    const refused = await refusedClient.chat.send({ chatRequest: { model: "openai/gpt-4o", messages: [{ role: "user", content: "hi" }] } }).catch((e: unknown) => e);
    // The SDK has no class of its own for 424: its default error, with the body intact.
    expect(refused).toBeInstanceOf(OpenRouterDefaultError);
    expect((refused as OpenRouterDefaultError).statusCode).toBe(424);
    expect(JSON.parse((refused as OpenRouterDefaultError).body).error).toMatchObject({ code: 424, type: "permission_error", metadata: { code: "credentials_refused" } });

    const limited = await gateway.newUser("openrouter-sdk-limited@example.com", [{ provider: "openai", key: "sk-openai-orsdk-limited" }]);
    const prisma = await db();
    const counter = userMonthKey(limited.userId, new Date());
    await prisma.quotaCounter.upsert({ where: { key: counter }, update: { used: 100_000 }, create: { key: counter, used: 100_000 } });
    const limitedClient = new OpenRouter({ apiKey: limited.token, serverURL: `${gateway.url}/api/v1`, retryConfig: { strategy: "none" } });
    const tooMany = await limitedClient.chat.send({ chatRequest: { model: "openai/gpt-4o", messages: [{ role: "user", content: "one too many" }] } }).catch((e: unknown) => e);
    expect(tooMany).toBeInstanceOf(TooManyRequestsResponseError);
    expect((tooMany as TooManyRequestsResponseError).error).toMatchObject({ code: 429, metadata: { code: "message_limit", resets_at: expect.any(String) } });

    const openai = new OpenAI({ apiKey: limited.token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    const onV1 = await openai.chat.completions.create({ model: "openai/gpt-4o", messages: [{ role: "user", content: "still limited" }] }).catch((e) => e);
    expect(onV1).toBeInstanceOf(OpenAI.RateLimitError);
    expect(onV1.error).toMatchObject({ code: "message_limit", type: "rate_limit_error" });
  });
});
