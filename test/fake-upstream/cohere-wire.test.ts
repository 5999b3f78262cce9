import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readSse } from "./read-sse";
import { startFakeUpstream, type FakeUpstream } from "./server";

// Cohere v2 has no SDK installed here; these check the wire shapes against Cohere's documented events.
describe("fake upstream, Cohere v2", () => {
  let fake: FakeUpstream;
  const weather = { type: "function", function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } } };
  const post = (path: string, body: unknown, key = "co-test-key") =>
    fetch(fake.url + path, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(body) });

  beforeAll(async () => {
    fake = await startFakeUpstream();
  });
  beforeEach(() => fake.reset());
  afterAll(() => fake.close());

  it("answers /v2/chat with content, finish_reason and billed usage", async () => {
    const response = await post("/v2/chat", { model: "command-a-03-2025", messages: [{ role: "user", content: "Hello Cohere" }] });
    expect(await response.json()).toMatchObject({
      id: expect.any(String), finish_reason: "COMPLETE",
      message: { role: "assistant", content: [{ type: "text", text: "Echo: Hello Cohere" }] },
      usage: { billed_units: { input_tokens: expect.any(Number), output_tokens: 3 }, tokens: { output_tokens: 3 } },
    });
    expect(fake.requests.at(-1)).toMatchObject({ family: "cohere", credential: "co-test-key" });
  });

  it("streams message-start, content-start, content-delta per word, content-end, message-end", async () => {
    const events = await readSse(await post("/v2/chat", { model: "command-a-03-2025", stream: true, messages: [{ role: "user", content: "stream it" }] }));
    expect(events.map((e) => e.event)).toEqual(["message-start", "content-start", "content-delta", "content-delta", "content-delta", "content-end", "message-end"]);
    const parsed = events.map((e) => JSON.parse(e.data));
    expect(parsed.every((p, i) => p.type === events[i].event)).toBe(true);
    expect(parsed.filter((p) => p.type === "content-delta").map((p) => p.delta.message.content.text).join("")).toBe("Echo: stream it");
    expect(parsed.at(-1).delta).toMatchObject({ finish_reason: "COMPLETE", usage: { billed_units: { output_tokens: 3 } } });
  });

  it("streams a tool plan and parallel tool calls, then answers the tool results", async () => {
    const ask = [{ role: "user", content: "weather in Paris and Tokyo, parallel" }];
    const events = await readSse(await post("/v2/chat", { model: "command-a-03-2025", stream: true, tools: [weather], messages: ask }));
    const types = events.map((e) => e.event);
    expect(types.filter((t) => t === "tool-plan-delta").length).toBeGreaterThan(1);
    expect(types.filter((t) => t === "tool-call-start")).toHaveLength(2);
    expect(types.slice(-4)).toEqual(["tool-call-delta", "tool-call-delta", "tool-call-end", "message-end"]);
    const starts = events.filter((e) => e.event === "tool-call-start").map((e) => JSON.parse(e.data).delta.message.tool_calls);
    expect(starts.map((c) => [c.id, c.function.name])).toEqual([["get_weather_fake0paris", "get_weather"], ["get_weather_fake1tokyo", "get_weather"]]);
    expect(JSON.parse(events.at(-1)!.data).delta.finish_reason).toBe("TOOL_CALL");
    const calls = (await (await post("/v2/chat", { model: "command-a-03-2025", tools: [weather], messages: ask })).json()).message.tool_calls;
    const answer = await post("/v2/chat", {
      model: "command-a-03-2025", tools: [weather],
      messages: [...ask, { role: "assistant", tool_plan: "I will look up the weather.", tool_calls: calls }, ...calls.map((c: { id: string }) => ({ role: "tool", tool_call_id: c.id, content: [{ type: "document", document: { data: "rainy" } }] }))],
    });
    expect((await answer.json()).message.content[0].text).toBe("The tool said: rainy");
  });

  it("stops at max_tokens with MAX_TOKENS", async () => {
    const response = await post("/v2/chat", { model: "command-a-03-2025", max_tokens: 2, messages: [{ role: "user", content: "one two three" }] });
    expect(await response.json()).toMatchObject({ finish_reason: "MAX_TOKENS", message: { content: [{ text: "Echo: one" }] } });
  });

  it("embeds by type and lists models in Cohere's shape", async () => {
    const embedded = await (await post("/v2/embed", { model: "embed-english-v3.0", texts: ["one", "two"], input_type: "search_document", embedding_types: ["float", "int8"] })).json();
    expect(embedded).toMatchObject({ response_type: "embeddings_by_type", texts: ["one", "two"], meta: { billed_units: { input_tokens: 2 } } });
    expect(embedded.embeddings.float[1][0]).toBeCloseTo(0.02, 6);
    expect(embedded.embeddings.int8).toHaveLength(2);
    const models = await (await fetch(`${fake.url}/v1/models?page_size=1000`, { headers: { authorization: "Bearer co-test-key" } })).json();
    expect(models.models.map((m: { name: string }) => m.name)).toContain("command-a-03-2025");
  });

  it("answers errors as {id, message}", async () => {
    const missing = await fetch(`${fake.url}/v2/chat`, { method: "POST", body: JSON.stringify({ model: "m", messages: [{ role: "user", content: "x" }] }) });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ id: expect.any(String), message: "no api key supplied" });
    const invalid = await post("/v2/chat", { model: "m", messages: [{ role: "user", content: "x" }] }, "co-invalid");
    expect(await invalid.json()).toMatchObject({ message: "invalid api token" });
    const limited = await post("/v2/chat", { model: "m", messages: [{ role: "user", content: "x" }] }, "co-ratelimited");
    expect([limited.status, limited.headers.get("retry-after")]).toEqual([429, "1"]);
  });
});
