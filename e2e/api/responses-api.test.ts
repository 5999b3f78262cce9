import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PLACEHOLDERS } from "@/lib/docs/curl";
import { responsesSnippets } from "@/lib/docs/responses-snippets";
import { usageWriter } from "@/lib/usage/usage-writer";
import { THINKING_SIGNATURE } from "@/test/fake-upstream/anthropic/reply";
import { THINKING_TEXT } from "@/test/fake-upstream/conversation";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";

type Event = OpenAI.Responses.ResponseStreamEvent;
const weather: OpenAI.Responses.FunctionTool = { type: "function", name: "get_weather", description: "Weather for a city", strict: false, parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } };

const MODELS = [
  { label: "an OpenAI model (passed through)", model: "openai/gpt-4o", path: "/v1/responses", streamPath: "/v1/responses" },
  { label: "an Anthropic model", model: "anthropic/claude-sonnet-4-5", path: "/v1/messages", streamPath: "/v1/messages" },
  { label: "a Gemini model", model: "google/gemini-2.5-flash", path: "/v1beta/models/gemini-2.5-flash:generateContent", streamPath: "/v1beta/models/gemini-2.5-flash:streamGenerateContent" },
];

/** The text event sequence of a one-message answer of `words` words. */
const textSequence = (words: number) => [
  "response.created", "response.in_progress", "response.output_item.added", "response.content_part.added",
  ...Array(words).fill("response.output_text.delta"), "response.output_text.done", "response.content_part.done", "response.output_item.done", "response.completed",
];

/** The conversation the upstream received, in its own dialect, as [role, kind] pairs. */
function conversationSent(body: Record<string, any>): string[][] {
  if (Array.isArray(body.input)) return body.input.map((item: any) => [item.role ?? "", item.type ?? "message"]);
  if (Array.isArray(body.messages)) return body.messages.map((m: any) => [m.role, typeof m.content === "string" ? "text" : m.content.map((b: any) => b.type).join("+")]);
  return body.contents.map((c: any) => [c.role, c.parts.map((p: any) => Object.keys(p).find((k) => k !== "thoughtSignature")).join("+")]);
}

