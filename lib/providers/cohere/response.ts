import { GatewayError } from "@/lib/errors/gateway-error";
import { assistantMessage, singleChoiceResponse } from "@/lib/providers/shared/chat-response";
import type { ChatResponse, ToolCall, UpstreamContext } from "@/lib/providers/types";
import { mapCohereFinishReason } from "./finish-reason";
import { convertCohereUsage } from "./usage";
import { chatResponseSchema, type CohereWireToolCall } from "./wire-schema";

export const toToolCall = (call: CohereWireToolCall, index: number): ToolCall => ({
  id: call.id || `call_${index}`,
  type: "function",
  function: { name: call.function?.name ?? "", arguments: call.function?.arguments || "{}" },
});

/** A Cohere v2 chat response as ours; thinking and the tool plan are Cohere's visible reasoning. */
export function parseCohereChatResponse(body: unknown, ctx: UpstreamContext): ChatResponse {
  const parsed = chatResponseSchema.safeParse(body);
  if (!parsed.success) throw new GatewayError(502, "api_error", `${ctx.provider} returned an unexpected response`, { metadata: { provider: ctx.provider } });
  const { message, finish_reason: finish, usage } = parsed.data;
  const items = typeof message?.content === "string" ? [{ type: "text", text: message.content }] : (message?.content ?? []);
  const text = items.filter((item) => item.type === "text").map((item) => item.text ?? "").join("");
  const thinking = items.filter((item) => item.type === "thinking").map((item) => item.thinking ?? "").join("");
  const reasoning = [thinking, message?.tool_plan].filter(Boolean).join("\n\n");
  const toolCalls = (message?.tool_calls ?? []).map(toToolCall);
  const reply = assistantMessage({ text, toolCalls, reasoning: reasoning || undefined });
  return singleChoiceResponse(ctx, ctx.model, reply, mapCohereFinishReason(finish, toolCalls.length > 0), finish ?? null, convertCohereUsage(usage));
}
