import { describe, expect, it } from "vitest";
import { getProvider } from "@/lib/providers/registry";
import { testContext } from "@/lib/providers/shared/test-context";
import type { ChatRequest } from "@/lib/providers/types";
import { buildOpenAiChatRequest } from "./request";

const hello: ChatRequest = { model: "openai/gpt-4o", messages: [{ role: "user", content: "Hello" }] };
const contextFor = (provider: string, model = "some-model") => testContext({ provider, model, quirks: getProvider(provider)?.quirks });
const bodyOf = (request: ChatRequest, provider = "openai") => JSON.parse(buildOpenAiChatRequest(request, contextFor(provider)).body!);

describe("buildOpenAiChatRequest", () => {
  it("posts to {base}/chat/completions with a Bearer key and the upstream's model id", () => {
    const request = buildOpenAiChatRequest(hello, testContext({ model: "gpt-4o" }));
    expect(request).toMatchObject({ url: "https://api.openai.com/v1/chat/completions", method: "POST" });
    expect(request.headers).toEqual({ "content-type": "application/json", accept: "application/json", authorization: "Bearer sk-proj-test" });
    expect(JSON.parse(request.body!)).toEqual({ model: "gpt-4o", messages: [{ role: "user", content: "Hello" }] });
  });

  it("sends no authorization header for a keyless custom endpoint", () => {
    const request = buildOpenAiChatRequest(hello, testContext({ provider: "custom", baseUrl: "http://localhost:11434/v1", credential: { secret: "", kind: "api_key" } }));
    expect(request.url).toBe("http://localhost:11434/v1/chat/completions");
    expect(request.headers).not.toHaveProperty("authorization");
  });

  it("drops our routing fields and maps reasoning.effort to reasoning_effort", () => {
    const body = bodyOf({ ...hello, models: ["openai/gpt-4o", "anthropic/claude-sonnet-4-5"], provider: { order: ["openai"] }, route: "fallback", transforms: ["middle-out"], reasoning: { effort: "high" } });
    expect(body).toEqual({ model: "some-model", messages: [{ role: "user", content: "Hello" }], reasoning_effort: "high" });
  });

  it("keeps OpenRouter's own reasoning and usage extensions but still drops routing fields", () => {
    const body = bodyOf({ ...hello, models: ["a", "b"], reasoning: { max_tokens: 2000 }, usage: { include: true } }, "openrouter");
    expect(body).toEqual({ model: "some-model", messages: [{ role: "user", content: "Hello" }], reasoning: { max_tokens: 2000 }, usage: { include: true } });
    expect(bodyOf({ ...hello, reasoning_effort: "low" }, "openrouter")).toEqual({ model: "some-model", messages: hello.messages, reasoning: { effort: "low" } });
  });

  it("strips reasoning, signatures and cache_control from messages, and turns developer into system off OpenAI", () => {
    const body = bodyOf({
      model: "x",
      messages: [
        { role: "developer", content: [{ type: "text", text: "Be brief.", cache_control: { type: "ephemeral" } }] },
        { role: "assistant", content: "Hi", reasoning: "thought", reasoning_details: [{ type: "reasoning.text", text: "thought", signature: "sig" }] },
      ],
    }, "together");
    expect(body.messages).toEqual([{ role: "system", content: "Be brief." }, { role: "assistant", content: "Hi" }]);
    expect(bodyOf({ model: "x", messages: [{ role: "developer", content: "Be brief." }] }).messages[0].role).toBe("developer");
  });

  it("asks for usage on streams unless the provider rejects stream_options", () => {
    const streamed = buildOpenAiChatRequest({ ...hello, stream: true }, contextFor("groq"));
    expect(JSON.parse(streamed.body!).stream_options).toEqual({ include_usage: true });
    expect(streamed.headers.accept).toBe("text/event-stream");
    const without = buildOpenAiChatRequest({ ...hello, stream: true }, testContext({ quirks: { noStreamOptions: true } }));
    expect(JSON.parse(without.body!)).not.toHaveProperty("stream_options");
    expect(bodyOf({ ...hello, stream_options: { include_usage: true } })).not.toHaveProperty("stream_options");
  });

  it("sends max_tokens to legacy providers and max_completion_tokens to OpenAI", () => {
    expect(bodyOf({ ...hello, max_completion_tokens: 300 }, "mistral")).toMatchObject({ max_tokens: 300 });
    expect(bodyOf({ ...hello, max_completion_tokens: 300 }, "mistral")).not.toHaveProperty("max_completion_tokens");
    expect(bodyOf({ ...hello, max_tokens: 300 }, "openai")).toMatchObject({ max_completion_tokens: 300 });
    expect(bodyOf({ ...hello, max_tokens: 300 }, "openai")).not.toHaveProperty("max_tokens");
  });

  it("drops the fields a provider rejects, message fields included", () => {
    const body = bodyOf({ model: "x", messages: [{ role: "user", content: "hi", name: "ann" }], logprobs: true, logit_bias: { "50256": -100 }, top_k: 40, n: 2, temperature: 0.2 }, "groq");
    expect(body).toEqual({ model: "some-model", messages: [{ role: "user", content: "hi" }], temperature: 0.2 });
    expect(bodyOf({ ...hello, top_k: 40, repetition_penalty: 1.1, seed: 7 }, "deepseek")).toEqual({ model: "some-model", messages: hello.messages });
  });

  it("speaks Mistral's dialect: random_seed, no stream_options, no message names, prefix on a prefill", () => {
    const prefill: ChatRequest = { model: "x", seed: 7, stream: true, messages: [{ role: "user", content: "hi", name: "ann" }, { role: "assistant", content: "Sure:" }] };
    expect(bodyOf(prefill, "mistral")).toEqual({
      model: "some-model", random_seed: 7, stream: true,
      messages: [{ role: "user", content: "hi" }, { role: "assistant", content: "Sure:", prefix: true }],
    });
    expect(bodyOf({ ...prefill, seed: undefined, stream: undefined }, "openai")).toEqual({ model: "some-model", messages: prefill.messages });
  });

  it("turns a json_schema into JSON mode with the schema as an instruction where only JSON mode exists", () => {
    const schema = { type: "object", properties: { city: { type: "string" } } };
    const body = bodyOf({ ...hello, response_format: { type: "json_schema", json_schema: { name: "r", schema } } }, "deepseek");
    expect(body.response_format).toEqual({ type: "json_object" });
    expect(body.messages).toEqual([{ role: "system", content: `Answer with one JSON object that follows this JSON schema: ${JSON.stringify(schema)}` }, ...hello.messages]);
  });

  it("drops what OpenAI refuses for the model: sampling on reasoning models, reasoning_effort on chat models", () => {
    const knobs: ChatRequest = { ...hello, temperature: 0.2, top_p: 0.9, presence_penalty: 0.1, frequency_penalty: 0.1, reasoning_effort: "low" };
    const build = (model: string) => JSON.parse(buildOpenAiChatRequest(knobs, contextFor("openai", model)).body!);
    expect(build("o3-mini")).toEqual({ model: "o3-mini", messages: hello.messages, reasoning_effort: "low" });
    expect(build("gpt-5-mini")).toEqual({ model: "gpt-5-mini", messages: hello.messages, reasoning_effort: "low" });
    expect(build("gpt-4o")).toEqual({ model: "gpt-4o", messages: hello.messages, temperature: 0.2, top_p: 0.9, presence_penalty: 0.1, frequency_penalty: 0.1 });
    expect(build("gpt-5-chat-latest")).not.toHaveProperty("reasoning_effort");
    expect(JSON.parse(buildOpenAiChatRequest(knobs, contextFor("together", "o3-mini")).body!)).toHaveProperty("temperature", 0.2);
  });

  it("leaves out fields the client set to null", () => {
    expect(bodyOf({ ...hello, temperature: null, stop: null } as unknown as ChatRequest)).toEqual({ model: "some-model", messages: hello.messages });
  });
});
