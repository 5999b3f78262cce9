import { definedOnly } from "@/lib/providers/shared/request-fields";
import type { ChatMessage, ChatRequest, FunctionTool, ReasoningEffort } from "@/lib/providers/types";
import { contentParts, simplified } from "./content-parts";
import type { CountTokensRequest, CustomTool } from "./schema";
import { toChatMessages } from "./to-chat-messages";

/** A Messages body; count_tokens sends the same without max_tokens. */
type Inbound = CountTokensRequest;

const EFFORT: Record<string, ReasoningEffort> = { low: "low", medium: "medium", high: "high", xhigh: "high", max: "high" };

function systemMessage(system: Inbound["system"]): ChatMessage[] {
  if (system === undefined) return [];
  return [{ role: "system", content: typeof system === "string" ? system : simplified(system.flatMap(contentParts)) }];
}

/** Only custom tools can be offered to another model; Anthropic's built-in ones stay with Anthropic. */
function functionTools(tools: Inbound["tools"]): FunctionTool[] {
  const custom = (tools ?? []).filter((t): t is CustomTool => !t.type || t.type === "custom");
  return custom.map((t) => ({
    type: "function",
    function: definedOnly({ name: t.name, description: t.description, parameters: t.input_schema, strict: t.strict }) as FunctionTool["function"],
  }));
}

function toolChoice(choice: Inbound["tool_choice"]): Pick<ChatRequest, "tool_choice" | "parallel_tool_calls"> {
  if (!choice) return {};
  if (choice.type === "none") return { tool_choice: "none" };
  const parallel = choice.disable_parallel_tool_use ? { parallel_tool_calls: false } : {};
  if (choice.type === "any") return { tool_choice: "required", ...parallel };
  if (choice.type === "tool") return { tool_choice: { type: "function", function: { name: choice.name } }, ...parallel };
  return { tool_choice: "auto", ...parallel };
}

function reasoning({ thinking, output_config }: Inbound): ChatRequest["reasoning"] {
  const effort = output_config?.effort ? { effort: EFFORT[output_config.effort] } : {};
  const exclude = thinking && "display" in thinking && thinking.display === "omitted" ? { exclude: true } : {};
  if (thinking?.type === "disabled") return { enabled: false };
  if (thinking?.type === "enabled") return { max_tokens: thinking.budget_tokens, ...effort, ...exclude };
  if (thinking) return { enabled: true, ...effort, ...exclude };
  return output_config?.effort ? effort : undefined;
}

function responseFormat(config: Inbound["output_config"]): ChatRequest["response_format"] {
  const schema = config?.format?.schema;
  return schema ? { type: "json_schema", json_schema: { name: "response", schema } } : undefined;
}

/** An Anthropic Messages request as our shared request; fields we do not model stay out of it. */
export function anthropicToChatRequest(input: Inbound): ChatRequest {
  const tools = functionTools(input.tools);
  const request: Partial<ChatRequest> = {
    model: input.model,
    messages: [...systemMessage(input.system), ...toChatMessages(input.messages)],
    max_tokens: input.max_tokens,
    temperature: input.temperature,
    top_p: input.top_p,
    top_k: input.top_k,
    stop: input.stop_sequences,
    stream: input.stream,
    user: input.metadata?.user_id ?? undefined,
    reasoning: reasoning(input),
    response_format: responseFormat(input.output_config),
    ...(tools.length ? { tools, ...toolChoice(input.tool_choice) } : {}),
  };
  return definedOnly(request) as ChatRequest;
}
