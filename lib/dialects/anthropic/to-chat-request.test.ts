import { describe, expect, it } from "vitest";
import { toGatewayError } from "@/lib/errors/render-openai";
import agentTurn from "../fixtures/anthropic/agent-turn.json";
import { countTokensRequestSchema, messagesRequestSchema } from "./schema";
import { anthropicToChatRequest } from "./to-chat-request";

const SIG = "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds";
const PNG = agentTurn.messages[0].content[1] as { source: { data: string } };
const minimal = { model: "openai/gpt-4o", max_tokens: 64, messages: [{ role: "user", content: "hi" }] };
const convert = (body: unknown) => anthropicToChatRequest(messagesRequestSchema.parse(body));

/** The 400 message a route would send for this body. */
function rejection(body: unknown): string {
  const result = messagesRequestSchema.safeParse(body);
  expect(result.success).toBe(false);
  return toGatewayError(result.error).message;
}

describe("Anthropic request schema", () => {
  it("keeps the body as sent, fields and block types we do not model included, for a same-dialect upstream", () => {
    expect(messagesRequestSchema.parse(agentTurn)).toEqual(agentTurn);
  });

  it("names the bad field, however deep", () => {
    expect(rejection({ ...minimal, max_tokens: undefined })).toBe("Invalid request: 'max_tokens' Invalid input: expected number, received undefined");
    expect(rejection({ ...minimal, messages: [{ role: "user", content: [{ type: "text", text: "ok" }, { type: "text", text: 3 }] }] }))
      .toBe("Invalid request: 'messages.0.content.1.text' Invalid input: expected string, received number");
    expect(rejection({ ...minimal, messages: [{ role: "user", content: [{ type: "tool_result", content: "x" }] }] }))
      .toContain("'messages.0.content.0.tool_use_id'");
    expect(rejection({ ...minimal, messages: [{ role: "user", content: [{ type: "image", source: { type: "url", url: "file:///etc/passwd" } }] }] }))
      .toBe("Invalid request: 'messages.0.content.0.source.url' must be an http(s) URL");
    expect(rejection({ ...minimal, messages: [{ role: "user", content: 5 }] })).toBe("Invalid request: 'messages.0.content' must be a string or an array of content blocks");
    expect(rejection({ ...minimal, messages: [{ role: "bot", content: "hi" }] })).toContain("'messages.0.role'");
    expect(rejection({ ...minimal, messages: [] })).toBe("Invalid request: 'messages' must contain at least one message");
    expect(rejection({ ...minimal, system: [{ type: "text" }] })).toContain("'system.0.text'");
    expect(rejection({ ...minimal, tools: [{ name: "get_weather" }] })).toContain("'tools.0.input_schema'");
    expect(rejection({ ...minimal, tool_choice: { type: "tool" } })).toContain("'tool_choice.name'");
    expect(rejection({ ...minimal, thinking: { type: "enabled" } })).toContain("'thinking.budget_tokens'");
    expect(rejection({ ...minimal, temperature: 1.5 })).toContain("'temperature'");
  });

  it("takes count_tokens bodies without max_tokens", () => {
    const { max_tokens: _, ...body } = minimal;
    expect(countTokensRequestSchema.parse(body)).toEqual(body);
    expect(anthropicToChatRequest(countTokensRequestSchema.parse(body)).messages).toEqual([{ role: "user", content: "hi" }]);
  });
});

