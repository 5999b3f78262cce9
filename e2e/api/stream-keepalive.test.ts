import Anthropic from "@anthropic-ai/sdk";
import { GoogleGenAI } from "@google/genai";
import { OpenRouter } from "@openrouter/sdk";
import type { ChatStreamChunk } from "@openrouter/sdk/models";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/config/env";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";
import { readSseEvents } from "@/test/support/sse-events";

// The upstream takes 1.5 s before its headers; a keep-alive is due after 0.2 s of silence.
const SLOW = "slow:1500";
const OPENAI_KEY = "sk-proj-keepalive-first";
const SECOND_KEY = "sk-proj-keepalive-second";

/** The response's first bytes as they arrive, and then the rest of the body. */
async function firstBytesThenRest(response: Response): Promise<{ first: string; text: string }> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const { value } = await reader.read();
  const first = decoder.decode(value, { stream: true });
  let text = first;
  for (let read = await reader.read(); !read.done; read = await reader.read()) text += decoder.decode(read.value, { stream: true });
  return { first, text };
}

describe("a streamed request waiting on a slow upstream", () => {
  let gateway: Gateway;
  let token: string;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${gateway.url}${path}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

  beforeAll(async () => {
    process.env.STREAM_KEEPALIVE_MS = "200";
    gateway = await startGateway(databaseTargets()[0]);
    ({ token } = await gateway.newUser("keepalive@example.com", [
      { provider: "openai", key: OPENAI_KEY },
      { provider: "anthropic", key: "sk-ant-api03-keepalive" },
      { provider: "google", key: "AIza-keepalive" },
    ]));
  });
  afterAll(async () => {
    await gateway?.close();
    delete process.env.STREAM_KEEPALIVE_MS;
    resetEnvCache();
  });

  it("OpenAI dialect: gets its headers and a comment before the upstream answers, then the answer", async () => {
    gateway.fake.setFault({ mode: SLOW, times: 1 });
    const response = await post("/v1/chat/completions", { model: "openai/gpt-4o", stream: true, messages: [{ role: "user", content: "slow openai" }] });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const { first, text } = await firstBytesThenRest(response);
    expect(first.startsWith(": OAUTHROUTER PROCESSING\n\n")).toBe(true);
    const events = readSseEvents(text);
    expect(events.at(-1)!.data).toBe("[DONE]");
    expect(events.map((e) => (e.json as OpenAI.ChatCompletionChunk | undefined)?.choices?.[0]?.delta?.content ?? "").join("")).toBe("Echo: slow openai");

    gateway.fake.setFault({ mode: SLOW, times: 1 });
    const client = new OpenAI({ apiKey: token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    let streamed = "";
    for await (const chunk of await client.chat.completions.create({ model: "openai/gpt-4o", stream: true, messages: [{ role: "user", content: "sdk" }] })) streamed += chunk.choices[0]?.delta?.content ?? "";
    expect(streamed).toBe("Echo: sdk");
  });

  it("Anthropic dialect: pings before the upstream answers, passed through to Anthropic or translated", async () => {
    const client = new Anthropic({ apiKey: token, baseURL: gateway.url, maxRetries: 0 });
    for (const model of ["claude-sonnet-4-5", "openai/gpt-4o"]) {
      gateway.fake.setFault({ mode: SLOW, times: 1 });
      const response = await post("/v1/messages", { model, max_tokens: 32, stream: true, messages: [{ role: "user", content: "slow claude" }] });
      const { first, text } = await firstBytesThenRest(response);
      expect(first.startsWith('event: ping\ndata: {"type":"ping"}\n\n')).toBe(true);
      expect(readSseEvents(text).map((e) => e.event)).toContain("message_stop");

      gateway.fake.setFault({ mode: SLOW, times: 1 });
      const message = await client.messages.stream({ model, max_tokens: 32, messages: [{ role: "user", content: "sdk" }] }).finalMessage();
      expect(message.content).toEqual([{ type: "text", text: "Echo: sdk" }]);
    }
  });

  it("Gemini dialect: an SSE comment, or whitespace before Google's JSON array", async () => {
    gateway.fake.setFault({ mode: SLOW, times: 1 });
    const sse = await post("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", { contents: [{ parts: [{ text: "slow sse" }] }] });
    const { first } = await firstBytesThenRest(sse);
    expect(first.startsWith(": OAUTHROUTER PROCESSING\r\n\r\n")).toBe(true);

    gateway.fake.setFault({ mode: SLOW, times: 1 });
    const array = await post("/v1beta/models/gemini-2.5-flash:streamGenerateContent", { contents: [{ parts: [{ text: "slow array" }] }] });
    expect(array.headers.get("content-type")).toContain("application/json");
    const { first: head, text } = await firstBytesThenRest(array);
    expect(head).toMatch(/^\n/);
    const responses = JSON.parse(text) as Array<{ candidates: Array<{ content: { parts: Array<{ text?: string }> } }> }>;
    expect(responses.map((r) => r.candidates[0].content.parts.map((p) => p.text ?? "").join("")).join("")).toBe("Echo: slow array");

    gateway.fake.setFault({ mode: SLOW, times: 1 });
    const ai = new GoogleGenAI({ apiKey: token, httpOptions: { baseUrl: gateway.url } });
    let streamed = "";
    for await (const chunk of await ai.models.generateContentStream({ model: "gemini-2.5-flash", contents: "sdk" })) streamed += chunk.text ?? "";
    expect(streamed).toBe("Echo: sdk");
  });

  it("Responses API: a comment before the upstream answers, then the event stream, passed through to OpenAI or translated", async () => {
    const client = new OpenAI({ apiKey: token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    for (const model of ["openai/gpt-4o", "anthropic/claude-sonnet-4-5"]) {
      gateway.fake.setFault({ mode: SLOW, times: 1 });
      const response = await post("/v1/responses", { model, stream: true, input: "slow responses" });
      expect(response.headers.get("content-type")).toContain("text/event-stream");
      const { first, text } = await firstBytesThenRest(response);
      expect(first.startsWith(": OAUTHROUTER PROCESSING\n\n"), model).toBe(true);
      const events = readSseEvents(text);
      expect(events.map((e) => e.event), model).toEqual(expect.arrayContaining(["response.created", "response.output_text.delta", "response.completed"]));
      expect(events.at(-1)!.event, model).toBe("response.completed");

      gateway.fake.setFault({ mode: SLOW, times: 1 });
      const final = await client.responses.stream({ model, input: "sdk" }).finalResponse();
      expect(final.output_text, model).toBe("Echo: sdk");
    }
  });

  it("legacy completions: a comment before the upstream answers, then the text chunks", async () => {
    gateway.fake.setFault({ mode: SLOW, times: 1 });
    const response = await post("/v1/completions", { model: "openai/gpt-4o", stream: true, prompt: "slow legacy" });
    const { first, text } = await firstBytesThenRest(response);
    expect(first.startsWith(": OAUTHROUTER PROCESSING\n\n")).toBe(true);
    const events = readSseEvents(text);
    expect(events.at(-1)!.data).toBe("[DONE]");
    expect(events.map((e) => (e.json as OpenAI.Completion | undefined)?.choices?.[0]?.text ?? "").join("")).toBe("Echo: slow legacy");

    gateway.fake.setFault({ mode: SLOW, times: 1 });
    const client = new OpenAI({ apiKey: token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    let streamed = "";
    for await (const chunk of await client.completions.create({ model: "openai/gpt-4o", stream: true, prompt: "sdk" })) streamed += chunk.choices[0]?.text ?? "";
    expect(streamed).toBe("Echo: sdk");
  });

  it("releases the upstream call when the client leaves during the wait", async () => {
    gateway.fake.setFault({ mode: "slow:5000", times: 1 });
    const leaving = new AbortController();
    const response = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: "POST", signal: leaving.signal,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "openai/gpt-4o", stream: true, messages: [{ role: "user", content: "leaving" }] }),
    });
    const { value } = await response.body!.getReader().read();
    expect(new TextDecoder().decode(value)).toContain(": OAUTHROUTER PROCESSING");
    const upstream = gateway.fake.requests.at(-1)!;
    leaving.abort();
    await expect.poll(() => upstream.clientDisconnected).toBe(true);
  });

  it("fails over to the next credential behind the keep-alives", async () => {
    const { token: twoKeys } = await gateway.newUser("keepalive-failover@example.com", [
      { provider: "openai", key: OPENAI_KEY },
      { provider: "openai", key: SECOND_KEY },
    ]);
    // Whichever credential the strategy tries first is slow, then fails.
    gateway.fake.setFault({ mode: `${SLOW},status:500`, times: 1 });
    const before = gateway.fake.requests.length;
    const response = await post("/v1/chat/completions", { model: "openai/gpt-4o", stream: true, messages: [{ role: "user", content: "failover" }] }, { authorization: `Bearer ${twoKeys}` });
    const { first, text } = await firstBytesThenRest(response);
    expect(first.startsWith(": OAUTHROUTER PROCESSING\n\n")).toBe(true);
    const content = readSseEvents(text).map((e) => (e.json as OpenAI.ChatCompletionChunk | undefined)?.choices?.[0]?.delta?.content ?? "");
    expect(content.join("")).toBe("Echo: failover");
    expect(gateway.fake.requests.slice(before).map((r) => r.credential).sort()).toEqual([OPENAI_KEY, SECOND_KEY].sort());
  });

  it("ends the stream with the dialect's error event when every attempt fails after the headers went out", async () => {
    const failing = { mode: `${SLOW},status:500`, times: 1 };
    gateway.fake.setFault(failing);
    const openai = new OpenAI({ apiKey: token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    const chat = async () => {
      for await (const _ of await openai.chat.completions.create({ model: "openai/gpt-4o", stream: true, messages: [{ role: "user", content: "x" }] }));
    };
    const thrown = await chat().catch((e) => e);
    expect(thrown).toBeInstanceOf(OpenAI.APIError);
    expect(thrown.message).toContain("openai returned 500");

    gateway.fake.setFault(failing);
    const raw = await post("/v1/chat/completions", { model: "openai/gpt-4o", stream: true, messages: [{ role: "user", content: "x" }] });
    expect(raw.status).toBe(200);
    const events = readSseEvents(await raw.text());
    expect(events.map((e) => e.data.startsWith("{") ? Object.keys(e.json as object) : e.data)).toEqual([["error"], "[DONE]"]);
    expect(events[0].json).toMatchObject({ error: { type: "api_error", metadata: { provider: "openai", status: 500 } } });

    gateway.fake.setFault(failing);
    const anthropic = new Anthropic({ apiKey: token, baseURL: gateway.url, maxRetries: 0 });
    const claude = await anthropic.messages.stream({ model: "claude-sonnet-4-5", max_tokens: 16, messages: [{ role: "user", content: "x" }] }).finalMessage().catch((e) => e);
    expect(claude).toBeInstanceOf(Anthropic.APIError);
    expect(claude.message).toContain("anthropic returned 500");

    gateway.fake.setFault(failing);
    const array = await post("/v1beta/models/gemini-2.5-flash:streamGenerateContent", { contents: [{ parts: [{ text: "x" }] }] });
    expect(JSON.parse(await array.text())).toEqual([{ error: { code: 502, status: "INTERNAL", message: expect.stringContaining("google returned 500") } }]);

    gateway.fake.setFault(failing);
    const legacy = await openai.completions.create({ model: "openai/gpt-4o", stream: true, prompt: "x" }).then(async (stream) => {
      for await (const _ of stream);
    }).catch((e) => e);
    expect(legacy).toBeInstanceOf(OpenAI.APIError);
    expect(legacy.message).toContain("openai returned 500");
    gateway.fake.setFault(failing);
    const legacyRaw = await post("/v1/completions", { model: "openai/gpt-4o", stream: true, prompt: "x" });
    expect(legacyRaw.status).toBe(200);
    const legacyEvents = readSseEvents(await legacyRaw.text());
    expect(legacyEvents.map((e) => e.data.startsWith("{") ? Object.keys(e.json as object) : e.data)).toEqual([["error"], "[DONE]"]);
  });

  it("on OpenRouter's paths, ends a failed stream with OpenRouter's error chunk, which @openrouter/sdk reads", async () => {
    gateway.fake.setFault({ mode: `${SLOW},status:500`, times: 1 });
    const client = new OpenRouter({ apiKey: token, serverURL: `${gateway.url}/api/v1`, retryConfig: { strategy: "none" } });
    const stream = (await client.chat.send({ chatRequest: { model: "openai/gpt-4o", stream: true, messages: [{ role: "user", content: "x" }] } })) as unknown as AsyncIterable<ChatStreamChunk>;
    const chunks: ChatStreamChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({ model: "openai/gpt-4o", choices: [{ finishReason: "error" }], error: { code: 502, message: expect.stringContaining("openai returned 500"), metadata: { errorType: "server" } } });
    expect(chunks[0].id).toMatch(/^gen-/);

    gateway.fake.setFault({ mode: `${SLOW},status:500`, times: 1 });
    const legacy = await post("/api/v1/completions", { model: "openai/gpt-4o", stream: true, prompt: "x" });
    const events = readSseEvents(await legacy.text());
    expect(events.map((e) => e.data.startsWith("{") ? (e.json as { error: { code: unknown } }).error.code : e.data)).toEqual([502, "[DONE]"]);
  });

  it("ends a Responses stream with response.failed when every attempt fails after the headers went out", async () => {
    const client = new OpenAI({ apiKey: token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    for (const model of ["openai/gpt-4o", "anthropic/claude-sonnet-4-5"]) {
      gateway.fake.setFault({ mode: `${SLOW},status:500`, times: 1 });
      const raw = await post("/v1/responses", { model, stream: true, input: "x" });
      expect(raw.status, model).toBe(200);
      const events = readSseEvents(await raw.text());
      expect(events.map((e) => e.event), model).toEqual(["response.created", "response.in_progress", "response.failed"]);
      expect(events.map((e) => (e.json as { sequence_number: number }).sequence_number), model).toEqual([0, 1, 2]);
      const failed = (events[2].json as OpenAI.Responses.ResponseFailedEvent).response;
      expect(failed.id, model).toBe((events[0].json as OpenAI.Responses.ResponseCreatedEvent).response.id);
      expect(failed, model).toMatchObject({ id: expect.stringMatching(/^resp_/), status: "failed", output: [], error: { code: "server_error", message: expect.stringContaining(`${model.split("/")[0]} returned 500`) } });

      gateway.fake.setFault({ mode: `${SLOW},status:500`, times: 1 });
      const final = await client.responses.stream({ model, input: "x" }).finalResponse();
      expect(final, model).toMatchObject({ status: "failed", error: { code: "server_error", message: expect.stringContaining("returned 500") } });
    }
  });
});
