import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

/** OpenRouter's documented requests, sent unchanged through the OpenAI SDK (extra fields as OpenRouter's docs pass them). */
type OpenRouterBody = OpenAI.ChatCompletionCreateParamsNonStreaming & Record<string, unknown>;
const hello = (text = "Hello"): OpenAI.ChatCompletionMessageParam[] => [{ role: "user", content: text }];

describe("OpenRouter's model ids, variants, provider preferences and fallbacks, over the caller's own credentials", () => {
  let gateway: Gateway;
  /** Direct credentials only. */
  let direct: OpenAI;
  /** Only an OpenRouter credential. */
  let router: OpenAI;
  /** Groq and OpenRouter. */
  let mixed: OpenAI;

  const KEYS = { anthropic: "sk-ant-api03-or-direct", openai: "sk-proj-or-direct", groq: "gsk_or-direct", together: "tgp_v1_or-direct", openrouter: "sk-or-v1-or-only", mixedGroq: "gsk_or-mixed", mixedRouter: "sk-or-v1-or-mixed" };
  const sentWith = (key: string) => gateway.fake.requests.filter((r) => r.credential === key).at(-1)!;
  /** The answer, with the `provider` that served it (our field, as OpenRouter's). */
  const chat = (client: OpenAI, body: Partial<OpenRouterBody>, options?: OpenAI.RequestOptions): Promise<OpenAI.ChatCompletion & { provider?: string }> =>
    client.chat.completions.create({ messages: hello(), ...body } as OpenRouterBody, options);

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[0]);
    const client = async (email: string, credentials: Array<{ provider: string; key: string }>) =>
      new OpenAI({ apiKey: (await gateway.newUser(email, credentials)).token, baseURL: `${gateway.url}/api/v1`, maxRetries: 0 });
    direct = await client("or-direct@example.com", ["anthropic", "openai", "groq", "together"].map((provider) => ({ provider, key: KEYS[provider as keyof typeof KEYS] })));
    router = await client("or-only@example.com", [{ provider: "openrouter", key: KEYS.openrouter }]);
    mixed = await client("or-mixed@example.com", [{ provider: "groq", key: KEYS.mixedGroq }, { provider: "openrouter", key: KEYS.mixedRouter }]);
  });
  afterAll(() => gateway?.close());

  it("resolves OpenRouter's ids to the caller's own providers, and sends them unchanged to an OpenRouter credential", async () => {
    const claude = await chat(direct, { model: "anthropic/claude-sonnet-4.5" });
    expect(claude.choices[0].message.content).toBe("Echo: Hello");
    expect(sentWith(KEYS.anthropic)).toMatchObject({ path: "/v1/messages", body: { model: "claude-sonnet-4-5" } });
    await chat(direct, { model: "meta-llama/llama-3.3-70b-instruct" });
    expect(sentWith(KEYS.groq)).toMatchObject({ path: "/openai/v1/chat/completions", body: { model: "llama-3.3-70b-versatile" } });
    const viaRouter = await chat(router, { model: "anthropic/claude-sonnet-4.5" });
    expect(viaRouter.provider).toBe("openrouter");
    expect(sentWith(KEYS.openrouter)).toMatchObject({ path: "/api/v1/chat/completions", body: { model: "anthropic/claude-sonnet-4.5" } });
  });

  it("lists the aliases its credentials can serve in /models", async () => {
    const ids = (await direct.models.list()).data.map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(["anthropic/claude-sonnet-4.5", "meta-llama/llama-3.3-70b-instruct", "anthropic/claude-sonnet-4-5"]));
    expect(ids).not.toContain("mistralai/mistral-large");
    expect(await direct.models.retrieve("anthropic/claude-sonnet-4.5")).toMatchObject({ owned_by: "anthropic", context_length: 200000 });
  });

  it("sends openrouter/auto to OpenRouter as is, picks the caller's best model without it, and says why it cannot with neither", async () => {
    await chat(router, { model: "openrouter/auto" });
    expect(sentWith(KEYS.openrouter).body.model).toBe("openrouter/auto");
    const picked = await chat(direct, { model: "openrouter/auto" });
    expect(picked.model).toBe("claude-sonnet-4-5");
    const custom = new OpenAI({ apiKey: (await gateway.newUser("or-custom@example.com", [{ provider: "custom", key: "local-server-key", baseUrl: `${gateway.fake.url}/v1` }])).token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    await expect(chat(custom, { model: "openrouter/auto" })).rejects.toMatchObject({ status: 400, message: expect.stringContaining("'openrouter/auto' needs an OpenRouter credential") });
  });

  it("gives variants their meaning at the caller's providers, forwards them to OpenRouter, and refuses the rest with the reason", async () => {
    const thinking = await chat(direct, { model: "anthropic/claude-sonnet-4.5:thinking" });
    expect(sentWith(KEYS.anthropic).body.thinking).toMatchObject({ type: "enabled" });
    expect((thinking.choices[0].message as { reasoning?: string }).reasoning).toBeTruthy();

    await chat(mixed, { model: "meta-llama/llama-3.3-70b-instruct" });
    expect(gateway.fake.requests.at(-1)!.credential).toBe(KEYS.mixedGroq);
    // :floor puts the cheaper route first: OpenRouter's price for this model is below Groq's.
    await chat(mixed, { model: "meta-llama/llama-3.3-70b-instruct:floor" });
    expect(gateway.fake.requests.at(-1)).toMatchObject({ credential: KEYS.mixedRouter, body: { model: "meta-llama/llama-3.3-70b-instruct:floor" } });

    await expect(chat(direct, { model: "openai/gpt-oss-20b:free" })).rejects.toMatchObject({ status: 400, message: expect.stringContaining("':free' asks for OpenRouter's free endpoints") });
    await expect(chat(direct, { model: "openai/gpt-4o@preset/support" })).rejects.toMatchObject({ status: 400, message: expect.stringContaining("presets are saved at OpenRouter") });
    for (const model of ["openai/gpt-oss-20b:free:online", "openai/gpt-4o@preset/support", "deepseek/deepseek-r1:exacto"]) {
      await chat(router, { model });
      expect(sentWith(KEYS.openrouter).body.model).toBe(model);
    }
  });

  it(":nitro tries first the credential that has been answering fastest", async () => {
    const model = "meta-llama/llama-3.3-70b-instruct";
    await chat(direct, { model, provider: { order: ["Together"] } });
    gateway.fake.setFault({ mode: "slow:300", match: { credential: KEYS.groq }, times: 1 });
    await chat(direct, { model, provider: { order: ["Groq"] } });
    await chat(direct, { model: `${model}:nitro` });
    expect(gateway.fake.requests.at(-1)!.credential).toBe(KEYS.together);
  });

  it("applies provider preferences to the caller's providers and forwards them verbatim to OpenRouter", async () => {
    const model = "meta-llama/llama-3.3-70b-instruct";
    await chat(direct, { model, provider: { order: ["Together", "Groq"] } });
    expect(gateway.fake.requests.at(-1)!.credential).toBe(KEYS.together);
    await chat(direct, { model, provider: { ignore: ["Groq"] } });
    expect(gateway.fake.requests.at(-1)!.credential).toBe(KEYS.together);

    gateway.fake.setFault({ mode: "status:503", match: { credential: KEYS.groq }, times: 1 });
    const before = gateway.fake.requests.length;
    await expect(chat(direct, { model, provider: { only: ["Groq"] } })).rejects.toMatchObject({ status: 502 });
    expect(gateway.fake.requests.slice(before).map((r) => r.credential)).toEqual([KEYS.groq]);

    await expect(chat(direct, { model, provider: { only: ["Mistral"] } })).rejects.toMatchObject({
      status: 503, error: { code: 503, metadata: { code: "no_provider" }, message: expect.stringContaining("Groq is not in provider.only") },
    });
    await expect(chat(direct, { model: "anthropic/claude-sonnet-4.5", seed: 1, provider: { require_parameters: true } })).rejects.toMatchObject({
      status: 503, message: expect.stringContaining("Anthropic does not support seed"),
    });

    const preferences = { order: ["Together"], allow_fallbacks: false, sort: "price", data_collection: "deny", max_price: { prompt: 1 } };
    await chat(router, { model, provider: preferences, transforms: ["middle-out"], plugins: [{ id: "response-healing" }] });
    expect(sentWith(KEYS.openrouter).body).toMatchObject({ provider: preferences, transforms: ["middle-out"], plugins: [{ id: "response-healing" }] });
    expect(sentWith(KEYS.groq).body.provider).toBeUndefined();
  });

  it("falls back along models[] on any error of the model, 404 and 400 included, but fails at once on a request we refuse", async () => {
    const notFound = await chat(direct, { model: "openai/gpt-4o--fault-status-404", models: ["anthropic/claude-sonnet-4.5"] });
    expect(notFound.choices[0].message.content).toBe("Echo: Hello");
    expect(sentWith(KEYS.openai)).toMatchObject({ status: 404, model: "gpt-4o--fault-status-404" });
    const refusedParameter = await chat(direct, { model: "openai/gpt-4o--fault-status-400", models: ["meta-llama/llama-3.3-70b-instruct"] });
    expect(refusedParameter.provider).toBe("groq");

    const before = gateway.fake.requests.length;
    await expect(chat(direct, { model: "openai/gpt-4o", models: ["anthropic/claude-sonnet-4.5"], transforms: ["squeeze"] })).rejects.toMatchObject({ status: 400, param: "transforms.0" });
    expect(gateway.fake.requests.length).toBe(before);
    await expect(chat(direct, { model: "openai/gpt-4o--fault-status-404" })).rejects.toMatchObject({ status: 400, error: { metadata: { provider: "openai", status: 404 } } });
  });

  it("compresses an over-long prompt from the middle on a model of 8k context, unless transforms is []", async () => {
    const turn = (i: number) => `turn ${i}: ${"lorem ipsum dolor sit amet ".repeat(60)}`;
    const messages: OpenAI.ChatCompletionMessageParam[] = Array.from({ length: 30 }, (_, i) => [
      { role: "user" as const, content: turn(i) },
      { role: "assistant" as const, content: `answer ${i}` },
    ]).flat();
    messages.push({ role: "user", content: "and finally?" });
    const answer = await chat(direct, { model: "google/gemma-2-9b-it", messages });
    expect(answer.choices[0].message.content).toBe("Echo: and finally?");
    const sent = sentWith(KEYS.groq).body.messages as Array<{ content: string }>;
    expect(sent.length).toBeLessThan(messages.length);
    expect(sent[0].content).toBe(turn(0));
    expect(sent.at(-1)!.content).toBe("and finally?");
    expect(sent.map((m) => m.content)).not.toContain(turn(15));

    await chat(direct, { model: "google/gemma-2-9b-it", messages, transforms: [] });
    expect(sentWith(KEYS.groq).body.messages).toHaveLength(messages.length);
    await chat(router, { model: "google/gemma-2-9b-it", messages, transforms: ["middle-out"] });
    expect(sentWith(KEYS.openrouter).body).toMatchObject({ transforms: ["middle-out"], messages: expect.arrayContaining([expect.objectContaining({ content: turn(15) })]) });
  });

  it("forwards the app attribution headers to an OpenRouter credential, and to no one else", async () => {
    const headers = { "HTTP-Referer": "https://myapp.example", "X-Title": "My App", "X-OpenRouter-Title": "My App" };
    await chat(router, { model: "openai/gpt-4o" }, { headers });
    expect(sentWith(KEYS.openrouter).headers).toMatchObject({ "http-referer": "https://myapp.example", "x-title": "My App", "x-openrouter-title": "My App" });
    await chat(direct, { model: "openai/gpt-4o" }, { headers });
    expect(sentWith(KEYS.openai).headers["http-referer"]).toBeUndefined();
    expect(sentWith(KEYS.openai).headers["x-title"]).toBeUndefined();
  });
});