describe("the Responses API through the openai SDK", () => {
  let gateway: Gateway;
  let client: OpenAI;
  let userId: string;

  beforeAll(async () => {
    gateway = await startGateway(databaseTargets()[1]);
    const user = await gateway.newUser("responses@example.com", [
      { provider: "openai", key: "sk-openai-responses-1" }, { provider: "anthropic", key: "sk-ant-api03-responses" }, { provider: "google", key: "AIza-responses" },
      { provider: "cohere", key: "co-responses-key" }, { provider: "mistral", key: "mistral-responses-key" },
    ]);
    userId = user.userId;
    client = new OpenAI({ apiKey: user.token, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
  });
  afterAll(() => gateway?.close());

  describe.each(MODELS)("with $label", ({ model, path, streamPath }) => {
    it("creates a response with its output text, item ids and usage, from what reached the upstream", async () => {
      const { data, response } = await client.responses.create({ model, instructions: "Be brief.", input: "Hello there", metadata: { run: "create" } }).withResponse();
      expect(data).toMatchObject({ object: "response", status: "completed", error: null, instructions: "Be brief.", metadata: { run: "create" }, output_text: "Echo: Hello there" });
      expect(data.id).toMatch(/^resp_/);
      expect(data.output).toEqual([expect.objectContaining({ type: "message", role: "assistant", status: "completed", id: expect.stringMatching(/^msg_/) })]);
      expect(data.usage).toMatchObject({ output_tokens: 3, total_tokens: data.usage!.input_tokens + 3 });
      expect(response.headers.get("x-generation-id")).toMatch(/^gen-/);
      const sent = gateway.fake.requests.at(-1)!;
      expect(sent.path).toBe(path);
      if (path === "/v1/responses") expect(sent.body).toMatchObject({ model: "gpt-4o", instructions: "Be brief.", input: "Hello there", metadata: { run: "create" } });
      else expect(JSON.stringify(sent.body)).toContain("Be brief.");
    });

    it("streams the documented event sequence, numbered, each event naming its item", async () => {
      const stream = client.responses.stream({ model, input: "stream me please" });
      const events: Event[] = [];
      stream.on("event", (event) => events.push(event));
      const final = await stream.finalResponse();
      expect(events.map((e) => e.type)).toEqual(textSequence(4));
      expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i));
      const added = events.find((e) => e.type === "response.output_item.added")!;
      for (const event of events) if ("item_id" in event) expect(event.item_id).toBe(added.item.id);
      expect(final.output_text).toBe("Echo: stream me please");
      expect(final.output[0].id).toBe(added.item.id);
      expect(gateway.fake.requests.at(-1)).toMatchObject({ path: streamPath, stream: true });
    });

    it("runs a function-calling round trip, the call streamed and its output sent with previous_response_id", async () => {
      const stream = client.responses.stream({ model, input: "What is the weather in Paris?", tools: [weather] });
      const types: string[] = [];
      stream.on("event", (event) => types.push(event.type));
      const first = await stream.finalResponse();
      const call = first.output.find((item) => item.type === "function_call") as OpenAI.Responses.ResponseFunctionToolCall;
      expect(call).toMatchObject({ name: "get_weather", status: "completed", id: expect.stringMatching(/^fc_/) });
      expect(JSON.parse(call.arguments)).toEqual({ city: "Paris" });
      expect(types).toEqual(expect.arrayContaining(["response.function_call_arguments.delta", "response.function_call_arguments.done"]));

      const second = await client.responses.create({ model, previous_response_id: first.id, input: [{ type: "function_call_output", call_id: call.call_id, output: "18°C and sunny" }], tools: [weather] });
      expect(second.output_text).toBe("The tool said: 18°C and sunny");
      expect(second.previous_response_id).toBe(first.id);
      const sent = gateway.fake.requests.at(-1)!;
      expect(sent.body.previous_response_id).toBeUndefined();
      expect(conversationSent(sent.body)).toEqual(
        path === "/v1/responses" ? [["user", "message"], ["", "function_call"], ["", "function_call_output"]]
          : path === "/v1/messages" ? [["user", "text"], ["assistant", "tool_use"], ["user", "tool_result"]]
            : [["user", "text"], ["model", "functionCall"], ["user", "functionResponse"]],
      );
    });

    it("keeps the conversation: retrieve, input items, delete, and a deleted response cannot be continued", async () => {
      const first = await client.responses.create({ model, input: "first turn" });
      const second = await client.responses.create({ model, previous_response_id: first.id, input: "second turn" });
      expect(conversationSent(gateway.fake.requests.at(-1)!.body).map(([role]) => role)).toEqual(path === "/v1beta/models/gemini-2.5-flash:generateContent" ? ["user", "model", "user"] : ["user", "assistant", "user"]);
      const retrieved = await client.responses.retrieve(second.id);
      expect(retrieved).toMatchObject({ id: second.id, status: "completed", previous_response_id: first.id, output_text: "Echo: second turn" });
      expect(retrieved.output).toEqual(second.output);

      const items = await client.responses.inputItems.list(second.id);
      expect(items.data.map((item) => [item.type, "role" in item ? item.role : null, JSON.stringify("content" in item ? item.content : null).match(/"text":"([^"]*)"/)?.[1]])).toEqual([
        ["message", "user", "second turn"], ["message", "assistant", "Echo: first turn"], ["message", "user", "first turn"],
      ]);
      const ascending = await client.responses.inputItems.list(second.id, { order: "asc", limit: 1 });
      expect(ascending.data.map((item) => item.id)).toEqual([items.data[2].id]);
      expect(ascending.has_more).toBe(true);

      await client.responses.delete(second.id);
      await expect(client.responses.retrieve(second.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
      await expect(client.responses.delete(second.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
      const continued = await client.responses.create({ model, previous_response_id: second.id, input: "third" }).catch((e) => e);
      expect(continued).toMatchObject({ status: 404, code: "previous_response_not_found", param: "previous_response_id" });
      expect((await client.responses.retrieve(first.id)).id).toBe(first.id);
    });
  });

  it.each([
    { provider: "cohere", model: "cohere/command-r-plus", path: "/v2/chat" },
    { provider: "mistral", model: "mistral/mistral-large-latest", path: "/v1/chat/completions" },
  ])("serves $provider through the shared chat shape, streamed and not", async ({ model, path }) => {
    expect((await client.responses.create({ model, input: "Hello there" })).output_text).toBe("Echo: Hello there");
    expect(gateway.fake.requests.at(-1)!.path).toBe(path);
    expect((await client.responses.stream({ model, input: "stream me please" }).finalResponse()).output_text).toBe("Echo: stream me please");
  });

  it("hands an Anthropic model its signed thinking back on the next turn, from the reasoning item", async () => {
    const model = "anthropic/claude-sonnet-4-5";
    const first = await client.responses.create({ model, input: "What is the weather in Paris?", tools: [weather], reasoning: { effort: "low", summary: "auto" } });
    expect(first.output[0]).toMatchObject({ type: "reasoning", summary: [{ type: "summary_text", text: THINKING_TEXT }], encrypted_content: expect.any(String) });
    const call = first.output.find((item) => item.type === "function_call") as OpenAI.Responses.ResponseFunctionToolCall;
    // Stateless, as Codex CLI works: the output items sent back as input, nothing stored.
    const input: OpenAI.Responses.ResponseInput = [{ role: "user", content: "What is the weather in Paris?" }, ...(first.output as OpenAI.Responses.ResponseInputItem[]), { type: "function_call_output", call_id: call.call_id, output: "sunny" }];
    const second = await client.responses.create({ model, input, tools: [weather], reasoning: { effort: "low" }, store: false });
    expect(second.output_text).toBe("The tool said: sunny");
    const assistant = gateway.fake.requests.at(-1)!.body.messages[1];
    expect(assistant.content[0]).toEqual({ type: "thinking", thinking: THINKING_TEXT, signature: THINKING_SIGNATURE });
  });

  it("continues one conversation across models: Anthropic thinks and calls, OpenAI and Gemini carry on", async () => {
    const first = await client.responses.create({ model: "anthropic/claude-sonnet-4-5", input: "What is the weather in Paris?", tools: [weather], reasoning: { effort: "low" } });
    expect(first.output.map((item) => item.type)).toEqual(["reasoning", "function_call"]);
    const call = first.output[1] as OpenAI.Responses.ResponseFunctionToolCall;
    const second = await client.responses.create({ model: "openai/gpt-4o", previous_response_id: first.id, input: [{ type: "function_call_output", call_id: call.call_id, output: "sunny" }], tools: [weather] });
    expect(second.output_text).toBe("The tool said: sunny");
    // Anthropic's signed thinking means nothing to OpenAI, which would look the reasoning item up by id.
    expect(conversationSent(gateway.fake.requests.at(-1)!.body)).toEqual([["user", "message"], ["", "function_call"], ["", "function_call_output"]]);
    const third = await client.responses.create({ model: "google/gemini-2.5-flash", previous_response_id: second.id, input: "Thanks!" });
    expect(third.output_text).toBe("Echo: Thanks!");
    expect(conversationSent(gateway.fake.requests.at(-1)!.body)).toEqual([["user", "text"], ["model", "functionCall"], ["user", "functionResponse"], ["model", "text"], ["user", "text"]]);
  });

  it("refuses bad input in OpenAI's error shape before anything reaches a provider", async () => {
    const before = gateway.fake.requests.length;
    const model = "anthropic/claude-sonnet-4-5";
    const unknownItem = await client.responses.create({ model, input: [{ type: "telepathy" } as never] }).catch((e) => e);
    expect(unknownItem).toBeInstanceOf(OpenAI.BadRequestError);
    expect(unknownItem.error).toMatchObject({ type: "invalid_request_error", param: "input.0.type", message: expect.stringContaining("'telepathy'") });
    const orphan = await client.responses.create({ model, input: [{ type: "function_call_output", call_id: "call_nowhere", output: "x" }] }).catch((e) => e);
    expect(orphan).toMatchObject({ status: 400, param: "input", message: expect.stringContaining("No tool call found for function call output with call_id call_nowhere.") });
    const unknownPrevious = await client.responses.create({ model, input: "x", previous_response_id: "resp_never_made" }).catch((e) => e);
    expect(unknownPrevious).toBeInstanceOf(OpenAI.NotFoundError);
    expect(unknownPrevious.error).toMatchObject({ code: "previous_response_not_found", message: "Previous response with id 'resp_never_made' not found." });
    const openAiTool = await client.responses.create({ model, input: "x", tools: [{ type: "file_search", vector_store_ids: ["vs_1"] }] }).catch((e) => e);
    expect(openAiTool).toMatchObject({ status: 400, message: expect.stringContaining("Only an OpenAI model can serve this request (it has file_search tools)") });
    const raw = await fetch(`${gateway.url}/v1/responses`, { method: "POST", headers: { authorization: `Bearer ${client.apiKey}` }, body: "{not json" });
    expect(raw.status).toBe(400);
    expect((await raw.json()).error).toMatchObject({ type: "invalid_request_error", message: expect.stringContaining("not valid JSON") });
    expect(gateway.fake.requests.length).toBe(before);
  });

  it("passes what only OpenAI knows to an OpenAI model as sent", async () => {
    await client.responses.create({ model: "openai/gpt-4o", input: "find it", tools: [{ type: "file_search", vector_store_ids: ["vs_1"] }], include: ["file_search_call.results"], service_tier: "flex" });
    expect(gateway.fake.requests.at(-1)!.body).toMatchObject({ tools: [{ type: "file_search", vector_store_ids: ["vs_1"] }], include: ["file_search_call.results"], service_tier: "flex" });
  });

  it("ends a stream that fails mid-way with response.failed carrying the error, translated and passed through", async () => {
    for (const model of ["anthropic/claude-sonnet-4-5", "openai/gpt-4o"]) {
      gateway.fake.setFault({ mode: "cut-mid-stream:4", times: 1 });
      const stream = client.responses.stream({ model, input: "a longer answer that will be cut" });
      const events: Event[] = [];
      stream.on("event", (event) => events.push(event));
      const final = await stream.finalResponse();
      const last = events.at(-1)!;
      expect(last.type, model).toBe("response.failed");
      expect(last.sequence_number).toBe(events.length - 1);
      expect(final).toMatchObject({ status: "failed", error: { code: "server_error", message: expect.stringMatching(/stream failed: connection lost/) } });
    }
  });

  it("counts one message per response and leaves a usage row on the responses endpoint", async () => {
    const { response } = await client.responses.create({ model: "google/gemini-2.5-flash", input: "count me" }).withResponse();
    const streamed = await client.responses.create({ model: "openai/gpt-4o", input: "count me too", stream: true }).withResponse();
    for await (const _ of streamed.data) void _;
    await usageWriter().flush();
    const prisma = await db();
    const ids = [response.headers.get("x-generation-id")!, streamed.response.headers.get("x-generation-id")!];
    const rows = await prisma.usageEvent.findMany({ where: { id: { in: ids } }, orderBy: { createdAt: "asc" } });
    expect(rows.map((row) => [row.endpoint, row.provider, row.status, row.countedMessage, row.streamed, row.completionTokens])).toEqual([
      ["responses", "google", 200, true, false, 3],
      ["responses", "openai", 200, true, true, 4],
    ]);
    expect(rows.every((row) => row.userId === userId)).toBe(true);
  });

  it("runs the docs' Node example as written, and gives Codex CLI a Responses provider at our base URL", async () => {
    const snippets = responsesSnippets({ apiUrl: gateway.url, publicUrl: gateway.url });
    // Beside node_modules, so `import OpenAI from "openai"` resolves as in a user's project.
    const dir = mkdtempSync(path.join(process.cwd(), "node_modules", ".docs-example-"));
    try {
      writeFileSync(path.join(dir, "example.mjs"), snippets.node.code.replaceAll(PLACEHOLDERS.token, String(client.apiKey)));
      const { stdout } = await promisify(execFile)(process.execPath, [path.join(dir, "example.mjs")]);
      expect(stdout).toBe("Echo: Name a city.\nEcho: Why that one?");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const settings = Object.fromEntries([...snippets.codex.code.matchAll(/^(\w+) = "(.*)"$/gm)].map((m) => [m[1], m[2]]));
    expect(settings).toMatchObject({ model_provider: "oauthrouter", base_url: `${gateway.url}/v1`, wire_api: "responses", env_key: "OAUTHROUTER_API_KEY" });
    expect(snippets.codex.code).toContain("[model_providers.oauthrouter]");
  });
});
