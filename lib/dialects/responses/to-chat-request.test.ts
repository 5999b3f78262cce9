import type OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { toGatewayError } from "@/lib/errors/render-openai";
import { normalizeInput } from "./input-items";
import { encodeReasoning } from "./reasoning-state";
import { responsesRequestSchema, type InputItem } from "./schema";
import { itemsToChatMessages } from "./to-chat-messages";
import { responsesToChatRequest } from "./to-chat-request";

const weather = { type: "function" as const, name: "get_weather", description: "Weather for a city", strict: null, parameters: { type: "object", properties: { city: { type: "string" } } } };

/** A request as the SDK types it, parsed and translated as the handler does. */
function translate(body: OpenAI.Responses.ResponseCreateParams, history: InputItem[] = []) {
  const input = responsesRequestSchema.parse(body);
  return responsesToChatRequest(input, [...history, ...normalizeInput(input.input, history).items]);
}

const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return toGatewayError(error);
  }
  throw new Error("expected a failure");
};

describe("responsesToChatRequest", () => {
  it("puts instructions first as the system message and a string input as the user's", () => {
    const { chat, openAiOnly } = translate({ model: "anthropic/claude-sonnet-4-5", instructions: "Be brief.", input: "Hello", max_output_tokens: 300, temperature: 0.2, top_p: 0.9, user: "u-1", stream: true });
    expect(chat).toEqual({
      model: "anthropic/claude-sonnet-4-5",
      messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Hello" }],
      max_tokens: 300, temperature: 0.2, top_p: 0.9, user: "u-1", stream: true,
    });
    expect(openAiOnly).toEqual([]);
  });

  it("maps messages and their text, image and file parts, keeping the developer role", () => {
    const { chat } = translate({
      model: "m",
      input: [
        { role: "developer", content: "Answer in French." },
        { type: "message", role: "user", content: [
          { type: "input_text", text: "What is in these?" },
          { type: "input_image", image_url: "https://example.com/cat.png", detail: "original" },
          { type: "input_file", filename: "a.pdf", file_data: "data:application/pdf;base64,JVBERi0=" },
        ] },
        { role: "assistant", content: "A cat and a document." },
      ],
    });
    expect(chat.messages).toEqual([
      { role: "developer", content: "Answer in French." },
      { role: "user", content: [
        { type: "text", text: "What is in these?" },
        { type: "image_url", image_url: { url: "https://example.com/cat.png", detail: "high" } },
        { type: "file", file: { filename: "a.pdf", file_data: "data:application/pdf;base64,JVBERi0=" } },
      ] },
      { role: "assistant", content: "A cat and a document." },
    ]);
  });

  it("collects an assistant turn's reasoning, text and calls into one message, and each output into a tool message", () => {
    const signed = encodeReasoning([{ type: "reasoning.text", text: "Think.", signature: "sig-1", format: "anthropic" }])!;
    const { chat } = translate({
      model: "m",
      tools: [weather],
      input: [
        { role: "user", content: "Weather in Paris and Tokyo?" },
        { type: "reasoning", id: "rs_1", summary: [{ type: "summary_text", text: "Think." }], encrypted_content: signed },
        { type: "message", id: "msg_1", role: "assistant", status: "completed", content: [{ type: "output_text", text: "Checking.", annotations: [] }] },
        { type: "function_call", call_id: "call_a", name: "get_weather", arguments: '{"city":"Paris"}' },
        { type: "function_call", call_id: "call_b", name: "get_weather", arguments: '{"city":"Tokyo"}' },
        { type: "function_call_output", call_id: "call_a", output: "18°C" },
        { type: "function_call_output", call_id: "call_b", output: [{ type: "input_text", text: "25°C" }] },
      ],
    });
    expect(chat.messages.slice(1)).toEqual([
      {
        role: "assistant", content: "Checking.", reasoning: "Think.",
        reasoning_details: [{ type: "reasoning.text", text: "Think.", signature: "sig-1", format: "anthropic" }],
        tool_calls: [
          { id: "call_a", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
          { id: "call_b", type: "function", function: { name: "get_weather", arguments: '{"city":"Tokyo"}' } },
        ],
      },
      { role: "tool", tool_call_id: "call_a", content: "18°C" },
      { role: "tool", tool_call_id: "call_b", content: "25°C" },
    ]);
    expect(chat.tools).toEqual([{ type: "function", function: { name: "get_weather", description: "Weather for a city", parameters: weather.parameters } }]);
  });

  it("takes OpenAI's own reasoning as text, its encrypted content kept as OpenAI's", () => {
    const { chat } = translate({ model: "m", input: [{ role: "user", content: "hi" }, { type: "reasoning", id: "rs_x", summary: [{ type: "summary_text", text: "Hmm." }], encrypted_content: "gAAAA-openai" }] });
    expect(chat.messages[1].reasoning_details).toEqual([{ type: "reasoning.text", text: "Hmm.", format: "openai" }, { type: "reasoning.encrypted", data: "gAAAA-openai", format: "openai" }]);
  });

  it("finds a function call of the conversation so far for an output, and refuses an output without its call", () => {
    const history = normalizeInput([{ type: "function_call", call_id: "call_a", name: "get_weather", arguments: "{}" }], []).items;
    expect(translate({ model: "m", input: [{ type: "function_call_output", call_id: "call_a", output: "ok" }] }, history).chat.messages.at(-1)).toEqual({ role: "tool", tool_call_id: "call_a", content: "ok" });
    const error = failure(() => translate({ model: "m", input: [{ type: "function_call_output", call_id: "call_missing", output: "ok" }] }));
    expect(error).toMatchObject({ status: 400, type: "invalid_request_error", param: "input", message: "No tool call found for function call output with call_id call_missing." });
  });

  it("gives an item_reference the stored item it names, and leaves an unknown one to OpenAI", () => {
    const history = normalizeInput("Remember me", []).items;
    const stored = history[0] as { id: string };
    const own = normalizeInput(responsesRequestSchema.parse({ model: "m", input: [{ type: "item_reference", id: stored.id }, { id: "msg_elsewhere" }] }).input, history);
    expect(own.items[0]).toBe(history[0]);
    expect(own.unresolved).toEqual(["msg_elsewhere"]);
    expect(itemsToChatMessages(own.items.slice(0, 1)).messages).toEqual([{ role: "user", content: "Remember me" }]);
  });

  it("refuses an item type it does not know, naming the supported ones", () => {
    const error = failure(() => responsesRequestSchema.parse({ model: "m", input: [{ role: "user", content: "hi" }, { type: "telepathy", text: "hi" }] }));
    expect(error).toMatchObject({ status: 400, param: "input.1.type" });
    expect(error.message).toMatch(/'telepathy'; supported values are 'message', 'function_call', 'function_call_output'/);
    expect(failure(() => responsesRequestSchema.parse({ model: "m", input: [{ type: "message", role: "user", content: [{ type: "input_video" }] }] }))).toMatchObject({ param: "input.0.content.0.type" });
  });

  it("names what only OpenAI can serve instead of dropping it", () => {
    const { openAiOnly } = translate({
      model: "m",
      tools: [{ type: "file_search", vector_store_ids: ["vs_1"] }],
      input: [{ role: "user", content: [{ type: "input_image", file_id: "file-1", detail: "auto" }] }, { type: "computer_call_output", call_id: "c", output: { type: "computer_screenshot" } } as never],
    });
    expect(openAiOnly).toEqual(["input_image with file_id", "computer_call_output items", "file_search tools"]);
  });

  it("maps tool choice, structured output, reasoning effort and the web search tool", () => {
    const { chat } = translate({
      model: "m",
      input: "Find it",
      tools: [weather, { type: "function", name: "other", strict: null, parameters: null }, { type: "web_search", search_context_size: "low", user_location: { type: "approximate", city: "Paris", country: "FR" } }],
      tool_choice: { type: "allowed_tools", mode: "required", tools: [{ type: "function", name: "get_weather" }] },
      parallel_tool_calls: false,
      text: { format: { type: "json_schema", name: "city", schema: { type: "object" }, strict: true } },
      reasoning: { effort: "xhigh", summary: "auto" },
    });
    expect(chat).toMatchObject({
      tool_choice: "required",
      parallel_tool_calls: false,
      response_format: { type: "json_schema", json_schema: { name: "city", schema: { type: "object" }, strict: true } },
      reasoning: { effort: "high" },
      web_search_options: { search_context_size: "low", user_location: { type: "approximate", approximate: { city: "Paris", country: "FR" } } },
    });
    expect(chat.tools?.map((t) => (t.type === "function" ? t.function.name : t.type))).toEqual(["get_weather"]);
    expect(translate({ model: "m", input: "x", tools: [weather], tool_choice: { type: "function", name: "get_weather" } }).chat.tool_choice).toEqual({ type: "function", function: { name: "get_weather" } });
    expect(translate({ model: "m", input: "x", reasoning: { effort: "none" } }).chat.reasoning).toEqual({ enabled: false });
  });

  it("refuses background responses and conversations, which it does not keep", () => {
    expect(failure(() => responsesRequestSchema.parse({ model: "m", input: "x", background: true }))).toMatchObject({ status: 400, param: "background" });
    expect(failure(() => responsesRequestSchema.parse({ model: "m", input: "x", conversation: "conv_1" }))).toMatchObject({ status: 400, param: "conversation" });
  });
});
