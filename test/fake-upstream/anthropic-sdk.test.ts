import Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeUpstream, type FakeUpstream } from "./server";

// The fake's Messages API, checked by the official SDK (including its stream accumulator).
describe("fake upstream, Anthropic Messages, through @anthropic-ai/sdk", () => {
  let fake: FakeUpstream;
  let client: Anthropic;
  const model = "claude-sonnet-4-6";
  const weather: Anthropic.Tool = { name: "get_weather", input_schema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } };

  beforeAll(async () => {
    fake = await startFakeUpstream();
    client = new Anthropic({ baseURL: fake.url, apiKey: "sk-ant-api03-test", maxRetries: 0 });
  });
  beforeEach(() => fake.reset());
  afterAll(() => fake.close());

  it("answers a message, and records the credential and anthropic-version the SDK sent", async () => {
    const message = await client.messages.create({ model, max_tokens: 64, system: "Be brief.", messages: [{ role: "user", content: "Hello Claude" }] });
    expect(message).toMatchObject({ type: "message", role: "assistant", content: [{ type: "text", text: "Echo: Hello Claude" }], stop_reason: "end_turn", usage: { output_tokens: 3 } });
    const sent = fake.requests.at(-1)!;
    expect(sent).toMatchObject({ path: "/v1/messages", family: "anthropic", credential: "sk-ant-api03-test" });
    // This SDK version sends the API key as a Bearer token.
    expect(sent.headers.authorization).toBe("Bearer sk-ant-api03-test");
    expect(sent.headers["anthropic-version"]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(sent.body.system).toBe("Be brief.");
  });

  it("streams the real event sequence, which the SDK accumulates into the same message", async () => {
    const events: string[] = [];
    const stream = client.messages.stream({ model, max_tokens: 64, messages: [{ role: "user", content: "stream natively" }] });
    stream.on("streamEvent", (event) => events.push(event.type));
    const final = await stream.finalMessage();
    expect(final.content).toEqual([{ type: "text", text: "Echo: stream natively" }]);
    expect(final.stop_reason).toBe("end_turn");
    expect(final.usage.output_tokens).toBe(3);
    expect(events).toEqual(["message_start", "content_block_start", "content_block_delta", "content_block_delta", "content_block_delta", "content_block_stop", "message_delta", "message_stop"]);
  });

  it("uses a tool (toolu_ ids, input_json_delta), then answers with the tool_result", async () => {
    const ask: Anthropic.MessageParam[] = [{ role: "user", content: "What is the weather in Paris and Tokyo? parallel" }];
    const toolTurn = await client.messages.stream({ model, max_tokens: 256, tools: [weather], messages: ask }).finalMessage();
    expect(toolTurn.stop_reason).toBe("tool_use");
    const uses = toolTurn.content.filter((b): b is Anthropic.ToolUseBlock => b.type === "tool_use");
    expect(uses.map((u) => [u.id, u.input])).toEqual([["toolu_fake0Paris", { city: "Paris" }], ["toolu_fake1Tokyo", { city: "Tokyo" }]]);
    const final = await client.messages.create({
      model, max_tokens: 256, tools: [weather],
      messages: [...ask, { role: "assistant", content: toolTurn.content }, { role: "user", content: uses.map((u) => ({ type: "tool_result" as const, tool_use_id: u.id, content: "warm" })) }],
    });
    expect(final.content).toEqual([{ type: "text", text: "The tool said: warm" }]);
  });

  it("forces a tool with tool_choice", async () => {
    const message = await client.messages.create({ model, max_tokens: 64, tools: [weather], tool_choice: { type: "tool", name: "get_weather" }, messages: [{ role: "user", content: "hi" }] });
    expect(message.content[0]).toMatchObject({ type: "tool_use", id: "toolu_fake0Paris", name: "get_weather" });
  });

  it("streams thinking (thinking_delta, signature_delta) before the text", async () => {
    const message = await client.messages
      .stream({ model, max_tokens: 2048, thinking: { type: "enabled", budget_tokens: 1024 }, messages: [{ role: "user", content: "think first" }] })
      .finalMessage();
    expect(message.content[0]).toEqual({ type: "thinking", thinking: "Let me think about this step by step.", signature: expect.stringMatching(/^EqQB/) });
    expect(message.content[1]).toEqual({ type: "text", text: "Echo: think first" });
    expect(message.usage.output_tokens).toBe(3 + 8);
  });

  it("stops at max_tokens with stop_reason max_tokens", async () => {
    const message = await client.messages.create({ model, max_tokens: 2, messages: [{ role: "user", content: "one two three" }] });
    expect(message).toMatchObject({ stop_reason: "max_tokens", content: [{ type: "text", text: "Echo: one" }] });
  });

  it("counts tokens as the message's input_tokens, and lists models", async () => {
    const params = { model, messages: [{ role: "user" as const, content: "count me" }] };
    const counted = await client.messages.countTokens(params);
    const message = await client.messages.create({ ...params, max_tokens: 16 });
    expect(counted.input_tokens).toBe(message.usage.input_tokens);
    const models = await client.models.list();
    expect(models.data[0]).toMatchObject({ type: "model", id: "claude-sonnet-4-5-20250929" });
  });

  it("answers like Anthropic when a required field or header is missing", async () => {
    const response = await fetch(`${fake.url}/v1/messages`, { method: "POST", headers: { "x-api-key": "k", "anthropic-version": "2023-06-01", "content-type": "application/json" }, body: JSON.stringify({ model, messages: [{ role: "user", content: "hi" }] }) });
    expect(response.status).toBe(400);
    expect(response.headers.get("request-id")).toMatch(/^req_011C/);
    expect(await response.json()).toMatchObject({ type: "error", error: { type: "invalid_request_error", message: "max_tokens: Field required" }, request_id: expect.stringMatching(/^req_/) });
  });

  it("surfaces errors as the SDK's classes with Anthropic's error types", async () => {
    const ask = (options: ConstructorParameters<typeof Anthropic>[0], headers: Record<string, string> = {}) =>
      new Anthropic({ baseURL: fake.url, maxRetries: 0, ...options }).messages.create({ model, max_tokens: 16, messages: [{ role: "user", content: "x" }] }, { headers }).catch((e) => e);
    const invalid = await ask({ apiKey: "sk-ant-invalid" }, { authorization: "", "x-api-key": "sk-ant-invalid" });
    expect(invalid).toBeInstanceOf(Anthropic.AuthenticationError);
    expect(invalid.error).toMatchObject({ type: "error", error: { type: "authentication_error", message: "invalid x-api-key" } });
    expect(invalid.requestID).toMatch(/^req_011C/);
    const refused = await ask({ authToken: "sk-ant-oat01-forbidden", apiKey: null });
    expect(refused).toBeInstanceOf(Anthropic.PermissionDeniedError);
    expect(refused.error.error).toMatchObject({ type: "permission_error", message: "OAuth authentication is currently not allowed for this organization." });
    const limited = await ask({ apiKey: "sk-ant-ratelimited" });
    expect(limited).toBeInstanceOf(Anthropic.RateLimitError);
    expect(limited.headers.get("anthropic-ratelimit-requests-remaining")).toBe("0");
    expect(limited.headers.get("retry-after")).toBe("1");
    const overloaded = await ask({ apiKey: "sk-ant-ok" }, { "x-fake-fault": "status:529" });
    expect(overloaded).toBeInstanceOf(Anthropic.InternalServerError);
    expect(overloaded.error.error.type).toBe("overloaded_error");
  });

  it("errors the SDK stream on a cut connection and on an in-stream error event", async () => {
    fake.setFault({ mode: "cut-mid-stream:4", times: 1, match: { path: "/v1/messages" } });
    const cut = await client.messages.stream({ model, max_tokens: 64, messages: [{ role: "user", content: "a b c d e f" }] }).finalMessage().catch((e) => e);
    expect(cut).toBeInstanceOf(Error);
    fake.setFault({ mode: "error-mid-stream", times: 1 });
    const overloaded = await client.messages.stream({ model, max_tokens: 64, messages: [{ role: "user", content: "a b c" }] }).finalMessage().catch((e) => e);
    expect(overloaded).toBeInstanceOf(Anthropic.APIError);
    expect(overloaded.error.error.type).toBe("overloaded_error");
  });
});
