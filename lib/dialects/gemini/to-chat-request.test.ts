import { describe, expect, it } from "vitest";
import { functionTools } from "@/lib/providers/shared/request-fields";
import { toGatewayError } from "@/lib/errors/render-openai";
import curlSnakeCase from "../fixtures/gemini/curl-snake-case.json";
import functionCalling from "../fixtures/gemini/function-calling.json";
import { generateRequestSchema } from "./schema";
import { geminiToChatRequest } from "./to-chat-request";

const GSIG = "CiQB0e2Kb2xV8nQp1n0mZ3hU9y0rK3tC8bE5dW1aF4gH6jL2sN0=";
const PNG = (functionCalling.contents[0].parts[1] as { inlineData: { data: string } }).inlineData.data;
const convert = (body: unknown, model = "openai/gpt-4o", stream = false) => geminiToChatRequest(generateRequestSchema.parse(body), model, stream);
const ask = (text: string) => ({ contents: [{ role: "user", parts: [{ text }] }] });

function rejection(body: unknown): string {
  const result = generateRequestSchema.safeParse(body);
  expect(result.success).toBe(false);
  return toGatewayError(result.error).message;
}

describe("Gemini request schema", () => {
  it("keeps what we do not model (safety settings, built-in tools)", () => {
    const parsed = generateRequestSchema.parse(functionCalling);
    expect(parsed).toEqual(functionCalling);
  });

  it("reads snake_case field names as Google does, never renaming keys inside user data", () => {
    const parsed = generateRequestSchema.parse(curlSnakeCase) as Record<string, unknown>;
    expect(parsed.systemInstruction).toEqual({ parts: [{ text: "You are a cat. Your name is Neko." }] });
    expect(parsed.tools).toEqual([{ functionDeclarations: [{ name: "set_light", parametersJsonSchema: { type: "object", properties: { room_name: { type: "string" } } } }] }]);
  });

  it("names the bad field", () => {
    expect(rejection({ contents: [] })).toBe("Invalid request: 'contents' must contain at least one content");
    expect(rejection({ contents: [{ parts: [] }] })).toBe("Invalid request: 'contents.0.parts' must not be empty");
    expect(rejection({ contents: [{ parts: [{}] }] })).toBe("Invalid request: 'contents.0.parts.0' must contain one of text, inlineData, fileData, functionCall or functionResponse");
    expect(rejection({ contents: [{ role: "assistant", parts: [{ text: "x" }] }] })).toContain("'contents.0.role'");
    expect(rejection({ contents: [{ parts: [{ functionCall: { args: {} } }] }] })).toContain("'contents.0.parts.0.functionCall.name'");
    expect(rejection({ contents: [{ parts: [{ inline_data: { data: "AAAA" } }] }] })).toContain("'contents.0.parts.0.inlineData.mimeType'");
    expect(rejection({ ...ask("x"), generationConfig: { temperature: "hot" } })).toBe("Invalid request: 'generationConfig.temperature' Invalid input: expected number, received string");
    expect(rejection({ ...ask("x"), toolConfig: { functionCallingConfig: { mode: "SOMETIMES" } } })).toContain("'toolConfig.functionCallingConfig.mode'");
  });
});

