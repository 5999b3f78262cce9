import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FAKE_ENCRYPTED_REASONING } from "./openai/responses-reply";
import { startFakeUpstream, type FakeUpstream } from "./server";

// The fake's /v1/responses, checked by the official SDK: the gateway's OpenAI pass-through is tested against it.
describe("fake upstream, OpenAI Responses API, through the openai SDK", () => {
  let fake: FakeUpstream;
  let client: OpenAI;
  const weather: OpenAI.Responses.FunctionTool = { type: "function", name: "get_weather", strict: true, parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"], additionalProperties: false } };

  beforeAll(async () => {
    fake = await startFakeUpstream();
    client = new OpenAI({ baseURL: `${fake.url}/v1`, apiKey: "sk-test-openai", maxRetries: 0 });
  });
  beforeEach(() => fake.reset());
  afterAll(() => fake.close());

  it("answers a response with its output text and usage, and records what was sent", async () => {
    const answer = await client.responses.create({ model: "gpt-4o", instructions: "Be brief.", input: "Hello there" });
    expect(answer).toMatchObject({ object: "response", status: "completed", model: "gpt-4o-fake-2025", instructions: "Be brief.", output_text: "Echo: Hello there" });
    expect(answer.id).toMatch(/^resp_fake/);
    expect(answer.output[0]).toMatchObject({ type: "message", role: "assistant", status: "completed", id: expect.stringMatching(/^msg_fake/) });
    expect(answer.usage).toMatchObject({ output_tokens: 3, total_tokens: answer.usage!.input_tokens + 3 });
    expect(fake.requests.at(-1)).toMatchObject({ method: "POST", path: "/v1/responses", family: "openai", credential: "sk-test-openai", model: "gpt-4o", stream: false });
  });

  it("streams OpenAI's event sequence with sequence numbers, read by the SDK's stream helper", async () => {
    const stream = client.responses.stream({ model: "o4-mini", input: "stream me please", reasoning: { effort: "low", summary: "auto" }, include: ["reasoning.encrypted_content"] });
    const events: OpenAI.Responses.ResponseStreamEvent[] = [];
    stream.on("event", (event) => events.push(event));
    const final = await stream.finalResponse();
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i));
    expect(events.map((e) => e.type)).toEqual([
      "response.created", "response.in_progress",
      "response.output_item.added", "response.reasoning_summary_part.added", ...Array(8).fill("response.reasoning_summary_text.delta"),
      "response.reasoning_summary_text.done", "response.reasoning_summary_part.done", "response.output_item.done",
      "response.output_item.added", "response.content_part.added", ...Array(4).fill("response.output_text.delta"),
      "response.output_text.done", "response.content_part.done", "response.output_item.done",
      "response.completed",
    ]);
    expect(final.output_text).toBe("Echo: stream me please");
    expect(final.output[0]).toMatchObject({ type: "reasoning", encrypted_content: FAKE_ENCRYPTED_REASONING, summary: [{ text: "Let me think about this step by step." }] });
  });

  it("calls a function, then answers its output, and refuses an output without its call", async () => {
    const first = await client.responses.create({ model: "gpt-4o", input: "weather in Paris?", tools: [weather] });
    const call = first.output[0] as OpenAI.Responses.ResponseFunctionToolCall;
    expect(call).toMatchObject({ type: "function_call", call_id: "call_fake0Paris", name: "get_weather", arguments: '{"city":"Paris"}', id: "fc_fake0Paris" });
    const input: OpenAI.Responses.ResponseInput = [{ role: "user", content: "weather in Paris?" }, call, { type: "function_call_output", call_id: call.call_id, output: "sunny" }];
    expect((await client.responses.create({ model: "gpt-4o", input, tools: [weather] })).output_text).toBe("The tool said: sunny");
    const orphan = await client.responses.create({ model: "gpt-4o", input: [{ type: "function_call_output", call_id: "call_nope", output: "x" }] }).catch((e) => e);
    expect(orphan).toBeInstanceOf(OpenAI.BadRequestError);
    expect(orphan.message).toContain("No tool call found for function call output with call_id call_nope.");
  });

  it("knows no previous response, and no reasoning item it did not make", async () => {
    const previous = await client.responses.create({ model: "gpt-4o", input: "x", previous_response_id: "resp_elsewhere" }).catch((e) => e);
    expect(previous).toMatchObject({ status: 400, code: "previous_response_not_found", param: "previous_response_id" });
    const foreign = await client.responses.create({ model: "gpt-4o", input: [{ type: "reasoning", id: "rs_123", summary: [] }, { role: "user", content: "x" }] }).catch((e) => e);
    expect(foreign).toBeInstanceOf(OpenAI.NotFoundError);
  });

  it("ends a stream with an error event when error-mid-stream is asked for", async () => {
    const stream = await client.responses.create({ model: "gpt-4o--fault-error-mid-stream-3", stream: true, input: "one two three" });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types).toEqual(["response.created", "response.in_progress", "response.output_item.added", "error"]);
  });
});
