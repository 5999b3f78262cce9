import Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

const UPSTREAMS = ["anthropic/claude-sonnet-4-5", "openai/gpt-4o", "google/gemini-2.5-flash", "cohere/command-r-plus"];
const weatherTool = { name: "get_weather", description: "Weather for a city", input_schema: { type: "object" as const, properties: { city: { type: "string" } }, required: ["city"] } };

describe("the Anthropic SDK against /v1/messages", () => {
  let gateway: Gateway;
  let token: string;
  let client: Anthropic;

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[0]);
    ({ token } = await gateway.newUser("anthropic-sdk@example.com", [
      { provider: "anthropic", key: "sk-ant-api03-native" },
      { provider: "openai", key: "sk-openai-native" },
      { provider: "google", key: "AIza-native" },
      { provider: "cohere", key: "co-native" },
    ]));
    client = new Anthropic({ apiKey: token, baseURL: gateway.url, maxRetries: 0 });
  });
  afterAll(() => gateway?.close());

  for (const model of UPSTREAMS) {
    it(`${model}: create, stream with finalMessage, and a tool round trip`, async () => {
      const message = await client.messages.create({ model, max_tokens: 256, system: "Be brief.", messages: [{ role: "user", content: "Hello native" }] });
      expect(message.content).toEqual([{ type: "text", text: "Echo: Hello native" }]);
      expect(message.stop_reason).toBe("end_turn");
      expect(message.usage.output_tokens).toBeGreaterThan(0);

      const streamed = await client.messages.stream({ model, max_tokens: 256, messages: [{ role: "user", content: "stream natively" }] }).finalMessage();
      expect(streamed.content).toEqual([{ type: "text", text: "Echo: stream natively" }]);
      expect(streamed.stop_reason).toBe("end_turn");

      const ask: Anthropic.MessageParam[] = [{ role: "user", content: "What is the weather in Paris?" }];
      const toolTurn = await client.messages.stream({ model, max_tokens: 256, tools: [weatherTool], messages: ask }).finalMessage();
      expect(toolTurn.stop_reason).toBe("tool_use");
      const use = toolTurn.content.find((b): b is Anthropic.ToolUseBlock => b.type === "tool_use")!;
      expect(use).toMatchObject({ name: "get_weather", input: { city: "Paris" } });
      const final = await client.messages.create({
        model, max_tokens: 256, tools: [weatherTool],
        messages: [...ask, { role: "assistant", content: toolTurn.content }, { role: "user", content: [{ type: "tool_result", tool_use_id: use.id, content: "warm" }] }],
      });
      expect(final.content).toEqual([{ type: "text", text: "The tool said: warm" }]);
    });
  }

  it("accepts the token as a Bearer token too, and passes anthropic-beta through to Anthropic", async () => {
    const bearer = new Anthropic({ authToken: token, apiKey: null, baseURL: gateway.url, maxRetries: 0 });
    await bearer.messages.create({ model: "claude-sonnet-4-5", max_tokens: 64, messages: [{ role: "user", content: "hi" }] }, { headers: { "anthropic-beta": "prompt-caching-2024-07-31" } });
    expect(gateway.fake.requests.at(-1)!.headers["anthropic-beta"]).toBe("prompt-caching-2024-07-31");
  });

  it("streams thinking with its signature back to the SDK", async () => {
    const message = await client.messages
      .stream({ model: "anthropic/claude-sonnet-4-5", max_tokens: 4096, thinking: { type: "enabled", budget_tokens: 2048 }, messages: [{ role: "user", content: "think first" }] })
      .finalMessage();
    expect(message.content[0]).toMatchObject({ type: "thinking", thinking: "Let me think about this step by step.", signature: expect.stringMatching(/^EqQB/) });
    expect(message.content[1]).toEqual({ type: "text", text: "Echo: think first" });
  });

  it("answers errors in Anthropic's shape with the right status", async () => {
    const stranger = new Anthropic({ apiKey: "lr_live_" + "z".repeat(40), baseURL: gateway.url, maxRetries: 0 });
    const denied = await stranger.messages.create({ model: "claude-sonnet-4-5", max_tokens: 10, messages: [{ role: "user", content: "hi" }] }).catch((e) => e);
    expect(denied).toBeInstanceOf(Anthropic.AuthenticationError);
    expect(denied.error).toMatchObject({ type: "error", error: { type: "authentication_error" } });
    const invalid = await fetch(`${gateway.url}/v1/messages`, { method: "POST", headers: { "x-api-key": token, "content-type": "application/json" }, body: JSON.stringify({ model: "claude-sonnet-4-5", messages: [{ role: "user", content: "hi" }] }) });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ type: "error", error: { type: "invalid_request_error", message: expect.stringContaining("max_tokens") } });
  });

  it("runs the reference curl as written", async () => {
    const response = await fetch(`${gateway.url}/v1/messages`, {
      method: "POST",
      headers: { "X-Api-Key": token, "Content-Type": "application/json", "anthropic-version": "2023-06-01" },
      body: JSON.stringify({ model: "claude-sonnet-4-20250514", max_tokens: 1024, messages: [{ role: "user", content: "Hello!" }] }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ type: "message", role: "assistant", content: [{ type: "text", text: "Echo: Hello!" }] });
  });

  it("passes a Claude request to Anthropic untouched, fields we do not model included, and still counts it", async () => {
    const raw = {
      model: "anthropic/claude-sonnet-4-5", max_tokens: 128, stream: true,
      context_management: { edits: [{ type: "clear_tool_uses_20250919" }] },
      tools: [{ ...weatherTool, cache_control: { type: "ephemeral" } }],
      messages: [{ role: "user", content: "pass me through" }],
    };
    const response = await fetch(`${gateway.url}/v1/messages`, { method: "POST", headers: { "x-api-key": token, "content-type": "application/json" }, body: JSON.stringify(raw) });
    const text = await response.text();
    const sent = gateway.fake.requests.at(-1)!.body;
    expect(sent).toEqual({ ...raw, model: "claude-sonnet-4-5" });
    expect(text).toContain('"id":"msg_fake01"');
    expect(text).toContain("event: message_stop");
    const id = response.headers.get("x-generation-id")!;
    const info = await fetch(`${gateway.url}/api/v1/generation?id=${id}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await info.json()).data).toMatchObject({ provider: "anthropic", endpoint: "messages", streamed: true, tokens_completion: 4, finish_reason: "stop" });
  });

  it("counts tokens", async () => {
    const counted = await client.messages.countTokens({ model: "claude-sonnet-4-5", messages: [{ role: "user", content: "Hello, world!" }] });
    expect(counted.input_tokens).toBe(3 + 4 + 4);
  });
});