describe("anthropicToChatRequest", () => {
  it("converts an agent turn: system blocks, images, thinking, tool uses and results, tools and settings", () => {
    expect(convert(agentTurn)).toEqual({
      model: "openai/gpt-4o",
      max_tokens: 4096,
      stream: true,
      top_k: 40,
      stop: ["\n\nHuman:"],
      user: "user_2f8a9c",
      reasoning: { max_tokens: 2048 },
      tools: [{ type: "function", function: { name: "get_weather", description: "Current weather for a city", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } } }],
      tool_choice: "auto",
      parallel_tool_calls: false,
      messages: [
        { role: "system", content: [{ type: "text", text: "You are a helpful agent." }, { type: "text", text: "Project notes: use metric units.", cache_control: { type: "ephemeral" } }] },
        {
          role: "user",
          content: [
            { type: "text", text: "What is the weather in these two places?" },
            { type: "image_url", image_url: { url: `data:image/png;base64,${PNG.source.data}` } },
            { type: "image_url", image_url: { url: "https://upload.example.com/tokyo.jpg" } },
          ],
        },
        {
          role: "assistant",
          content: "Let me check.",
          tool_calls: [
            { id: "toolu_01A", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
            { id: "toolu_01B", type: "function", function: { name: "get_weather", arguments: '{"city":"Tokyo"}' } },
          ],
          reasoning: "Two cities; call the tool twice.",
          reasoning_details: [
            { type: "reasoning.text", text: "Two cities; call the tool twice.", signature: SIG, format: "anthropic" },
            { type: "reasoning.encrypted", data: "EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpP", format: "anthropic" },
          ],
        },
        { role: "tool", tool_call_id: "toolu_01A", content: "18°C, clear" },
        { role: "tool", tool_call_id: "toolu_01B", content: "Error: upstream timeout" },
        { role: "user", content: [{ type: "text", text: "Also search the news.", cache_control: { type: "ephemeral", ttl: "5m" } }] },
        // Web search ran on Anthropic's side; only its text answer means something to another model.
        { role: "assistant", content: "Tokyo has rain." },
        { role: "user", content: "Thanks!" },
      ],
    });
  });

  it("keeps tool results with images as parts, and documents and search results as parts", () => {
    const chat = convert({
      ...minimal,
      messages: [
        { role: "assistant", content: [{ type: "tool_use", id: "toolu_1", name: "screenshot", input: {} }] },
        {
          role: "user",
          content: [
            { type: "tool_result", tool_use_id: "toolu_1", content: [{ type: "text", text: "done" }, { type: "image", source: { type: "base64", media_type: "image/jpeg", data: "AAAA" } }] },
            { type: "document", title: "spec.pdf", source: { type: "base64", media_type: "application/pdf", data: "JVBERi0x" } },
            { type: "document", source: { type: "text", media_type: "text/plain", data: "plain notes" } },
            { type: "search_result", source: "https://docs.example.com", title: "Docs", content: [{ type: "text", text: "Result body" }] },
          ],
        },
      ],
    });
    expect(chat.messages).toEqual([
      { role: "assistant", content: null, tool_calls: [{ id: "toolu_1", type: "function", function: { name: "screenshot", arguments: "{}" } }] },
      { role: "tool", tool_call_id: "toolu_1", content: [{ type: "text", text: "done" }, { type: "image_url", image_url: { url: "data:image/jpeg;base64,AAAA" } }] },
      {
        role: "user",
        content: [
          { type: "file", file: { filename: "spec.pdf", file_data: "data:application/pdf;base64,JVBERi0x" } },
          { type: "text", text: "plain notes" },
          { type: "text", text: "Docs\nhttps://docs.example.com\n\nResult body" },
        ],
      },
    ]);
  });

  it("maps every tool_choice, and drops it when no tool can be offered", () => {
    const tools = [{ name: "f", input_schema: { type: "object" } }];
    expect(convert({ ...minimal, tools, tool_choice: { type: "any" } })).toMatchObject({ tool_choice: "required" });
    expect(convert({ ...minimal, tools, tool_choice: { type: "tool", name: "f", disable_parallel_tool_use: true } }))
      .toMatchObject({ tool_choice: { type: "function", function: { name: "f" } }, parallel_tool_calls: false });
    expect(convert({ ...minimal, tools, tool_choice: { type: "none" } })).toMatchObject({ tool_choice: "none" });
    const serverOnly = convert({ ...minimal, tools: [{ type: "web_search_20250305", name: "web_search" }], tool_choice: { type: "any" } });
    expect(serverOnly).not.toHaveProperty("tools");
    expect(serverOnly).not.toHaveProperty("tool_choice");
  });

  it("maps thinking modes, effort and structured output", () => {
    expect(convert({ ...minimal, thinking: { type: "disabled" } }).reasoning).toEqual({ enabled: false });
    expect(convert({ ...minimal, thinking: { type: "adaptive", display: "omitted" }, output_config: { effort: "max" } }).reasoning)
      .toEqual({ enabled: true, effort: "high", exclude: true });
    expect(convert({ ...minimal, output_config: { effort: "low" } }).reasoning).toEqual({ effort: "low" });
    const schema = { type: "object", properties: { answer: { type: "string" } } };
    expect(convert({ ...minimal, output_config: { format: { type: "json_schema", schema } } }).response_format)
      .toEqual({ type: "json_schema", json_schema: { name: "response", schema } });
  });

  it("hands a Gemini signature carried in a thinking block back in Gemini's format", () => {
    const chat = convert({
      ...minimal,
      messages: [{ role: "assistant", content: [{ type: "thinking", thinking: "", signature: "gemini:CiQB0e2K" }, { type: "tool_use", id: "call_1", name: "f", input: { a: 1 } }] }],
    });
    expect(chat.messages[0].reasoning_details).toEqual([{ type: "reasoning.text", text: "", signature: "CiQB0e2K", format: "gemini" }]);
  });

  it("keeps a system role message and a prefilled assistant turn", () => {
    const chat = convert({ ...minimal, system: "Be brief.", messages: [{ role: "system", content: "Policy." }, { role: "user", content: "hi" }, { role: "assistant", content: "Sure:" }] });
    expect(chat.messages).toEqual([
      { role: "system", content: "Be brief." },
      { role: "system", content: "Policy." },
      { role: "user", content: "hi" },
      { role: "assistant", content: "Sure:" },
    ]);
  });
});
