import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

// Every provider that speaks OpenAI's dialect, with the path its real base URL puts in front.
const PROVIDERS = [
  { provider: "openai", model: "gpt-4o-mini", path: "/v1/chat/completions" },
  { provider: "mistral", model: "mistral-large-latest", path: "/v1/chat/completions" },
  { provider: "groq", model: "llama-3.3-70b-versatile", path: "/openai/v1/chat/completions" },
  { provider: "xai", model: "grok-3", path: "/v1/chat/completions" },
  { provider: "deepseek", model: "deepseek-chat", path: "/v1/chat/completions" },
  { provider: "together", model: "meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo", path: "/v1/chat/completions" },
  { provider: "cloudflare-ai", model: "@cf/meta/llama-3.1-8b-instruct", path: "/client/v4/accounts/acct123/ai/v1/chat/completions" },
  { provider: "openrouter", model: "anthropic/claude-sonnet-4.5", path: "/api/v1/chat/completions" },
];

describe("OpenAI-dialect providers through the gateway", () => {
  let gateway: Gateway;
  let client: OpenAI;

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[0]);
    const { token } = await gateway.newUser("dialects@example.com", [
      ...PROVIDERS.map(({ provider }) => ({ provider, key: `key-${provider}-123456`, accountId: provider === "cloudflare-ai" ? "acct123" : undefined })),
      { provider: "custom", key: "ollama-key-123456", baseUrl: `${gateway.fake.url}/ollama/v1` },
    ]);
    client = new OpenAI({ apiKey: token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
  });
  afterAll(() => gateway?.close());

  for (const { provider, model, path } of PROVIDERS) {
    it(`${provider}: answers and streams at its own path with its own key`, async () => {
      const id = `${provider}/${model}`;
      const answer = await client.chat.completions.create({ model: id, max_tokens: 100, messages: [{ role: "user", content: `hi ${provider}` }] });
      expect(answer.choices[0].message.content).toBe(`Echo: hi ${provider}`);
      const sent = gateway.fake.requests.at(-1)!;
      expect(sent.path).toBe(path);
      expect(sent.headers.authorization).toBe(`Bearer key-${provider}-123456`);
      expect(sent.body.model).toBe(model);

      const stream = await client.chat.completions.create({ model: id, stream: true, messages: [{ role: "user", content: "streamed" }] });
      let text = "";
      for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? "";
      expect(text).toBe("Echo: streamed");
    });
  }

  it("custom endpoints (Ollama, vLLM, LM Studio) answer at the user's own base URL", async () => {
    const answer = await client.chat.completions.create({ model: "custom/llama3.2", messages: [{ role: "user", content: "local" }] });
    expect(answer.choices[0].message.content).toBe("Echo: local");
    expect(gateway.fake.requests.at(-1)!.path).toBe("/ollama/v1/chat/completions");
    const bare = await client.chat.completions.create({ model: "qwen2.5-coder:7b", messages: [{ role: "user", content: "bare" }] });
    expect(bare.choices[0].message.content).toBe("Echo: bare");
  });

  it("drops fields a provider rejects and translates max_completion_tokens where needed", async () => {
    await client.chat.completions.create({ model: "mistral/mistral-large-latest", max_completion_tokens: 50, top_k: 5, logit_bias: { "1": 1 }, user: "u1", messages: [{ role: "developer", content: "rules" }, { role: "user", content: "x" }] } as never);
    const body = gateway.fake.requests.at(-1)!.body;
    expect(body).toMatchObject({ max_tokens: 50, messages: [{ role: "system", content: "rules" }, { role: "user", content: "x" }] });
    for (const field of ["max_completion_tokens", "top_k", "logit_bias", "user"]) expect(body).not.toHaveProperty(field);
  });
});
