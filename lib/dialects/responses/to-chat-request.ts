import { definedOnly } from "@/lib/providers/shared/request-fields";
import type { ChatRequest, FunctionTool, ReasoningEffort, ResponseFormat, ToolChoice } from "@/lib/providers/types";
import type { InputItem, ResponsesRequest } from "./schema";
import { itemsToChatMessages } from "./to-chat-messages";

type Tool = Record<string, unknown> & { type: string };
const WEB_SEARCH = /^web_search(_preview)?(_\d{4}_\d{2}_\d{2})?$/;
const EFFORT: Record<string, ReasoningEffort> = { minimal: "minimal", low: "low", medium: "medium", high: "high", xhigh: "high" };

export interface TranslatedRequest {
  chat: ChatRequest;
  /** Why another provider cannot serve it (OpenAI-only items or tools), when it cannot. */
  openAiOnly: string[];
}

function functionTool(tool: Tool): FunctionTool {
  const fn = definedOnly({ name: tool.name, description: tool.description, parameters: tool.parameters, strict: tool.strict });
  return { type: "function", function: fn as FunctionTool["function"] };
}

/** The web search tool as Chat Completions' `web_search_options` (the providers map it from there). */
function webSearchOptions(tool: Tool): Record<string, unknown> {
  const location = tool.user_location as Record<string, unknown> | null | undefined;
  const { type: _type, ...approximate } = location ?? {};
  return definedOnly({
    search_context_size: tool.search_context_size,
    user_location: location ? { type: "approximate", approximate: definedOnly(approximate) } : undefined,
  });
}

/** `allowed_tools` narrows the tools offered and keeps its mode; built-in tool choices leave the model free. */
function toolChoice(choice: ResponsesRequest["tool_choice"], tools: FunctionTool[]): { tool_choice?: ToolChoice; tools: FunctionTool[] } {
  if (!choice) return { tools };
  if (typeof choice === "string") return { tool_choice: choice, tools };
  if (choice.type === "function") return { tool_choice: { type: "function", function: { name: String(choice.name) } }, tools };
  if (choice.type === "allowed_tools") {
    const allowed = new Set((choice.tools as Tool[] | undefined ?? []).map((t) => t.name));
    return { tool_choice: choice.mode === "required" ? "required" : "auto", tools: tools.filter((t) => allowed.has(t.function.name)) };
  }
  return { tool_choice: "auto", tools };
}

function responseFormat(format: NonNullable<ResponsesRequest["text"]>["format"]): ResponseFormat | undefined {
  if (!format || format.type === "text") return undefined;
  if (format.type === "json_object") return { type: "json_object" };
  const schema = definedOnly({ name: format.name, description: format.description ?? undefined, schema: format.schema, strict: format.strict ?? undefined });
  return { type: "json_schema", json_schema: schema as Extract<ResponseFormat, { type: "json_schema" }>["json_schema"] };
}

function reasoning(config: ResponsesRequest["reasoning"]): ChatRequest["reasoning"] {
  const effort = config?.effort;
  if (!effort) return undefined;
  return effort === "none" ? { enabled: false } : { effort: EFFORT[effort] };
}

/**
 * A Responses request, with its conversation so far (`items`: stored history, then this input), as
 * our shared chat request. What only OpenAI understands is left out and named in `openAiOnly`.
 */
export function responsesToChatRequest(input: ResponsesRequest, items: InputItem[]): TranslatedRequest {
  const { messages, openAiOnly } = itemsToChatMessages(items);
  const tools = (input.tools ?? []) as Tool[];
  const search = tools.find((t) => WEB_SEARCH.test(t.type));
  for (const t of tools) if (t.type !== "function" && !WEB_SEARCH.test(t.type)) openAiOnly.push(`${t.type} tools`);
  const choice = toolChoice(input.tool_choice, tools.filter((t) => t.type === "function").map(functionTool));
  const chat: Partial<ChatRequest> = {
    model: input.model,
    messages: [...(input.instructions ? [{ role: "system" as const, content: input.instructions }] : []), ...messages],
    max_tokens: input.max_output_tokens ?? undefined,
    temperature: input.temperature ?? undefined,
    top_p: input.top_p ?? undefined,
    stream: input.stream ?? undefined,
    user: input.user ?? undefined,
    reasoning: reasoning(input.reasoning),
    response_format: responseFormat(input.text?.format),
    ...(choice.tools.length ? { ...choice, parallel_tool_calls: input.parallel_tool_calls ?? undefined } : {}),
    ...(search ? { web_search_options: webSearchOptions(search) } : {}),
  };
  return { chat: definedOnly(chat) as ChatRequest, openAiOnly };
}