describe("geminiToChatRequest", () => {
  it("converts function calling: calls get ids their responses claim, schemas become JSON Schema", () => {
    expect(convert(functionCalling, "anthropic/claude-sonnet-4-5", true)).toEqual({
      model: "anthropic/claude-sonnet-4-5",
      stream: true,
      messages: [
        { role: "system", content: "Answer briefly." },
        { role: "user", content: [{ type: "text", text: "Weather in Paris and Tokyo?" }, { type: "image_url", image_url: { url: `data:image/png;base64,${PNG}` } }] },
        {
          role: "assistant",
          content: null,
          tool_calls: [
            { id: "call_1_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
            { id: "call_1_2", type: "function", function: { name: "get_weather", arguments: '{"city":"Tokyo"}' } },
          ],
          reasoning: "Planning the calls.",
          reasoning_details: [{ type: "reasoning.text", signature: GSIG, format: "gemini" }],
        },
        { role: "tool", tool_call_id: "call_1_1", content: '{"temp_c":18}' },
        { role: "tool", tool_call_id: "call_1_2", content: '{"temp_c":22}' },
      ],
      tools: [{
        type: "function",
        function: {
          name: "get_weather",
          description: "Current weather",
          parameters: { type: "object", properties: { city: { type: "string" }, unit: { type: ["string", "null"], enum: ["C", "F"] } }, required: ["city"] },
        },
      }],
      tool_choice: "auto",
      max_tokens: 1024,
      temperature: 0.4,
      top_p: 0.9,
      top_k: 32,
      stop: ["END"],
      seed: 7,
      n: 1,
      presence_penalty: 0.1,
      frequency_penalty: 0.2,
      response_format: { type: "json_schema", json_schema: { name: "response", schema: { type: "object", properties: { summary: { type: "string" } } } } },
      reasoning: { max_tokens: 1024, exclude: false },
    });
  });

  it("converts Google's curl example: snake_case, media by mime type, a forced function, thinking off", () => {
    expect(convert(curlSnakeCase)).toEqual({
      model: "openai/gpt-4o",
      stream: false,
      messages: [
        { role: "system", content: "You are a cat. Your name is Neko." },
        {
          role: "user",
          content: [
            { type: "image_url", image_url: { url: "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==" } },
            { type: "file", file: { file_data: "https://generativelanguage.googleapis.com/v1beta/files/abc-123" } },
            { type: "text", text: "Caption this image." },
          ],
        },
      ],
      tools: [{ type: "function", function: { name: "set_light", parameters: { type: "object", properties: { room_name: { type: "string" } } } } }],
      tool_choice: { type: "function", function: { name: "set_light" } },
      max_tokens: 200,
      reasoning: { enabled: false },
    });
  });

  it("matches function responses by id first, then by name in call order", () => {
    const chat = convert({
      contents: [
        ask("go").contents[0],
        { role: "model", parts: [{ functionCall: { id: "a", name: "f", args: {} } }, { functionCall: { id: "b", name: "f", args: {} } }] },
        { role: "user", parts: [{ functionResponse: { id: "b", name: "f", response: { n: 2 } } }, { functionResponse: { name: "f", response: { n: 1 } } }, { text: "and?" }] },
      ],
    });
    expect(chat.messages.slice(2)).toEqual([
      { role: "tool", tool_call_id: "b", content: '{"n":2}' },
      { role: "tool", tool_call_id: "a", content: '{"n":1}' },
      { role: "user", content: "and?" },
    ]);
  });

  it("maps tool modes and narrows the tools to allowedFunctionNames", () => {
    const tools = [{ functionDeclarations: [{ name: "a" }, { name: "b" }, { name: "c" }] }];
    const names = (body: unknown) => functionTools(convert(body).tools).map((t) => t.function.name);
    const any = { ...ask("x"), tools, toolConfig: { functionCallingConfig: { mode: "ANY", allowedFunctionNames: ["a", "c"] } } };
    expect(convert(any).tool_choice).toBe("required");
    expect(names(any)).toEqual(["a", "c"]);
    expect(convert({ ...ask("x"), tools, toolConfig: { functionCallingConfig: { mode: "NONE" } } }).tool_choice).toBe("none");
    expect(convert({ ...ask("x"), tools })).not.toHaveProperty("tool_choice");
    expect(convert({ ...ask("x"), tools: [{ googleSearch: {} }] })).not.toHaveProperty("tools");
  });

  it("maps thinking levels, dynamic budgets and JSON mode without a schema", () => {
    const config = (generationConfig: unknown) => convert({ ...ask("x"), generationConfig });
    expect(config({ thinkingConfig: { thinkingLevel: "LOW" } }).reasoning).toEqual({ enabled: true, effort: "low", exclude: true });
    expect(config({ thinkingConfig: { thinkingBudget: -1, includeThoughts: true } }).reasoning).toEqual({ enabled: true, exclude: false });
    expect(config({ responseMimeType: "application/json" }).response_format).toEqual({ type: "json_object" });
    expect(config({ responseMimeType: "text/plain" })).not.toHaveProperty("response_format");
  });

  it("hands an Anthropic signature carried in a thought back in Anthropic's format", () => {
    const chat = convert({
      contents: [ask("x").contents[0], { role: "model", parts: [{ text: "Thinking it over.", thought: true, thoughtSignature: "anthropic:EqQBCgIY" }, { text: "Done." }] }],
    });
    expect(chat.messages[1]).toEqual({
      role: "assistant",
      content: "Done.",
      reasoning: "Thinking it over.",
      reasoning_details: [{ type: "reasoning.text", text: "Thinking it over.", signature: "EqQBCgIY", format: "anthropic" }],
    });
  });
});
