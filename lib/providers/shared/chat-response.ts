import type { ChatResponse, FinishReason, ReasoningDetail, ResponseMessage, ToolCall, UpstreamContext, Usage } from "@/lib/providers/types";

export interface AssistantParts {
  text: string;
  toolCalls: ToolCall[];
  reasoning?: string;
  details?: ReasoningDetail[];
}

/** Our assistant message: null content when the turn is only tool calls, optional fields left out. */
export function assistantMessage({ text, toolCalls, reasoning, details = [] }: AssistantParts): ResponseMessage {
  return {
    role: "assistant",
    content: text || (toolCalls.length ? null : ""),
    ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
    ...(reasoning ? { reasoning } : {}),
    ...(details.length ? { reasoning_details: details } : {}),
  };
}

/** A one-choice completion in our shape, from any provider family's parts. */
export function singleChoiceResponse(ctx: UpstreamContext, model: string, message: ResponseMessage, finish: FinishReason | null, native: string | null, usage: Usage): ChatResponse {
  return {
    id: ctx.id,
    object: "chat.completion",
    created: ctx.created,
    model,
    provider: ctx.provider,
    choices: [{ index: 0, message, finish_reason: finish, native_finish_reason: native }],
    usage,
  };
}
